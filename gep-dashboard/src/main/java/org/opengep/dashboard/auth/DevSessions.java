package org.opengep.dashboard.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opengep.dashboard.DashboardConfig;

/**
 * The development sign-ins of this process: a random session id (the browser's HttpOnly cookie) names the user, the
 * roles and the signed token the dashboard sends to the services. They live in memory: a restart signs everyone out.
 */
@ApplicationScoped
public class DevSessions {

    public static final String COOKIE = "gep-dev-session";

    /** One development sign-in. */
    public record DevSession(String user, Set<String> roles, String token, Instant expiresAt) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, DevSession> sessions = new ConcurrentHashMap<>();

    /** A development sign-in without its key could not sign anyone in: the dashboard refuses to start so configured. */
    void checkKey(@Observes StartupEvent start, DashboardConfig config) {
        if (config.devSignIn().enabled() && config.devSignIn().signingKeyLocation().isEmpty()) {
            throw new IllegalStateException("the development sign-in is on but GEP_DASHBOARD_DEV_SIGNING_KEY_LOCATION "
                    + "(gep.dashboard.dev-sign-in.signing-key-location) names no key");
        }
    }

    public String open(DevSession session) {
        Instant now = Instant.now();
        sessions.values().removeIf(open -> open.expiresAt().isBefore(now));
        byte[] id = new byte[32];
        random.nextBytes(id);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(key, session);
        return key;
    }

    public Optional<DevSession> find(String id) {
        DevSession session = id == null ? null : sessions.get(id);
        if (session != null && session.expiresAt().isBefore(Instant.now())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
