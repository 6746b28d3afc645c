package org.opengep.trading.market;

/** What winners of an auction pay (or are paid): each its own bid, or one clearing price, the last winning bid's. */
public enum AuctionPricing {
    PAY_AS_BID,
    UNIFORM
}
