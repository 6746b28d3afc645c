package org.opengep.accounting.rest;

/** The roles of the {@code groups} claim this service knows. */
public final class Roles {

    /** Query published results, regions, the catalogue and price sets. */
    public static final String READER = "gep-reader";
    /** Create price sets, custom regions and accounts. */
    public static final String ACCOUNTANT = "gep-accountant";
    /** Publish an account as the official figure. */
    public static final String PUBLISHER = "gep-publisher";

    private Roles() {}
}
