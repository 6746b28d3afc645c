package org.opengep.common.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authenticates each distinct bearer token once. A client reading official figures sends the same token with every
 * request, and verifying its signature and building its identity each time costs more than serving the figure.
 * The identity smallrye-jwt built is reused until the token expires, and for five minutes at most (so that a
 * rotated verification key takes effect soon); everything else, and every token seen for the first time, goes
 * to the smallrye-jwt mechanism. Authorisation (roles) is untouched.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingJwtAuthMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final int MAX_TOKENS = 10_000;
    private static final long MAX_AGE_MILLIS = 5 * 60 * 1000;

    private record Known(SecurityIdentity identity, long validUntilMillis) {}

    @Inject
    JWTAuthMechanism jwt;

    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            return jwt.authenticate(context, identityProviderManager);
        }
        long now = System.currentTimeMillis();
        Known cached = known.get(header);
        if (cached != null && now < cached.validUntilMillis()) {
            return Uni.createFrom().item(cached.identity());
        }
        return jwt.authenticate(context, identityProviderManager).invoke(identity -> remember(header, identity, now));
    }

    private void remember(String header, SecurityIdentity identity, long now) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        if (known.size() >= MAX_TOKENS) {
            known.clear();
        }
        known.put(header, new Known(identity, Math.min(token.getExpirationTime() * 1000, now + MAX_AGE_MILLIS)));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return jwt.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return jwt.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return jwt.getCredentialTransport(context);
    }
}
