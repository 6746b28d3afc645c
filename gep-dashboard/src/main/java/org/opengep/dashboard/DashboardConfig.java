package org.opengep.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The dashboard's settings (prefix {@code gep.dashboard}). */
@ConfigMapping(prefix = "gep.dashboard")
public interface DashboardConfig {

    /** The region the home page opens (GB/T 2260 code); 100000 is the nation. */
    @WithDefault("100000")
    String homeRegion();

    DevSignIn devSignIn();

    /**
     * A development sign-in for the local run: the user picks a name and roles and the dashboard signs a token with the
     * dev issuer's key. Off unless {@code deploy/local/run.sh} turns it on; a deployment signs in through OpenID Connect.
     */
    interface DevSignIn {
        @WithDefault("false")
        boolean enabled();

        /** The dev issuer's private key (PKCS#8 PEM), the one the services' public key belongs to. */
        Optional<String> signingKeyLocation();

        @WithDefault("https://gep.local/issuer")
        String issuer();

        /** How long a development sign-in lasts. */
        @WithDefault("8h")
        Duration lifetime();
    }
}
