package org.opengep.trading.market;

/** Which side of the market an order, a proposal's initiator, or an auction's principal is on. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
