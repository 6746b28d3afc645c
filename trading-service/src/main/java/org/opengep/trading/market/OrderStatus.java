package org.opengep.trading.market;

/** A listed order: open in the book, filled, cancelled by its owner, or cancelled by the system at the close. */
public enum OrderStatus {
    OPEN,
    FILLED,
    CANCELLED,
    CLOSED
}
