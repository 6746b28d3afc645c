package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.NotFoundException;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Order;
import org.opengep.trading.market.OrderBook;
import org.opengep.trading.market.OrderStatus;
import org.opengep.trading.market.Side;
import org.opengep.trading.rest.CentreRequests.NewOrder;
import org.opengep.trading.rest.CentreRequests.NewTake;
import org.opengep.trading.store.OrderStore;

/**
 * Listed post-and-take (挂牌协议): orders are checked for what needs no lock (fields, the participant, the holding
 * period) and then posted, taken or cancelled by the {@link LedgerWriter} under their book's lock.
 */
@ApplicationScoped
public class OrderService {

    @Inject
    LedgerWriter writer;

    @Inject
    ListingService listings;

    @Inject
    OrderStore orders;

    @Inject
    Participants participants;

    @Inject
    DataSource dataSource;

    public Response post(NewOrder r, Caller caller, KeyedRequest key, Function<Order, Object> view) {
        Errors errors = new Errors();
        errors.required("instrumentId", r.instrumentId());
        errors.required("side", r.side());
        ListingService.requirePrice(errors, "price", r.price());
        errors.required("quantity", r.quantity());
        errors.throwIfAny();
        Listing listing = listings.get(r.instrumentId());
        long units = Units.from(errors, r.quantity(), listing.instrument().rightType());
        errors.throwIfAny();
        UUID owner = participants.self(caller);
        participants.checkHoldingPeriod(listing, owner, r.side());
        if (r.side() == Side.SELL) {
            participants.readySeller(owner, listing.instrument());
        }
        return writer.submit(new OrderCommands.Post(listing.instrumentId(), listing.instrument(), owner, r.side(), r.price(), units, caller.name()), key,
                201, view);
    }

    public Response take(UUID orderId, NewTake r, Caller caller, KeyedRequest key, Function<Fill, Object> view) {
        Order order = find(orderId);
        if (order.status() != OrderStatus.OPEN) {
            throw new ConflictException("order-not-open", "order " + orderId + " is " + order.status());
        }
        Listing listing = listings.get(order.instrumentId);
        Errors errors = new Errors();
        Long units = r == null || r.quantity() == null ? null : Units.from(errors, r.quantity(), listing.instrument().rightType());
        errors.throwIfAny();
        UUID taker = participants.self(caller);
        participants.requireActive(order.ownerId, "order's owner");
        Side takerSide = order.side.opposite();
        participants.checkHoldingPeriod(listing, taker, takerSide);
        if (takerSide == Side.SELL) {
            participants.readySeller(taker, listing.instrument());
        }
        return writer.submit(new OrderCommands.Take(listing.instrumentId(), listing.instrument(), orderId, order.ownerId, order.side, taker,
                units, units == null ? order.remaining() : units, caller.name()), key, 201, view);
    }

    public Response cancel(UUID orderId, Caller caller, KeyedRequest key, Function<Order, Object> view) {
        Order order = find(orderId);
        if (!caller.has(Roles.Trading.OPERATOR)) {
            caller.requireActsFor(order.ownerId);
        }
        Listing listing = listings.get(order.instrumentId);
        return writer.submit(new OrderCommands.End(order.instrumentId, listing.instrument(), orderId, order.ownerId, order.side, OrderStatus.CANCELLED,
                caller.name()), key, 200, view);
    }

    public Order find(UUID id) {
        return Transactions.jdbc(dataSource, c -> orders.find(c, id)).orElseThrow(() -> new NotFoundException("order " + id));
    }

    /** Orders newest first; a trader sees only its own. */
    public List<Order> list(Caller caller, Integer instrument, OrderStatus status, int limit) {
        UUID owner = caller.isScopedToItsHolder(Roles.Trading.ACROSS_HOLDERS) ? caller.holderId() : null;
        return Transactions.jdbc(dataSource, c -> orders.list(c, owner, instrument, status, limit));
    }

    /** The public book of an instrument as committed. */
    public OrderBook book(int instrumentId) {
        listings.get(instrumentId);
        OrderBook book = new OrderBook();
        Transactions.jdbc(dataSource, c -> orders.open(c, List.of(instrumentId))).forEach(book::add);
        return book;
    }
}
