package org.opengep.trading.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;

/**
 * The open listed orders of one instrument, each side in price-time priority: the highest bid and the lowest ask
 * first, at one price the earliest. Only the best order of a side can be taken, never by its own owner.
 */
public final class OrderBook {

    /** One price level: the price, the units left at it, how many orders, and the earliest of them (taken first at this price). */
    public record Level(BigDecimal price, long units, int orders, UUID firstOrderId) {}

    private static final Comparator<Order> BIDS = Comparator.comparing((Order o) -> o.price).reversed().thenComparingLong(o -> o.seq);
    private static final Comparator<Order> ASKS = Comparator.comparing((Order o) -> o.price).thenComparingLong(o -> o.seq);

    private final TreeSet<Order> bids = new TreeSet<>(BIDS);
    private final TreeSet<Order> asks = new TreeSet<>(ASKS);

    public void add(Order order) {
        side(order.side).add(order);
    }

    public void remove(Order order) {
        side(order.side).remove(order);
    }

    /** The order a taker would take on {@code side}: the best price, then the earliest. */
    public Optional<Order> best(Side side) {
        TreeSet<Order> orders = side(side);
        return orders.isEmpty() ? Optional.empty() : Optional.of(orders.first());
    }

    public Optional<Order> find(UUID id) {
        return all().stream().filter(o -> o.id.equals(id)).findFirst();
    }

    /** The order a participant may take, or why not: it must be the best of its side and not the taker's own. */
    public Order takeable(UUID orderId, UUID taker) {
        Order order = find(orderId).orElseThrow(() -> new ConflictException("order-not-open",
                "order " + orderId + " is not open in the book (filled, cancelled or closed)"));
        if (order.ownerId.equals(taker)) {
            throw new ConflictException("self-trade", "a participant cannot take its own order " + orderId);
        }
        Order best = best(order.side).orElseThrow();
        if (best != order) {
            throw new ConflictException("not-best-order", "only the best order of a side can be taken: " + best.id + " at "
                    + best.price.toPlainString() + " comes before " + orderId + " at " + order.price.toPlainString() + " (price, then time)");
        }
        return order;
    }

    /** The first {@code n} price levels of a side, best first. */
    public List<Level> levels(Side side, int n) {
        List<Level> result = new ArrayList<>();
        for (Order o : side(side)) { // best first: by price, then time
            Level last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && last.price().compareTo(o.price) == 0) {
                result.set(result.size() - 1, new Level(last.price(), last.units() + o.remaining(), last.orders() + 1, last.firstOrderId()));
            } else if (result.size() == n) {
                break;
            } else {
                result.add(new Level(o.price, o.remaining(), 1, o.id));
            }
        }
        return result;
    }

    /** The units a participant's open orders on a side still ask for. */
    public long openUnits(UUID owner, Side side) {
        return side(side).stream().filter(o -> o.ownerId.equals(owner)).mapToLong(Order::remaining).sum();
    }

    public List<Order> all() {
        List<Order> all = new ArrayList<>(bids);
        all.addAll(asks);
        return all;
    }

    private TreeSet<Order> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }
}
