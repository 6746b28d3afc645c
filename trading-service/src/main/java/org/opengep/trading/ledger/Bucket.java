package org.opengep.trading.ledger;

/** Where a balance's units are: free to move, reserved (pending, pledged, frozen), or gone for good (retired, expired). */
public enum Bucket {
    AVAILABLE,
    PENDING,
    PLEDGED,
    FROZEN,
    RETIRED,
    EXPIRED;
}
