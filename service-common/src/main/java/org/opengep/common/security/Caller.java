package org.opengep.common.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.opengep.common.problem.RefusedException;

/** Who is asking: their name (the token's subject), roles and, for holder-scoped tokens, the holder they act for. */
public record Caller(String name, Set<String> roles, UUID holderId) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** Acts for its holder alone: it names one and has none of the roles that see across holders. */
    public boolean isScopedToItsHolder(Collection<String> acrossHolders) {
        return holderId != null && !hasAny(acrossHolders);
    }

    /** Moves only its own holder's units. */
    public void requireActsFor(UUID holder) {
        if (holderId == null || !holderId.equals(holder)) {
            throw new RefusedException("not-your-account", "this token acts for holder " + holderId + ", not for " + holder);
        }
    }

    /**
     * What an Idempotency-Key belongs to: the caller and the holder it acts for, so that one user acting for two
     * holders (two tokens) never receives one holder's answer under the other's key.
     */
    public String idempotencyScope() {
        return holderId == null ? name : name + " for " + holderId;
    }

    /** Sees this holder's account: it has a role that sees across holders, or acts for this one. */
    public void requireSees(UUID holder, Collection<String> acrossHolders) {
        if (!hasAny(acrossHolders)) {
            requireActsFor(holder);
        }
    }
}
