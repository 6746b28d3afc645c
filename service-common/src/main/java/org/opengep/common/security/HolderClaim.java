package org.opengep.common.security;

import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opengep.common.problem.RefusedException;

/** The claim that names the holder a token acts for (registry holder tokens, trading traders): a holder's UUID. */
public final class HolderClaim {

    public static final String NAME = "holder_id";

    private HolderClaim() {}

    /** The token's holder, or null when it names none; a claim that is not a holder id is refused (403). */
    public static UUID of(JsonWebToken jwt) {
        Object claim = jwt.getClaim(NAME);
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new RefusedException("invalid-holder-claim", "the token's " + NAME + " claim is not a holder id");
        }
    }
}
