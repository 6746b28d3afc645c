package org.opengep.common.client;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A service's own bearer token for its calls to other services: subject {@code gep.service-token.subject} (the
 * service's name), the roles in {@code gep.service-token.roles} (the read role of the service it calls and nothing
 * else), signed with the key in {@code smallrye.jwt.sign.key.location} (a key the platform's issuer vouches for). It
 * is renewed a minute before it expires. The caller's own token is never passed on: it grants nothing elsewhere.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration LIFETIME = Duration.ofMinutes(10);

    @ConfigProperty(name = "gep.service-token.issuer")
    String issuer;

    @ConfigProperty(name = "gep.service-token.subject")
    String subject;

    @ConfigProperty(name = "gep.service-token.roles")
    Set<String> roles;

    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;

    public String bearer() {
        Instant now = Instant.now();
        if (now.isAfter(renewAt)) {
            synchronized (this) {
                if (now.isAfter(renewAt)) {
                    token = Jwt.issuer(issuer).subject(subject).upn(subject)
                            .groups(roles).expiresIn(LIFETIME).sign();
                    renewAt = now.plus(LIFETIME).minusSeconds(60);
                }
            }
        }
        return "Bearer " + token;
    }

    /**
     * A token of this service's for a purpose of its own (the subject names it), with {@code roles} only, valid for
     * {@code lifetime}; made anew at each call. The accounting service's warm-up calls its own endpoints with one.
     */
    public String bearer(String purpose, Set<String> roles, Duration lifetime) {
        String name = subject + " " + purpose;
        return "Bearer " + Jwt.issuer(issuer).subject(name).upn(name).groups(roles).expiresIn(lifetime).sign();
    }
}
