package org.opengep.trading.market;

/** When a fill delivers: at once, or when the trading day closes (units wait in the seller's PENDING blocks, cash frozen). */
public enum Settlement {
    AT_FILL,
    END_OF_DAY
}
