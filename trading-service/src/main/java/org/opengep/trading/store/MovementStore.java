package org.opengep.trading.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.MovementStatus;
import org.opengep.trading.ledger.TradeMode;

/**
 * The movement table (movements as asked for and recorded; reservations stay OPEN until resolved, exactly once, under
 * the lock of their row).
 */
@ApplicationScoped
public class MovementStore {

    /** A resolution to write: the reservation's new status and, for trades, what was delivered. */
    public record Resolved(UUID id, MovementStatus status, Long settledUnits, OffsetDateTime at, String by) {}

    @Inject
    InstrumentStore instruments;

    /** The statement that records the movements. */
    public Write inserting(List<Movement> movements) {
        if (movements.isEmpty()) {
            return null;
        }
        return new Write("insert into movement (id, kind, status, seller_id, buyer_id, instrument_id, units, price, mode, "
                + "purpose, beneficiary, expires_at, settled_units, settled_at, created_by, created_at) select id, kind, status, seller, buyer, instrument, "
                + "units, price, mode, purpose, beneficiary, expires, settled, case when settled > 0 then at end, by, at from unnest(?::uuid[], ?::text[], "
                + "?::text[], ?::uuid[], ?::uuid[], ?::int[], ?::bigint[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[], "
                + "?::bigint[], ?::text[], ?::text[]::timestamptz[]) as m(id, kind, status, seller, buyer, instrument, units, price, mode, purpose, "
                + "beneficiary, expires, settled, by, at)", (c, s, n) -> {
            Object[] ids = instruments.ids(c, movements, Movement::instrument);
            s.setArray(n, c.createArrayOf("uuid", movements.stream().map(Movement::id).toArray()));
            s.setArray(n + 1, c.createArrayOf("text", movements.stream().map(m -> m.kind().name()).toArray()));
            s.setArray(n + 2, c.createArrayOf("text", movements.stream().map(m -> m.status().name()).toArray()));
            s.setArray(n + 3, c.createArrayOf("uuid", movements.stream().map(Movement::holderId).toArray()));
            s.setArray(n + 4, c.createArrayOf("uuid", movements.stream().map(Movement::counterpartyId).toArray()));
            s.setArray(n + 5, c.createArrayOf("integer", ids));
            s.setArray(n + 6, c.createArrayOf("bigint", movements.stream().map(Movement::units).toArray()));
            s.setArray(n + 7, c.createArrayOf("numeric", movements.stream().map(Movement::price).toArray()));
            s.setArray(n + 8, c.createArrayOf("text", movements.stream().map(m -> m.mode() == null ? null : m.mode().name()).toArray()));
            s.setArray(n + 9, c.createArrayOf("text", movements.stream().map(Movement::purpose).toArray()));
            s.setArray(n + 10, c.createArrayOf("text", movements.stream().map(Movement::beneficiary).toArray()));
            s.setArray(n + 11, c.createArrayOf("text", movements.stream().map(m -> m.expiresAt() == null ? null : m.expiresAt().toString()).toArray()));
            s.setArray(n + 12, c.createArrayOf("bigint", movements.stream().map(Movement::settledUnits).toArray()));
            s.setArray(n + 13, c.createArrayOf("text", movements.stream().map(Movement::by).toArray()));
            s.setArray(n + 14, c.createArrayOf("text", movements.stream().map(m -> m.at().toString()).toArray()));
            return n + 15;
        }, movements.size(), "movements");
    }

    /** Locks the movements (in id order, the canonical order of movement rows) and reads them; reservations only. */
    public Map<UUID, Movement> lockReservations(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, Movement> locked = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from movement m where m.id = any(?) and m.kind in ('TRADE', 'PLEDGE', "
                + "'FREEZE') order by m.id for update")) {
            s.setArray(1, c.createArrayOf("uuid", ids.stream().sorted().toArray()));
            for (Movement m : rows(c, s)) {
                locked.put(m.id(), m);
            }
        }
        return locked;
    }

    /** A movement as stored now, without a lock. */
    public Optional<Movement> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from movement m where m.id = ?")) {
            s.setObject(1, id);
            return rows(c, s).stream().findFirst();
        }
    }

    /** The statement that resolves reservations (each must still be OPEN: its row is locked). */
    public Write resolving(List<Resolved> resolutions) {
        if (resolutions.isEmpty()) {
            return null;
        }
        return new Write("update movement m set status = r.status, settled_units = r.settled, "
                + "settled_at = case when r.settled > 0 then r.at end, resolved_at = r.at, resolved_by = r.by from unnest(?::uuid[], ?::text[], ?::bigint[], "
                + "?::text[]::timestamptz[], ?::text[]) as r(id, status, settled, at, by) where m.id = r.id and m.status = 'OPEN'", (c, s, n) -> {
                    s.setArray(n, c.createArrayOf("uuid", resolutions.stream().map(Resolved::id).toArray()));
                    s.setArray(n + 1, c.createArrayOf("text", resolutions.stream().map(r -> r.status().name()).toArray()));
                    s.setArray(n + 2, c.createArrayOf("bigint", resolutions.stream().map(Resolved::settledUnits).toArray()));
                    s.setArray(n + 3, c.createArrayOf("text", resolutions.stream().map(r -> r.at().toString()).toArray()));
                    s.setArray(n + 4, c.createArrayOf("text", resolutions.stream().map(Resolved::by).toArray()));
                    return n + 5;
                }, resolutions.size(), "reservations resolved under their lock");
    }

    /** Reservations past their time, oldest first (the expiry job resolves each as EXPIRED). */
    public List<UUID> overdue(Connection c, OffsetDateTime now, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id from movement where status = 'OPEN' and expires_at <= ? order by expires_at limit ?")) {
            s.setObject(1, now);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static final String COLUMNS = "m.id, m.kind, m.status, m.seller_id, m.buyer_id, m.instrument_id, m.units, m.settled_units, m.price, m.mode, "
            + "m.purpose, m.beneficiary, m.expires_at, m.created_at, m.created_by";

    /** The row mapper of the movement table (columns as {@link #COLUMNS}). */
    private List<Movement> rows(Connection c, PreparedStatement s) throws SQLException {
        List<Movement> movements = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                movements.add(new Movement(rs.getObject(1, UUID.class), MovementKind.valueOf(rs.getString(2)), MovementStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), instruments.byId(c, rs.getInt(6)), rs.getLong(7),
                        rs.getObject(8) == null ? null : rs.getLong(8), rs.getBigDecimal(9), rs.getString(10) == null ? null : TradeMode.valueOf(rs.getString(10)),
                        rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class), rs.getString(15),
                        List.of()));
            }
        }
        return movements;
    }
}
