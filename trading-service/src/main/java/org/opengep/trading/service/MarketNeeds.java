package org.opengep.trading.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the commands of a batch need from the trading centre, declared before anything is locked. */
final class MarketNeeds {

    final Set<Integer> books = new HashSet<>();
    final Set<UUID> proposals = new HashSet<>();
    final Set<UUID> auctions = new HashSet<>();
    final Set<UUID> allBids = new HashSet<>();
    final Map<UUID, Set<UUID>> bidders = new HashMap<>();
    /** The (platform, reference) pairs that platforms report trades under: locked and looked up in the fills. */
    final Set<List<String>> platformReferences = new HashSet<>();
    boolean close;

    /** An instrument's book: its listing locked, its open orders read. */
    void book(int instrumentId) {
        books.add(instrumentId);
    }

    /** A block proposal (of a book also needed). */
    void proposal(UUID id) {
        proposals.add(id);
    }

    /** An auction and all its bids, to allocate it (of a book also needed). */
    void auctionWithBids(UUID id) {
        auctions.add(id);
        allBids.add(id);
    }

    /** An auction and what a bidder bids for in it so far (of a book also needed). */
    void auctionBidder(UUID id, UUID bidder) {
        auctions.add(id);
        bidders.computeIfAbsent(id, k -> new HashSet<>()).add(bidder);
    }

    /** A platform's trade reference, which must not have been used (locked, so that reports under other keys wait). */
    void platformReference(String platform, String reference) {
        platformReferences.add(List.of(platform, reference));
    }

    /** The close of the day: every book, with its open proposals and pending fills. */
    void close() {
        close = true;
    }
}
