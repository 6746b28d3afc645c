package org.opengep.trading.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.NotFoundException;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.market.Auction;
import org.opengep.trading.market.AuctionBid;
import org.opengep.trading.market.BlockProposal;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.FillMode;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Order;
import org.opengep.trading.market.OrderBook;
import org.opengep.trading.market.OrderStatus;
import org.opengep.trading.market.Side;
import org.opengep.trading.market.TradingCalendar;
import org.opengep.trading.store.CashStore.Transfer;
import org.opengep.trading.store.FillStore.FillOrigin;

/**
 * The part of the trading centre one batch has locked, in memory: the books (listing, open orders, counter, the day's
 * listed fills so far), the proposals and auctions (with their bids) its commands name, the fills waiting for the
 * close, and the cash accounts. Changes are kept for the writes and can be undone back to a {@link Mark}.
 */
final class MarketWork {

    /** One instrument's book as locked. */
    static final class Book {
        Listing listing;
        final OrderBook orders = new OrderBook();
        final long storedSeq;
        long seq;
        long listedAmountFen;
        long listedUnits;
        boolean listingChanged;

        Book(Listing listing, long seq, long listedAmountFen, long listedUnits) {
            this.listing = listing;
            this.storedSeq = seq;
            this.seq = seq;
            this.listedAmountFen = listedAmountFen;
            this.listedUnits = listedUnits;
        }

        long nextSeq() {
            return ++seq;
        }
    }

    /** A book's close of a day, and the base price it gives the next trading day. */
    record Close(int instrumentId, LocalDate day, BigDecimal close, BigDecimal nextBasePrice, LocalDate nextBaseFrom) {}

    record Mark(int undo, CashBook.Mark cash, int orders, int proposals, int auctions, int bids, int fills, int origins, int transfers, int days, int closes) {}

    final CashBook cash;
    final LocalDateTime marketTime;
    /** Whether today was closed already (read with the books). */
    boolean todayClosed;
    final TradingCalendar calendar;
    final Map<Integer, Book> books = new LinkedHashMap<>();
    final Map<UUID, BlockProposal> proposals = new LinkedHashMap<>();
    final Map<UUID, Auction> auctions = new LinkedHashMap<>();
    /** Each auction's bids by id, in the order they were bid: all of them for the auctions in {@link #allBidsRead}, else this batch's. */
    final Map<UUID, Map<UUID, AuctionBid>> bids = new LinkedHashMap<>();
    final Set<UUID> allBidsRead = new HashSet<>();
    /** What bidders bid for in an auction before this batch ((auction, bidder) to units), where not all its bids are read. */
    final Map<List<UUID>, Long> storedBidUnits = new HashMap<>();
    final Map<UUID, Fill> pendingFills = new LinkedHashMap<>();
    /** The platform references of the batch's reports that committed fills use already ((platform, reference)). */
    final Set<List<String>> usedPlatformReferences = new HashSet<>();
    final List<Order> ordersTouched = new ArrayList<>();
    final List<UUID> proposalsTouched = new ArrayList<>();
    final List<UUID> auctionsTouched = new ArrayList<>();
    final List<AuctionBid> bidsTouched = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<FillOrigin> origins = new ArrayList<>();
    final List<Transfer> transfers = new ArrayList<>();
    final List<LocalDate> daysClosed = new ArrayList<>();
    final List<Close> closes = new ArrayList<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();

    MarketWork(CashBook cash, LocalDateTime marketTime, TradingCalendar calendar) {
        this.cash = cash;
        this.marketTime = marketTime;
        this.calendar = calendar;
    }

    LocalDate tradingDay() {
        return cash.tradingDay();
    }

    Book book(int instrumentId) {
        Book b = books.get(instrumentId);
        if (b == null) {
            throw new NotFoundException("instrument " + instrumentId + " is not listed at the trading centre");
        }
        return b;
    }

    BlockProposal proposal(UUID id) {
        BlockProposal p = proposals.get(id);
        if (p == null) {
            throw new NotFoundException("block proposal " + id);
        }
        return p;
    }

    Auction auction(UUID id) {
        Auction a = auctions.get(id);
        if (a == null) {
            throw new NotFoundException("auction " + id);
        }
        return a;
    }

    /** An auction's bids, in the order they were bid. */
    Collection<AuctionBid> bidsOf(UUID auction) {
        return bids.computeIfAbsent(auction, k -> new LinkedHashMap<>()).values();
    }

    /**
     * Refuses posting, taking and block trades on a trading day already closed: a listing made after the close may
     * have sessions still running, but its fills would enter no day's close.
     */
    void requireDayOpen() {
        if (todayClosed) {
            throw new ConflictException("day-closed", "trading day " + tradingDay() + " is closed; trading resumes on the next trading day, "
                    + calendar.next(tradingDay()));
        }
    }

    /** Whether a committed fill or one of this batch uses the platform's reference. */
    boolean platformReferenceUsed(String platform, String reference) {
        return usedPlatformReferences.contains(List.of(platform, reference))
                || fills.stream().anyMatch(f -> platform.equals(f.platform()) && reference.equals(f.platformReference()));
    }

    /** Adds a new order to its book. */
    void post(Book book, Order order) {
        book.orders.add(order);
        ordersTouched.add(order);
        undo.push(() -> book.orders.remove(order));
    }

