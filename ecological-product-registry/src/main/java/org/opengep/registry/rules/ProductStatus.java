package org.opengep.registry.rules;

import java.util.Map;
import java.util.Set;

/**
 * A product's lifecycle: DRAFT -> SUBMITTED -> VERIFIED -> REGISTERED; SUBMITTED -> REJECTED (with a reason);
 * REGISTERED <-> SUSPENDED; REGISTERED -> RETIRED or EXPIRED. Every other move is illegal.
 */
public enum ProductStatus {
    DRAFT,
    SUBMITTED,
    VERIFIED,
    REJECTED,
    REGISTERED,
    SUSPENDED,
    RETIRED,
    EXPIRED;

    private static final Map<ProductStatus, Set<ProductStatus>> NEXT = Map.of(
            DRAFT, Set.of(SUBMITTED),
            SUBMITTED, Set.of(VERIFIED, REJECTED),
            VERIFIED, Set.of(REGISTERED),
            REGISTERED, Set.of(SUSPENDED, RETIRED, EXPIRED),
            SUSPENDED, Set.of(REGISTERED));

    public boolean canMoveTo(ProductStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    public Set<ProductStatus> next() {
        return NEXT.getOrDefault(this, Set.of());
    }

    /** Verified quantities can be valued from GEP: verified and registered products, suspended ones too. */
    public boolean isVerified() {
        return this == VERIFIED || this == REGISTERED || this == SUSPENDED;
    }

    /** What the catalogue shows to readers: everything but drafts, which only the registrar and the holder see. */
    public boolean isPublic() {
        return this != DRAFT;
    }
}
