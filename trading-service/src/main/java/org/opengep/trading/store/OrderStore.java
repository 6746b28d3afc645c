package org.opengep.trading.store;

import static org.opengep.common.jdbc.Unnest.column;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengep.common.jdbc.Unnest;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.market.Order;
import org.opengep.trading.market.OrderStatus;
import org.opengep.trading.market.Side;

/** The market_order table: listed orders, the open ones read into their book under the listing's lock. */
@ApplicationScoped
public class OrderStore {

    /** The open orders of the instruments, for their books. */
    public List<Order> open(Connection c, Collection<Integer> instruments) throws SQLException {
        if (instruments.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from market_order where status = 'OPEN' and instrument_id = any(?)")) {
            s.setArray(1, c.createArrayOf("integer", instruments.toArray()));
            return rows(s);
        }
    }

    public Optional<Order> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from market_order where id = ?")) {
            s.setObject(1, id);
            return rows(s).stream().findFirst();
        }
    }

    /** Orders, newest first: of one owner (or everyone's), of one instrument (or all), of one status (or any). */
    public List<Order> list(Connection c, UUID owner, Integer instrument, OrderStatus status, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from market_order where (cast(? as uuid) is null or owner_id = ?) "
                + "and (cast(? as integer) is null or instrument_id = ?) and (cast(? as text) is null or status = ?) order by created_at desc, seq desc limit ?")) {
            s.setObject(1, owner);
            s.setObject(2, owner);
            s.setObject(3, instrument);
            s.setObject(4, instrument);
            s.setString(5, status == null ? null : status.name());
            s.setString(6, status == null ? null : status.name());
            s.setInt(7, limit);
            return rows(s);
        }
    }

    /** The statement that writes the orders a batch posted or changed (their final state). */
    public Write upserting(List<Order> orders) {
        return Unnest.insert("market_order", orders, "on conflict (id) do update set filled = excluded.filled, amount_fen = excluded.amount_fen, "
                + "fees_fen = excluded.fees_fen, frozen_fen = excluded.frozen_fen, status = excluded.status, ended_at = excluded.ended_at", "orders",
                List.of(column("id", "uuid", o -> o.id), column("seq", "bigint", o -> o.seq), column("instrument_id", "integer", o -> o.instrumentId),
                        column("owner_id", "uuid", o -> o.ownerId), column("side", "text", o -> o.side), column("price", "numeric", o -> o.price),
                        column("units", "bigint", o -> o.units), column("filled", "bigint", Order::filled), column("amount_fen", "bigint", Order::amountFen),
                        column("fees_fen", "bigint", Order::feesFen), column("frozen_fen", "bigint", Order::frozenFen),
                        column("status", "text", Order::status), column("trading_day", "date", o -> o.tradingDay),
                        column("created_at", "timestamptz", o -> o.createdAt), column("created_by", "text", o -> o.createdBy),
                        column("ended_at", "timestamptz", Order::endedAt)));
    }

    private static final String COLUMNS = "id, seq, instrument_id, owner_id, side, price, units, filled, amount_fen, fees_fen, frozen_fen, status, "
            + "trading_day, created_at, created_by, ended_at";

    /** The row mapper of the market_order table (columns as {@link #COLUMNS}). */
    private static List<Order> rows(PreparedStatement s) throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                orders.add(new Order(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3), rs.getObject(4, UUID.class), Side.valueOf(rs.getString(5)),
                        rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), OrderStatus.valueOf(rs.getString(12)),
                        rs.getObject(13, LocalDate.class), rs.getObject(14, OffsetDateTime.class), rs.getString(15), rs.getObject(16, OffsetDateTime.class)));
            }
        }
        return orders;
    }
}
