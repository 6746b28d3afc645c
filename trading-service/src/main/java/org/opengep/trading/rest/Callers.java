package org.opengep.trading.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opengep.common.problem.RefusedException;
import org.opengep.trading.service.Caller;

/** The caller of the current request, from its token. */
@ApplicationScoped
public class Callers {

    @Inject
    JsonWebToken jwt;

    public Caller current() {
        Object claim = jwt.getClaim(Roles.HOLDER_CLAIM);
        UUID holderId = null;
        if (claim != null) {
            try {
                holderId = UUID.fromString(claim.toString().replace("\"", ""));
            } catch (IllegalArgumentException e) {
                throw new RefusedException("invalid-holder-claim", "the token's " + Roles.HOLDER_CLAIM + " claim is not a holder id");
            }
        }
        return new Caller(jwt.getName(), jwt.getGroups(), holderId);
    }

    /** Traders see their own holder's account; operators and auditors every account. */
    public void requireSees(UUID holderId) {
        Caller caller = current();
        if (!caller.roles().contains(Roles.AUDITOR) && !caller.roles().contains(Roles.OPERATOR)) {
            caller.requireActsFor(holderId);
        }
    }
}
