package org.opengep.trading.market;

/** How a fill came about: a listed order taken, a block agreement confirmed, an auction allocated, or a platform's match reported. */
public enum FillMode {
    LISTED,
    BLOCK,
    AUCTION,
    PLATFORM
}
