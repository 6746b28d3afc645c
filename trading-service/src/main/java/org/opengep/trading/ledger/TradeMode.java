package org.opengep.trading.ledger;

/** How a trade was agreed (the movement table's mode column checks these names); LISTED and BLOCK have price limits. */
public enum TradeMode {
    LISTED,
    AGREEMENT,
    BLOCK,
    AUCTION
}
