package org.opengep.trading.ledger;

/**
 * Where a movement stands (the movement table's status column checks these names): trades at once are SETTLED,
 * retirements, surrenders and expiries DONE; reservations OPEN until resolved, exactly once, as one of the others.
 */
public enum MovementStatus {
    OPEN,
    SETTLED,
    DONE,
    CANCELLED,
    EXPIRED,
    RELEASED,
    ENFORCED
}
