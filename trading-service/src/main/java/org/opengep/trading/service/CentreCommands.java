package org.opengep.trading.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.market.BlockProposal;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.CashBook.CashBucket;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.FillMode;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Order;
import org.opengep.trading.market.OrderStatus;
import org.opengep.trading.market.Session;
import org.opengep.trading.store.CashStore.Transfer;

/** The centre's own commands: money in and out, a platform's reported trade, a first base price, and the close of a day. */
final class CentreCommands {

    private CentreCommands() {}

    /** A deposit or a withdrawal the operator records (the bank transfer happens outside); a withdrawal never takes more than is available. */
    record CashTransfer(UUID participantId, boolean deposit, long fen, String bankReference, String by) implements LedgerCommand<Transfer> {

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            needs.cash(participantId);
        }

        @Override
        public Transfer apply(BatchWork work) {
            CashBook cash = work.market.cash;
            UUID id = UUID.randomUUID();
            if (!deposit) {
                cash.requireAvailable(participantId, fen, "the withdrawal");
            }
            cash.post(id, participantId, CashBucket.AVAILABLE, deposit ? fen : -fen);
            Transfer t = new Transfer(id, participantId, deposit ? "DEPOSIT" : "WITHDRAWAL", fen, bankReference, cash.at(), cash.tradingDay(), by);
            work.market.transfers.add(t);
            return t;
        }
    }

    /** A trade a platform matched between two of its members, reported with its reference: the units move here, the cash was paid there. */
    record PlatformTrade(int instrumentId, Instrument instrument, String platform, String reference, UUID sellerId, UUID buyerId, long units,
            BigDecimal price) implements LedgerCommand<Fill> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
            needs.platformReference(platform, reference);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            needs.takes(sellerId, instrument, units);
            needs.receiver(buyerId, instrument);
        }

        @Override
        public Fill apply(BatchWork work) {
            MarketWork.Book book = work.market.book(instrumentId);
            if (book.listing.suspended()) {
                throw new ConflictException("instrument-suspended", instrument + " is suspended");
            }
            if (work.market.platformReferenceUsed(platform, reference)) {
                throw new ConflictException("platform-reference-used", platform + " reported trade " + reference + " already");
            }
            long amount = OrderCommands.amount(book.listing, price, units);
            return Delivery.fill(work, book, new Delivery.Terms(FillMode.PLATFORM, sellerId, Delivery.UnitsFrom.AVAILABLE, buyerId, false, units, price,
                    amount, 0, 0, null, platform, reference));
        }
    }

    /** A new instrument's first base price, proposed by a holder of its units (its first seller); it applies from the next trading day. */
    record FirstBasePrice(int instrumentId, Instrument instrument, UUID sellerId, BigDecimal price) implements LedgerCommand<Listing> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            needs.giver(sellerId, instrument);
        }

        @Override
        public Listing apply(BatchWork work) {
            MarketWork market = work.market;
            MarketWork.Book book = market.book(instrumentId);
            if (book.listing.basePrice() != null) {
                throw new ConflictException("base-price-set", instrument + " has a base price already (" + book.listing.basePrice().toPlainString()
                        + " 元 from " + book.listing.basePriceFrom() + "); it follows the closes from now on");
            }
            var balance = work.ledger.balance(sellerId, instrument);
            if (balance == null || balance.get(Bucket.AVAILABLE) == 0) {
                throw new ConflictException("not-a-seller", sellerId + " holds no available units of " + instrument + " to sell");
            }
            book.listing.checkTickAndLot(price, book.listing.lot());
            market.setListing(book, book.listing.withBasePrice(price, market.calendar.next(market.tradingDay()), sellerId));
            return book.listing;
        }
    }

    /**
     * The close of a trading day: every order left is cancelled (CLOSED) and gives back its units or cash, every open
     * block proposal expires, fills waiting for the close are delivered, and each book's next base price is fixed: the
     * VWAP of the day's listed fills on the tick, or the old one carried forward.
     */
    record CloseDay(LocalDate day) implements LedgerCommand<List<Listing>> {

        @Override
        public void market(MarketNeeds needs) {
            needs.close();
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            for (MarketWork.Book book : needs.market.books.values()) {
                for (Order o : book.orders.all()) {
                    OrderCommands.declareRelease(needs, book.listing.instrument(), o.id, o.ownerId, o.side);
                }
            }
            for (Fill f : needs.market.pendingFills.values()) {
                Instrument instrument = needs.market.books.get(f.instrumentId()).listing.instrument();
                needs.reservation(f.id());
                needs.giver(f.sellerId(), instrument);
                needs.receiver(f.buyerId(), instrument);
                needs.cash(f.sellerId(), f.buyerId(), CashBook.FEE_ACCOUNT);
            }
        }

        /** It runs in a batch of its own: more than any batch takes besides it. */
        @Override
        public int size() {
            return 1_000_000;
        }

        @Override
        public List<Listing> apply(BatchWork work) {
            MarketWork market = work.market;
            if (!market.tradingDay().equals(day)) {
                throw new ConflictException("not-today", "the market's day is " + market.tradingDay() + "; only today can be closed, not " + day);
            }
            if (market.todayClosed) {
                throw new ConflictException("day-closed", day + " is closed already");
            }
            for (MarketWork.Book book : market.books.values()) {
                if (market.calendar.isTradingDay(day) && book.listing.sessions().stream().anyMatch(s -> market.marketTime.toLocalTime().isBefore(s.closes()))) {
                    throw new ConflictException("sessions-not-ended", book.listing.instrument() + " trades until " + Session.format(book.listing.sessions())
                            + "; the day closes after its last session");
                }
            }
            for (MarketWork.Book book : market.books.values()) {
                for (Order o : book.orders.all()) {
                    OrderCommands.release(work, book, o, OrderStatus.CLOSED);
                }
            }
            for (Fill f : List.copyOf(market.pendingFills.values())) {
                Delivery.settle(work, market.books.get(f.instrumentId()), f);
            }
            for (BlockProposal p : List.copyOf(market.proposals.values())) {
                if (p.status() == BlockProposal.Status.PROPOSED) {
                    market.put(p.ended(BlockProposal.Status.EXPIRED, work.ledger.at(), null));
                }
            }
            LocalDate next = market.calendar.next(day);
            for (MarketWork.Book book : market.books.values()) {
                BigDecimal close = market.closeOf(book);
                if (close != null) {
                    market.setListing(book, book.listing.withBasePrice(close, next, null));
                }
                market.closes.add(new MarketWork.Close(book.listing.instrumentId(), day, close, book.listing.basePrice(),
                        close != null ? next : book.listing.basePriceFrom()));
            }
            market.daysClosed.add(day);
            return market.books.values().stream().map(b -> b.listing).toList();
        }
    }
}
