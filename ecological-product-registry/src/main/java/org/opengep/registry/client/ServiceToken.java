package org.opengep.registry.client;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The registry's own bearer token for calls to other services: subject {@code ecological-product-registry},
 * the read role of the accounting service and nothing else, signed with the key configured in
 * {@code smallrye.jwt.sign.key.location} (a key the platform's issuer vouches for). It is renewed a minute
 * before it expires.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration LIFETIME = Duration.ofMinutes(10);

    @ConfigProperty(name = "registry.service-token.issuer")
    String issuer;

    @ConfigProperty(name = "registry.service-token.roles", defaultValue = "gep-reader")
    Set<String> roles;

    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;

    public String bearer() {
        Instant now = Instant.now();
        if (now.isAfter(renewAt)) {
            synchronized (this) {
                if (now.isAfter(renewAt)) {
                    token = Jwt.issuer(issuer).subject("ecological-product-registry").upn("ecological-product-registry")
                            .groups(roles).expiresIn(LIFETIME).sign();
                    renewAt = now.plus(LIFETIME).minusSeconds(60);
                }
            }
        }
        return "Bearer " + token;
    }
}
