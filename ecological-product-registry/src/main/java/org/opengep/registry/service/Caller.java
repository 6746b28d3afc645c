package org.opengep.registry.service;

import java.util.Set;
import java.util.UUID;
import org.opengep.registry.rest.Roles;

/** Who is asking: their name (the token's subject), roles and, for holder-scoped tokens, the holder they act for. */
public record Caller(String name, Set<String> roles, UUID holderId) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Registrars and verifiers see every product; readers and holders see the catalogue, holders their drafts too. */
    public boolean seesAllProducts() {
        return has(Roles.REGISTRAR) || has(Roles.VERIFIER);
    }

    /** Holder-scoped callers (no registry-wide role) see only what belongs to their holder. */
    public boolean isHolderScoped() {
        return holderId != null && !seesAllProducts() && !has(Roles.READER);
    }
}
