package org.opengep.trading.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.trading.ledger.Instrument;

/**
 * The one place an instrument is bound to the database: the {@code instrument} table, whose id every balance, block,
 * journal entry, movement and import names. Rows are only ever added (never changed), so both directions are kept in
 * memory once read.
 */
@ApplicationScoped
public class InstrumentStore {

    @Inject
    DataSource dataSource;

    private final Map<Instrument, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Instrument> instruments = new ConcurrentHashMap<>();

    /** The instrument's id, if units of it ever entered the ledger. */
    public Optional<Integer> find(Connection c, Instrument i) throws SQLException {
        Integer id = ids.get(i);
        if (id == null) {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from instrument where right_type = ? and vintage = ? "
                    + "and coalesce(pollutant, '') = ? and coalesce(water_right_kind, '') = ? and permit_valid_until is not distinct from ?")) {
                s.setString(1, i.rightType().name());
                s.setInt(2, i.vintage());
                s.setString(3, i.pollutant() == null ? "" : i.pollutant().name());
                s.setString(4, i.waterRightKind() == null ? "" : i.waterRightKind().name());
                s.setObject(5, i.permitValidUntil(), java.sql.Types.DATE);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        id = remember(rs);
                    }
                }
            }
        }
        return Optional.ofNullable(id);
    }

    /**
     * The instrument's id, adding the instrument when units of it enter the ledger for the first time. It is added in
     * a transaction of its own, committed before the id is kept, so that no id is remembered from a transaction that
     * then rolls back.
     */
    public int idOf(Connection c, Instrument i) throws SQLException {
        Optional<Integer> known = find(c, i);
        if (known.isPresent()) {
            return known.get();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection own = dataSource.getConnection()) {
                add(own, i);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return find(c, i).orElseThrow();
    }

    private static void add(Connection c, Instrument i) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into instrument (right_type, vintage, pollutant, water_right_kind, permit_valid_until) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing")) {
            s.setString(1, i.rightType().name());
            s.setInt(2, i.vintage());
            s.setString(3, i.pollutant() == null ? null : i.pollutant().name());
            s.setString(4, i.waterRightKind() == null ? null : i.waterRightKind().name());
            s.setObject(5, i.permitValidUntil(), java.sql.Types.DATE);
            s.executeUpdate();
        }
    }

    /** The ids of the items' instruments, in order, for an array parameter (every instrument must be stored). */
    public <T> Object[] ids(Connection c, List<T> items, Function<T, Instrument> instrument) throws SQLException {
        Object[] ids = new Object[items.size()];
        for (int n = 0; n < ids.length; n++) {
            ids[n] = find(c, instrument.apply(items.get(n))).orElseThrow();
        }
        return ids;
    }

    /** The instrument of an id, from memory once read (a view of a row needs no database call then). */
    public Instrument known(int id) {
        Instrument i = instruments.get(id);
        if (i != null) {
            return i;
        }
        try (Connection c = dataSource.getConnection()) {
            return byId(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instrument of an id read from another table. */
    public Instrument byId(Connection c, int id) throws SQLException {
        Instrument known = instruments.get(id);
        if (known == null) {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from instrument where id = ?")) {
                s.setInt(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no instrument " + id);
                    }
                    remember(rs);
                }
            }
            known = instruments.get(id);
        }
        return known;
    }

    private static final String COLUMNS = "id, right_type, vintage, pollutant, water_right_kind, permit_valid_until";

    /** The row mapper of the instrument table (columns as {@link #COLUMNS}). */
    private int remember(ResultSet rs) throws SQLException {
        int id = rs.getInt(1);
        Instrument i = new Instrument(RightType.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4) == null ? null : Pollutant.valueOf(rs.getString(4)),
                rs.getString(5) == null ? null : WaterRightKind.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class));
        ids.put(i, id);
        instruments.put(id, i);
        return id;
    }
}
