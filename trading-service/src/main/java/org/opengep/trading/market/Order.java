package org.opengep.trading.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A listed order (挂牌) and what it has done so far: units filled, the amount and the owner's fees of those fills, and
 * (buy orders) the cash still frozen for the rest. Filling and ending change it in place; {@link #copy} and
 * {@link #restore} let a batch undo that.
 */
public final class Order {

    public final UUID id;
    public final long seq;
    public final int instrumentId;
    public final UUID ownerId;
    public final Side side;
    public final BigDecimal price;
    public final long units;
    public final LocalDate tradingDay;
    public final OffsetDateTime createdAt;
    public final String createdBy;
    private long filled;
    private long amountFen;
    private long feesFen;
    private long frozenFen;
    private OrderStatus status;
    private OffsetDateTime endedAt;

    public Order(UUID id, long seq, int instrumentId, UUID ownerId, Side side, BigDecimal price, long units, long filled, long amountFen, long feesFen,
            long frozenFen, OrderStatus status, LocalDate tradingDay, OffsetDateTime createdAt, String createdBy, OffsetDateTime endedAt) {
        this.id = id;
        this.seq = seq;
        this.instrumentId = instrumentId;
        this.ownerId = ownerId;
        this.side = side;
        this.price = price;
        this.units = units;
        this.filled = filled;
        this.amountFen = amountFen;
        this.feesFen = feesFen;
        this.frozenFen = frozenFen;
        this.status = status;
        this.tradingDay = tradingDay;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.endedAt = endedAt;
    }

    public long remaining() {
        return units - filled;
    }

    /** Records a fill of {@code n} units with its amount, the owner's fee, and (buy orders) the cash it takes from what is frozen. */
    public void fill(long n, long amount, long fee, long frozenTaken, OffsetDateTime at) {
        if (n <= 0 || n > remaining() || status != OrderStatus.OPEN || frozenTaken > frozenFen) {
            throw new IllegalStateException("order " + id + " cannot fill " + n + " (" + remaining() + " left, " + status + ")");
        }
        filled += n;
        amountFen += amount;
        feesFen += fee;
        frozenFen -= frozenTaken;
        if (remaining() == 0) {
            status = OrderStatus.FILLED;
            endedAt = at;
        }
    }

    /** Ends what is left of an open order; returns the cash still frozen for it (released by the caller). */
    public long end(OrderStatus why, OffsetDateTime at) {
        if (status != OrderStatus.OPEN || why == OrderStatus.OPEN || why == OrderStatus.FILLED) {
            throw new IllegalStateException("order " + id + " is " + status);
        }
        status = why;
        endedAt = at;
        long released = frozenFen;
        frozenFen = 0;
        return released;
    }

    public Order copy() {
        return new Order(id, seq, instrumentId, ownerId, side, price, units, filled, amountFen, feesFen, frozenFen, status, tradingDay, createdAt,
                createdBy, endedAt);
    }

    public void restore(Order earlier) {
        filled = earlier.filled;
        amountFen = earlier.amountFen;
        feesFen = earlier.feesFen;
        frozenFen = earlier.frozenFen;
        status = earlier.status;
        endedAt = earlier.endedAt;
    }

    public long filled() {
        return filled;
    }

    public long amountFen() {
        return amountFen;
    }

    public long feesFen() {
        return feesFen;
    }

    public long frozenFen() {
        return frozenFen;
    }

    public OrderStatus status() {
        return status;
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }
}
