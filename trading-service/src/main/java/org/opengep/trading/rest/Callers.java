package org.opengep.trading.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opengep.common.security.HolderClaim;
import org.opengep.trading.service.Caller;

/** The caller of the current request, from its token. */
@ApplicationScoped
public class Callers {

    @Inject
    JsonWebToken jwt;

    public Caller current() {
        return new Caller(jwt.getName(), jwt.getGroups(), HolderClaim.of(jwt));
    }

    /** Traders see their own holder's account; operators and auditors every account. */
    public void requireSees(UUID holderId) {
        Caller caller = current();
        if (!caller.roles().contains(Roles.AUDITOR) && !caller.roles().contains(Roles.OPERATOR)) {
            caller.requireActsFor(holderId);
        }
    }
}
