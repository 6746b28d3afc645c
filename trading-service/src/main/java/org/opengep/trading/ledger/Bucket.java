package org.opengep.trading.ledger;

import java.util.Locale;

/** Where a balance's units are: free to move, reserved (pending, pledged, frozen), or gone for good (retired, expired). */
public enum Bucket {
    AVAILABLE,
    PENDING,
    PLEDGED,
    FROZEN,
    RETIRED,
    EXPIRED;

    /** The balance column that counts this bucket. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
