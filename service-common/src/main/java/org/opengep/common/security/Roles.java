package org.opengep.common.security;

import java.util.Set;

/**
 * The roles of the {@code groups} claim, per service: one vocabulary, since each service also calls another with that
 * service's read role. A token acting for one holder names it in the {@link HolderClaim} claim.
 */
public final class Roles {

    /** A token with one of these roles acts for one holder and must name it ({@link HolderClaim}). */
    public static final Set<String> ACTING_FOR_A_HOLDER = Set.of(Registry.HOLDER, Trading.TRADER);

    private Roles() {}

    /** gep-accounting-service. */
    public static final class Accounting {
        /** Query published results, regions, the catalogue and price sets. */
        public static final String READER = "gep-reader";
        /** Create price sets, custom regions and accounts. */
        public static final String ACCOUNTANT = "gep-accountant";
        /** Publish an account as the official figure. */
        public static final String PUBLISHER = "gep-publisher";

        private Accounting() {}
    }

    /** ecological-product-registry. */
    public static final class Registry {
        /** Registers holders and products, moves products along their lifecycle, values them and issues units. */
        public static final String REGISTRAR = "registrar";
        /** Verifies or rejects submitted products (never the ones they submitted themselves). */
        public static final String VERIFIER = "verifier";
        /** Reads the catalogue (everything but drafts), holders and the issuance feed; the trading service's role. */
        public static final String READER = "registry-reader";
        /** A holder's own token: sees its products (drafts too) and issuances. */
        public static final String HOLDER = "holder";
        /** Reads a holder's credit capacity under its policies, and creates policy versions (a bank). */
        public static final String LENDER = "lender";
        /** The roles that see across holders; a holder token without one of them sees only its own holder. */
        public static final Set<String> ACROSS_HOLDERS = Set.of(REGISTRAR, VERIFIER, READER);

        private Registry() {}
    }

    /** trading-service. */
    public static final class Trading {
        /** Trades and retires its own holder's units: its orders, takes, bids, confirmations, cash and statements. */
        public static final String TRADER = "trader";
        /** Runs the market: syncs the issuance feed, freezes, enforces and expires; lists instruments, opens auctions, records cash in and out, grants platform memberships. */
        public static final String OPERATOR = "trading-operator";
        /** A platform that matches elsewhere and reports its members' matched trades (the token's name is the platform). */
        public static final String PLATFORM = "trading-platform";
        /** Reads everything and verifies the journal. */
        public static final String AUDITOR = "auditor";
        /** Reads market figures and realised value; the accounting service's own token has it, and nothing else. */
        public static final String MARKET_READER = "market-reader";
        /** Reads holders' balances and serial blocks; the registry's own token has it, for a holder's credit capacity. */
        public static final String HOLDINGS_READER = "holdings-reader";
        /** The roles that see every account. */
        public static final Set<String> ACROSS_HOLDERS = Set.of(OPERATOR, AUDITOR);
        /** The roles that read every holder's balances and blocks. */
        public static final Set<String> READ_ACROSS_HOLDERS = Set.of(OPERATOR, AUDITOR, HOLDINGS_READER);

        private Trading() {}
    }
}
