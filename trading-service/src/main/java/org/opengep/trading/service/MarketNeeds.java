package org.opengep.trading.service;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** What the commands of a batch need from the trading centre, declared before anything is locked. */
final class MarketNeeds {

    final Set<Integer> books = new HashSet<>();
    final Set<UUID> proposals = new HashSet<>();
    final Set<UUID> auctions = new HashSet<>();
    boolean close;

    /** An instrument's book: its listing locked, its open orders read. */
    void book(int instrumentId) {
        books.add(instrumentId);
    }

    /** A block proposal (of a book also needed). */
    void proposal(UUID id) {
        proposals.add(id);
    }

    /** An auction and its bids (of a book also needed). */
    void auction(UUID id) {
        auctions.add(id);
    }

    /** The close of the day: every book, with its open proposals and pending fills. */
    void close() {
        close = true;
    }
}
