package org.opengep.system;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Bearer tokens for the people of the demonstration, signed by the issuer the services trust. */
public interface Tokens {

    String token(String user, Map<String, Object> claims, String... roles);

    default String user(String user, String... roles) {
        return token(user, Map.of(), roles);
    }

    /** A trader acting for a holder (claim {@code holder_id}). */
    default String trader(String holderId) {
        return token("trader-" + holderId.substring(0, 8), Map.of("holder_id", holderId), "trader");
    }

    /** Reads official GEP figures. */
    default String reader() {
        return user("demo-reader", "gep-reader");
    }

    /** Tokens signed with a PEM private key file, as the local run's dev issuer ({@code .local/keys/private.pem}) does. */
    static Tokens signedWith(String privateKeyPem, String issuer) {
        return (user, claims, roles) -> {
            var builder = Jwt.issuer(issuer).subject(user).upn(user).groups(Set.of(roles));
            claims.forEach(builder::claim);
            return builder.expiresIn(Duration.ofHours(1)).sign(privateKeyPem);
        };
    }
}
