package org.opengep.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengep.dashboard.DashboardConfig;

class DevSessionsTest {

    @Test
    void theDevelopmentSignInWithoutItsKeyStopsTheStart() {
        DevSessions sessions = new DevSessions();
        assertThatThrownBy(() -> sessions.checkKey(null, config(true, Optional.empty())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GEP_DASHBOARD_DEV_SIGNING_KEY_LOCATION");
        sessions.checkKey(null, config(true, Optional.of("file:/keys/private.pem")));
        sessions.checkKey(null, config(false, Optional.empty()));
    }

    @Test
    void aSessionEndsWhenItExpiresAndOnSignOut() {
        DevSessions sessions = new DevSessions();
        String expired = sessions.open(new DevSessions.DevSession("a", Set.of(), "t", Instant.now().minusSeconds(1)));
        String open = sessions.open(new DevSessions.DevSession("b", Set.of("gep-reader"), "t", Instant.now().plusSeconds(60)));
        assertThat(sessions.find(expired)).isEmpty();
        assertThat(sessions.find(open)).get().extracting(DevSessions.DevSession::user).isEqualTo("b");
        assertThat(open).hasSize(43).isNotEqualTo(expired);
        sessions.close(open);
        assertThat(sessions.find(open)).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    private static DashboardConfig config(boolean enabled, Optional<String> key) {
        return new DashboardConfig() {
            @Override
            public String homeRegion() {
                return "100000";
            }

            @Override
            public DevSignIn devSignIn() {
                return new DevSignIn() {
                    @Override
                    public boolean enabled() {
                        return enabled;
                    }

                    @Override
                    public Optional<String> signingKeyLocation() {
                        return key;
                    }

                    @Override
                    public String issuer() {
                        return "https://gep.local/issuer";
                    }

                    @Override
                    public Duration lifetime() {
                        return Duration.ofHours(8);
                    }
                };
            }
        };
    }
}
