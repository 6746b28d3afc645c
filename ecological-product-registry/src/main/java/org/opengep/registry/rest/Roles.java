package org.opengep.registry.rest;

import org.opengep.common.security.HolderClaim;

/** The roles of the {@code groups} claim the registry knows, and the claim of holder-scoped tokens. */
public final class Roles {

    /** Registers holders and products, moves products along their lifecycle, values them and issues units. */
    public static final String REGISTRAR = "registrar";
    /** Verifies or rejects submitted products (never the ones they submitted themselves). */
    public static final String VERIFIER = "verifier";
    /** Reads the catalogue (everything but drafts), holders and the issuance feed; the trading service's role. */
    public static final String READER = "registry-reader";
    /** A holder's own token: its holder id in the {@link #HOLDER_CLAIM} claim; sees its products (drafts too) and issuances. */
    public static final String HOLDER = "holder";

    /** The claim of holder-scoped tokens that names their holder (a UUID). */
    public static final String HOLDER_CLAIM = HolderClaim.NAME;

    private Roles() {}
}
