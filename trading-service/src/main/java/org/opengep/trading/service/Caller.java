package org.opengep.trading.service;

import java.util.Set;
import java.util.UUID;
import org.opengep.common.problem.RefusedException;

/** Who is asking: their name (the token's subject), roles and, for traders, the holder they act for. */
public record Caller(String name, Set<String> roles, UUID holderId) {

    /** A trader moves only its own holder's units. */
    public void requireActsFor(UUID holder) {
        if (holderId == null || !holderId.equals(holder)) {
            throw new RefusedException("not-your-account", "this token acts for holder " + holderId + ", not for " + holder);
        }
    }
}
