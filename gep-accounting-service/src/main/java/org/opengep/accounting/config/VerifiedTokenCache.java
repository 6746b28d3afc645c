package org.opengep.accounting.config;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each distinct bearer token once: a client reading official figures sends the same token with
 * every request, and checking its RSA signature again each time costs more than serving the figure. A token
 * is taken from memory only until it expires, and for five minutes at most (so that a rotated verification
 * key takes effect soon); the smallrye-jwt factory does every verification.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {

    private static final int MAX_TOKENS = 10_000;
    private static final long MAX_AGE_MILLIS = 5 * 60 * 1000;

    private record Verified(JWTCallerPrincipal principal, long validUntilMillis) {}

    private final DefaultJWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null && now < known.validUntilMillis()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        long expiresMillis = principal.getExpirationTime() * 1000;
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(token, new Verified(principal, Math.min(expiresMillis, now + MAX_AGE_MILLIS)));
        return principal;
    }
}
