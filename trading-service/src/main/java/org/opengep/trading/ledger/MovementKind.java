package org.opengep.trading.ledger;

/** What a movement is (the movement table's kind column checks these names). */
public enum MovementKind {
    TRADE,
    RETIREMENT,
    SURRENDER,
    PLEDGE,
    FREEZE,
    EXPIRY;

    /** The bucket a reservation of this kind keeps its units in. */
    public Bucket reservedBucket() {
        return switch (this) {
            case TRADE -> Bucket.PENDING;
            case PLEDGE -> Bucket.PLEDGED;
            case FREEZE -> Bucket.FROZEN;
            default -> throw new IllegalStateException(this + " reserves nothing");
        };
    }
}
