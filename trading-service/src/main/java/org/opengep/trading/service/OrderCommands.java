package org.opengep.trading.service;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.FillMode;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Money;
import org.opengep.trading.market.Order;
import org.opengep.trading.market.OrderStatus;
import org.opengep.trading.market.Side;

/** The commands of listed post-and-take (挂牌协议): post an order, take the best one, cancel what is left. */
final class OrderCommands {

    private OrderCommands() {}

    /** The amount of {@code units} at {@code price} of an instrument, in fen. */
    static long amount(Listing listing, BigDecimal price, long units) {
        return Money.amount(price, units, listing.instrument().rightType().precision());
    }

    /**
     * Posts an order within the band of the day's base price: a sell order's units go to the owner's PENDING blocks
     * tagged with the order; a buy order freezes price x quantity and the buyer's fee.
     */
    record Post(int instrumentId, Instrument instrument, UUID ownerId, Side side, BigDecimal price, long units, String by) implements LedgerCommand<Order> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            if (side == Side.SELL) {
                needs.takes(ownerId, instrument, units);
            } else {
                needs.receiver(ownerId, instrument);
                needs.cash(ownerId);
            }
        }

        @Override
        public Order apply(BatchWork work) {
            MarketWork market = work.market;
            MarketWork.Book book = market.book(instrumentId);
            Listing listing = book.listing;
            market.requireDayOpen();
            listing.checkOrder(FillMode.LISTED, price, units, market.marketTime, market.calendar);
            UUID id = UUID.randomUUID();
            long frozen = 0;
            if (side == Side.SELL) {
                Delivery.reserve(work, instrument, ownerId, id, units);
            } else {
                market.checkPosition(book, work.ledger, ownerId, units);
                long amount = amount(listing, price, units);
                frozen = amount + Money.fee(amount, listing.buyerFeeRate());
                market.cash.freeze(id, ownerId, frozen);
            }
            Order order = new Order(id, book.nextSeq(), instrumentId, ownerId, side, price, units, 0, 0, 0, frozen, OrderStatus.OPEN, market.tradingDay(),
                    work.ledger.at(), by, null);
            market.post(book, order);
            return order;
        }
    }

    /**
     * A counterparty takes all or part of the best order of a side (never its own): delivery versus payment at the
     * order's price. The order owner's share of the amount and fee is what its filled total comes to after the fill
     * less before, so the cash frozen for a buy order covers its fills exactly. {@code units} null: all that is left;
     * {@code atMost}: what was left when the request was checked (what is locked and read for it).
     */
    record Take(int instrumentId, Instrument instrument, UUID orderId, UUID ownerId, Side orderSide, UUID takerId, Long units, long atMost, String by)
            implements LedgerCommand<Fill> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            if (orderSide == Side.SELL) {
                needs.reservation(orderId);
                needs.giver(ownerId, instrument);
                needs.receiver(takerId, instrument);
            } else {
                needs.takes(takerId, instrument, atMost);
                needs.receiver(ownerId, instrument);
            }
            needs.cash(ownerId, takerId, CashBook.FEE_ACCOUNT);
        }

        @Override
        public Fill apply(BatchWork work) {
            MarketWork market = work.market;
            MarketWork.Book book = market.book(instrumentId);
            Listing listing = book.listing;
            market.requireDayOpen();
            listing.checkTradable(market.marketTime, market.calendar);
            Order order = book.orders.takeable(orderId, takerId);
            long taken = units == null ? order.remaining() : units;
            if (taken > order.remaining()) {
                throw new ConflictException("beyond-order", "order " + orderId + " has " + order.remaining() + " units left, not " + taken);
            }
            listing.checkTickAndLot(order.price, taken);
            long before = amount(listing, order.price, order.filled());
            long after = amount(listing, order.price, order.filled() + taken);
            long amount = after - before;
            long ownerFee = Money.fee(after, listing.feeRate(order.side)) - Money.fee(before, listing.feeRate(order.side));
            long takerFee = Money.fee(amount, listing.feeRate(order.side.opposite()));
            Fill fill;
            if (order.side == Side.SELL) {
                market.checkPosition(book, work.ledger, takerId, taken);
                market.cash.requireAvailable(takerId, amount + takerFee, "taking " + taken + " units at " + order.price.toPlainString() + " with the fee");
                fill = Delivery.fill(work, book, new Delivery.Terms(FillMode.LISTED, ownerId, Delivery.UnitsFrom.reserved(orderId), takerId, false, taken,
                        order.price, amount, ownerFee, takerFee, orderId, null, null));
                market.change(book, order, () -> order.fill(taken, amount, ownerFee, 0, work.ledger.at()));
            } else {
                fill = Delivery.fill(work, book, new Delivery.Terms(FillMode.LISTED, takerId, Delivery.UnitsFrom.AVAILABLE, ownerId, true, taken,
                        order.price, amount, takerFee, ownerFee, orderId, null, null));
                market.change(book, order, () -> order.fill(taken, amount, ownerFee, amount + ownerFee, work.ledger.at()));
                if (order.status() == OrderStatus.FILLED && order.frozenFen() > 0) {
                    throw new IllegalStateException("order " + orderId + " filled with " + order.frozenFen() + " fen still frozen");
                }
            }
            return fill;
        }
    }

    /** Ends what is left of an open order, by its owner (CANCELLED) or at the close (CLOSED): its units or cash return to it. */
    record End(int instrumentId, Instrument instrument, UUID orderId, UUID ownerId, Side side, OrderStatus why, String by) implements LedgerCommand<Order> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            declareRelease(needs, instrument, orderId, ownerId, side);
        }

        @Override
        public Order apply(BatchWork work) {
            MarketWork.Book book = work.market.book(instrumentId);
            Order order = book.orders.find(orderId).orElseThrow(() -> new ConflictException("order-not-open", "order " + orderId
                    + " is not open (filled, cancelled or closed)"));
            release(work, book, order, why);
            return order;
        }
    }

    static void declareRelease(LedgerCommand.Needs needs, Instrument instrument, UUID orderId, UUID ownerId, Side side) {
        if (side == Side.SELL) {
            needs.reservation(orderId);
            needs.giver(ownerId, instrument);
        } else {
            needs.cash(ownerId);
        }
    }

    /** Ends an open order and gives back what it still holds: the units of a sell order, the cash of a buy order. */
    static void release(BatchWork work, MarketWork.Book book, Order order, OrderStatus why) {
        Instrument instrument = book.listing.instrument();
        if (order.side == Side.SELL) {
            Delivery.release(work, instrument, order.ownerId, order.id, order.remaining());
        }
        long[] released = new long[1];
        work.market.change(book, order, () -> released[0] = order.end(why, work.ledger.at()));
        work.market.cash.release(order.id, order.ownerId, released[0]);
    }
}
