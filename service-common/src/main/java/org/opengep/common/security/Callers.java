package org.opengep.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opengep.common.problem.RefusedException;

/** The caller of the current request, from its token, in every service. */
@ApplicationScoped
public class Callers {

    @Inject
    JsonWebToken jwt;

    /** The caller; a token with a holder's role that names no holder is refused (403). */
    public Caller current() {
        UUID holderId = HolderClaim.of(jwt);
        if (holderId == null && Roles.ACTING_FOR_A_HOLDER.stream().anyMatch(jwt.getGroups()::contains)) {
            throw new RefusedException("invalid-holder-claim", "a holder's token names its holder in the " + HolderClaim.NAME + " claim");
        }
        return new Caller(jwt.getName(), jwt.getGroups(), holderId);
    }
}