    /** Changes an order with {@code change}; an order that is no longer open leaves its book. */
    void change(Book book, Order order, Runnable change) {
        Order before = order.copy();
        change.run();
        ordersTouched.add(order);
        boolean left = order.status() != OrderStatus.OPEN;
        if (left) {
            book.orders.remove(order);
        }
        undo.push(() -> {
            order.restore(before);
            if (left) {
                book.orders.add(order);
            }
        });
    }

    void put(BlockProposal p) {
        BlockProposal before = proposals.put(p.id(), p);
        proposalsTouched.add(p.id());
        undo.push(() -> {
            if (before == null) {
                proposals.remove(p.id());
            } else {
                proposals.put(p.id(), before);
            }
        });
    }

    void put(Auction a) {
        Auction before = auctions.put(a.id(), a);
        auctionsTouched.add(a.id());
        undo.push(() -> {
            if (before == null) {
                auctions.remove(a.id());
            } else {
                auctions.put(a.id(), before);
            }
        });
    }

    /** What a bidder bids for in an auction so far, this batch's bids included. */
    long bidUnits(UUID auction, UUID bidder) {
        long stored = allBidsRead.contains(auction) ? 0 : storedBidUnits.getOrDefault(List.of(auction, bidder), 0L);
        return stored + bidsOf(auction).stream().filter(b -> b.bidderId().equals(bidder)).mapToLong(AuctionBid::units).sum();
    }

    /** Adds a bid, or replaces one with its new state (keeping its place). */
    void put(AuctionBid bid) {
        Map<UUID, AuctionBid> of = bids.computeIfAbsent(bid.auctionId(), k -> new LinkedHashMap<>());
        AuctionBid before = of.put(bid.id(), bid);
        bidsTouched.add(bid);
        undo.push(() -> {
            if (before == null) {
                of.remove(bid.id());
            } else {
                of.put(bid.id(), before);
            }
        });
    }

    /** Records a new fill; a listed one counts toward the day's close. */
    void record(Book book, Fill fill, List<FillOrigin> from) {
        fills.add(fill);
        origins.addAll(from);
        if (fill.status() == Fill.Status.PENDING) {
            pendingFills.put(fill.id(), fill);
        }
        long amount = fill.mode() == FillMode.LISTED ? fill.amountFen() : 0;
        long units = fill.mode() == FillMode.LISTED ? fill.units() : 0;
        book.listedAmountFen += amount;
        book.listedUnits += units;
        undo.push(() -> {
            book.listedAmountFen -= amount;
            book.listedUnits -= units;
            pendingFills.remove(fill.id());
        });
    }

    /** Records that a pending fill was delivered. */
    void settled(Fill fill) {
        fills.add(fill);
        Fill before = pendingFills.remove(fill.id());
        undo.push(() -> pendingFills.put(fill.id(), before));
    }

    void setListing(Book book, Listing listing) {
        Listing before = book.listing;
        boolean changedBefore = book.listingChanged;
        book.listing = listing;
        book.listingChanged = true;
        undo.push(() -> {
            book.listing = before;
            book.listingChanged = changedBefore;
        });
    }

    /** Refuses a buy that would take the participant's position in the instrument beyond the listing's limit. */
    void checkPosition(Book book, LedgerBatch ledger, UUID buyer, long units) {
        Long limit = book.listing.positionLimit();
        if (limit == null) {
            return;
        }
        LedgerBatch.Balance b = ledger.balance(buyer, book.listing.instrument());
        long held = b == null ? 0 : b.get(Bucket.AVAILABLE) + b.get(Bucket.PENDING) + b.get(Bucket.PLEDGED) + b.get(Bucket.FROZEN);
        long bidding = book.orders.openUnits(buyer, Side.BUY);
        if (held + bidding + units > limit) {
            throw new ConflictException("position-limit", buyer + " holds " + held + " units of " + book.listing.instrument() + " and bids for " + bidding
                    + " more; " + units + " more would pass the position limit of " + limit);
        }
    }

    Mark mark() {
        return new Mark(undo.size(), cash.mark(), ordersTouched.size(), proposalsTouched.size(), auctionsTouched.size(), bidsTouched.size(), fills.size(),
                origins.size(), transfers.size(), daysClosed.size(), closes.size());
    }

    void rollback(Mark mark) {
        while (undo.size() > mark.undo()) {
            undo.pop().run();
        }
        cash.rollback(mark.cash());
        truncate(ordersTouched, mark.orders());
        truncate(proposalsTouched, mark.proposals());
        truncate(auctionsTouched, mark.auctions());
        truncate(bidsTouched, mark.bids());
        truncate(fills, mark.fills());
        truncate(origins, mark.origins());
        truncate(transfers, mark.transfers());
        truncate(daysClosed, mark.days());
        truncate(closes, mark.closes());
    }

    /** Each row touched once, in its final state. */
    static <T, K> List<T> latest(Collection<T> touched, Function<T, K> key) {
        Map<K, T> last = new LinkedHashMap<>();
        touched.forEach(t -> {
            last.remove(key.apply(t));
            last.put(key.apply(t), t);
        });
        return List.copyOf(last.values());
    }

    static Set<UUID> distinct(Collection<UUID> ids) {
        return new LinkedHashSet<>(ids);
    }

    private static void truncate(List<?> list, int size) {
        list.subList(size, list.size()).clear();
    }

    /** The listed fills' figures of the day, for the close: VWAP of what was listed and filled today. */
    BigDecimal closeOf(Book book) {
        return book.listedUnits == 0 ? null : book.listing.close(book.listedAmountFen, book.listedUnits);
    }
}
