package org.opengep.registry.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opengep.common.problem.RefusedException;
import org.opengep.common.security.HolderClaim;
import org.opengep.registry.service.Caller;

/** The caller of the current request, from its token. */
@ApplicationScoped
public class Callers {

    @Inject
    JsonWebToken jwt;

    public Caller current() {
        UUID holderId = HolderClaim.of(jwt);
        if (jwt.getGroups().contains(Roles.HOLDER) && holderId == null) {
            throw new RefusedException("invalid-holder-claim", "a holder token names its holder in the " + Roles.HOLDER_CLAIM + " claim");
        }
        return new Caller(jwt.getName(), jwt.getGroups(), holderId);
    }
}
