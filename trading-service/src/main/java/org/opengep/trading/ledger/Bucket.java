package org.opengep.trading.ledger;

/**
 * Where a balance's units are: free to move, reserved (pending, pledged, frozen), or gone for good (retired, expired).
 * The order is that of the balance columns Ledger.post updates by ordinal.
 */
public enum Bucket {
    AVAILABLE,
    PENDING,
    PLEDGED,
    FROZEN,
    RETIRED,
    EXPIRED;
}
