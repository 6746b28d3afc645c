package org.opengep.trading.rest;

import org.opengep.common.security.HolderClaim;

/** The roles of the {@code groups} claim the trading service knows, and the claim that names a trader's holder. */
public final class Roles {

    /** Trades and retires its own holder's units (the holder named by {@link #HOLDER_CLAIM}). */
    public static final String TRADER = "trader";
    /** Runs the market: syncs the issuance feed; later freezes, enforces and expires. */
    public static final String OPERATOR = "trading-operator";
    /** Reads everything and verifies the journal. */
    public static final String AUDITOR = "auditor";

    /** Reads market figures and realised value; the accounting service's own token has it, and nothing else. */
    public static final String MARKET_READER = "market-reader";

    /** The claim of a trader's token that names its holder (a UUID), as in the registry. */
    public static final String HOLDER_CLAIM = HolderClaim.NAME;

    private Roles() {}
}
