package org.opengep.trading.service;

import static org.opengep.common.jdbc.Unnest.column;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opengep.common.jdbc.Unnest;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.market.Auction;
import org.opengep.trading.market.AuctionBid;
import org.opengep.trading.market.BlockProposal;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Order;
import org.opengep.trading.market.TradingCalendar;
import org.opengep.trading.store.AuctionStore;
import org.opengep.trading.store.CashStore;
import org.opengep.trading.store.FillStore;
import org.opengep.trading.store.ListingStore;
import org.opengep.trading.store.MembershipStore;
import org.opengep.trading.store.OrderStore;
import org.opengep.trading.store.ProposalStore;

/**
 * Reads the market part of a batch under its locks (the books' listing rows in instrument order, then what they
 * hold) and writes what the batch changed, set-based, with the ledger's writes.
 */
@ApplicationScoped
public class MarketBooks {

    @Inject
    ListingStore listings;

    @Inject
    OrderStore orders;

    @Inject
    ProposalStore proposals;

    @Inject
    AuctionStore auctions;

    @Inject
    FillStore fills;

    @Inject
    CashStore cash;

    @Inject
    MembershipStore memberships;

    /** Locks the books the batch needs and reads them; cash accounts are locked later, after the balances. */
    MarketWork load(Connection c, MarketNeeds needs, CashBook cashBook, LocalDateTime marketTime, TradingCalendar calendar) throws SQLException {
        MarketWork market = new MarketWork(cashBook, marketTime, calendar);
        Collection<Integer> wanted = needs.close ? listings.all(c).stream().map(Listing::instrumentId).toList() : needs.books;
        if (wanted.isEmpty()) {
            return market;
        }
        Map<Integer, ListingStore.Locked> locked = listings.lock(c, wanted);
        // after the books, in one order everywhere: a report under another key (or on another instance) waits here
        market.usedPlatformReferences.addAll(memberships.lockReferences(c, needs.platformReferences));
        Set<Integer> ids = locked.keySet();
        Map<Integer, long[]> today = needs.close ? fills.listedTotals(c, ids, cashBook.tradingDay()) : Map.of();
        locked.forEach((id, l) -> {
            long[] listed = today.getOrDefault(id, new long[2]);
            market.books.put(id, new MarketWork.Book(l.listing(), l.seq(), listed[0], listed[1]));
        });
        for (Order o : orders.open(c, ids)) {
            market.books.get(o.instrumentId).orders.add(o);
        }
        if (!needs.proposals.isEmpty() || needs.close) {
            for (BlockProposal p : proposals.load(c, needs.proposals, needs.close ? ids : List.of())) {
                if (ids.contains(p.instrumentId())) {
                    market.proposals.put(p.id(), p);
                }
            }
        }
        if (!needs.auctions.isEmpty()) {
            for (Auction a : auctions.load(c, needs.auctions)) {
                if (ids.contains(a.instrumentId())) {
                    market.auctions.put(a.id(), a);
                }
            }
            Set<UUID> allBids = needs.allBids.stream().filter(market.auctions::containsKey).collect(Collectors.toSet());
            for (AuctionBid b : auctions.bids(c, allBids)) {
                market.bids.computeIfAbsent(b.auctionId(), k -> new LinkedHashMap<>()).put(b.id(), b);
            }
            market.allBidsRead.addAll(allBids);
            for (var bidders : needs.bidders.entrySet()) {
                if (market.auctions.containsKey(bidders.getKey())) {
                    auctions.bidderUnits(c, bidders.getKey(), bidders.getValue())
                            .forEach((bidder, units) -> market.storedBidUnits.put(List.of(bidders.getKey(), bidder), units));
                }
            }
        }
        // read under the books' locks: the close holds them all, so a batch after it sees the day closed
        market.todayClosed = listings.dayClosed(c, cashBook.tradingDay());
        if (needs.close) {
            for (Fill f : fills.pending(c, ids)) {
                market.pendingFills.put(f.id(), f);
            }
        }
        return market;
    }

    /** Locks the cash accounts the batch's commands declared. */
    void lockCash(Connection c, MarketWork market, Set<UUID> participants) throws SQLException {
        cash.lock(c, participants).forEach(market.cash::add);
    }

    /** The statements that write what the batch changed in the market. */
    List<Write> writes(MarketWork m) {
        List<Write> writes = new ArrayList<>();
        List<ListingStore.Changed> changed = m.books.values().stream().filter(b -> b.seq != b.storedSeq || b.listingChanged)
                .map(b -> new ListingStore.Changed(b.listing.instrumentId(), b.seq, b.listing.basePrice(), b.listing.basePriceFrom(),
                        b.listing.basePriceProposedBy())).toList();
        writes.add(listings.updating(changed));
        writes.add(orders.upserting(MarketWork.latest(m.ordersTouched, o -> o.id)));
        writes.add(proposals.upserting(MarketWork.distinct(m.proposalsTouched).stream().map(m.proposals::get).toList()));
        writes.add(auctions.upserting(MarketWork.distinct(m.auctionsTouched).stream().map(m.auctions::get).toList()));
        writes.add(auctions.upsertingBids(MarketWork.latest(m.bidsTouched, AuctionBid::id)));
        writes.add(fills.upserting(MarketWork.latest(m.fills, Fill::id)));
        writes.add(fills.insertingOrigins(m.origins));
        writes.addAll(cash.writes(m.cash));
        writes.add(cash.insertingTransfers(m.transfers));
        if (!m.daysClosed.isEmpty()) {
            writes.add(new Write("insert into market_day (day, closed_at, closed_by) select d::date, ?, 'system' from unnest(?::text[]) d", (c, s, n) -> {
                        s.setObject(n, m.cash.at());
                        s.setArray(n + 1, c.createArrayOf("text", m.daysClosed.stream().map(Object::toString).toArray()));
                        return n + 2;
                    }, m.daysClosed.size(), "days closed"));
            writes.add(Unnest.insert("listing_close", m.closes, "", "closes", List.of(
                    column("instrument_id", "integer", MarketWork.Close::instrumentId), column("day", "date", MarketWork.Close::day),
                    column("close", "numeric", MarketWork.Close::close), column("next_base_price", "numeric", MarketWork.Close::nextBasePrice),
                    column("next_base_from", "date", MarketWork.Close::nextBaseFrom))));
        }
        return writes;
    }
}
