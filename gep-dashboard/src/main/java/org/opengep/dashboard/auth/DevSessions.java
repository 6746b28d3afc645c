package org.opengep.dashboard.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    public String open(DevSession session) {
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
