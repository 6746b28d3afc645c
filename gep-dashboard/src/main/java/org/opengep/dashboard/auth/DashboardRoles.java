package org.opengep.dashboard.auth;

import java.util.List;

/**
 * The roles of the {@code groups} claim the dashboard's views need: the services' own roles (their README lists them),
 * since the dashboard calls them with the user's token and they decide. The dashboard checks first, so that a user
 * without the role sees a 403 page instead of a page of refusals.
 */
public final class DashboardRoles {

    /** Regions, official figures, series, compensation (gep-accounting-service). */
    public static final String GEP_READER = "gep-reader";
    /** Accounts and account jobs (gep-accounting-service). */
    public static final String GEP_ACCOUNTANT = "gep-accountant";
    /** Publishing the accounts a job computes. */
    public static final String GEP_PUBLISHER = "gep-publisher";
    /** The trading centre's instruments, market data and order books (trading-service). */
    public static final String MARKET_READER = "market-reader";
    public static final String AUDITOR = "auditor";
    public static final String TRADING_OPERATOR = "trading-operator";
    /** The registry's catalogue of products (ecological-product-registry). */
    public static final String REGISTRY_READER = "registry-reader";

    /** What the development sign-in offers, in the order it shows them. */
    public static final List<String> OFFERED = List.of(GEP_READER, GEP_ACCOUNTANT, GEP_PUBLISHER, MARKET_READER, AUDITOR,
            TRADING_OPERATOR, REGISTRY_READER);

    private DashboardRoles() {}
}
