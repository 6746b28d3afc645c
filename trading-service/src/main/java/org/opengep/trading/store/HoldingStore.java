package org.opengep.trading.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.SerialBlock;

/**
 * The holding table: serial blocks, who holds which serials in which bucket since when. A movement never edits a
 * block's range; it ends blocks and starts others, so the table is the history of every serial. Blocks are read and
 * written under their balance's lock.
 */
@ApplicationScoped
public class HoldingStore {

    /** Units a batch may take from a holder's AVAILABLE blocks of an instrument (Long.MAX_VALUE: all of them). */
    public record Need(UUID holderId, Instrument instrument, long units) {}

    /** Blocks read at first for each holder whose available units a batch may take. */
    private static final int FIRST_READ = 8;

    @Inject
    InstrumentStore instruments;

    /**
     * The live AVAILABLE blocks, oldest first, that cover each need. The first {@link #FIRST_READ} blocks of each are
     * read in index order (most movements need one or two); only a need they do not cover reads on, until the running
     * total of its blocks reaches the units needed.
     */
    public List<SerialBlock> available(Connection c, Collection<Need> needs) throws SQLException {
        List<Need> known = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        for (Need n : needs) {
            var id = instruments.find(c, n.instrument());
            if (id.isPresent()) {
                known.add(n);
                ids.add(id.get());
            }
        }
        if (known.isEmpty()) {
            return List.of();
        }
        List<SerialBlock> blocks;
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from unnest(?::uuid[], ?::int[]) as n(holder_id, instrument_id) "
                + "cross join lateral (select * from holding h where h.holder_id = n.holder_id and h.instrument_id = n.instrument_id "
                + "and h.state = 'AVAILABLE' and h.held_until is null order by h.id limit " + FIRST_READ + ") h")) {
            s.setArray(1, c.createArrayOf("uuid", known.stream().map(Need::holderId).toArray()));
            s.setArray(2, c.createArrayOf("integer", ids.toArray()));
            blocks = rows(c, s);
        }
        Map<List<Object>, long[]> read = new HashMap<>(); // per holder and instrument: blocks, units, last id
        for (SerialBlock b : blocks) {
            long[] r = read.computeIfAbsent(List.of(b.holderId(), b.instrument()), k -> new long[3]);
            r[0]++;
            r[1] += b.units();
            r[2] = b.id();
        }
        List<Need> more = new ArrayList<>();
        List<Object> moreIds = new ArrayList<>();
        List<Object> after = new ArrayList<>();
        for (int n = 0; n < known.size(); n++) {
            long[] r = read.getOrDefault(List.of(known.get(n).holderId(), known.get(n).instrument()), new long[3]);
            if (r[0] == FIRST_READ && r[1] < known.get(n).units()) {
                more.add(new Need(known.get(n).holderId(), known.get(n).instrument(), known.get(n).units() - r[1]));
                moreIds.add(ids.get(n));
                after.add(r[2]);
            }
        }
        if (!more.isEmpty()) {
            blocks = new ArrayList<>(blocks);
            blocks.addAll(rest(c, more, moreIds, after));
        }
        return blocks;
    }

    /** The blocks after the first read of each need, until they cover what is still missing. */
    private List<SerialBlock> rest(Connection c, List<Need> needs, List<Object> ids, List<Object> after) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from unnest(?::uuid[], ?::int[], ?::bigint[], ?::bigint[]) "
                + "as n(holder_id, instrument_id, after, needed) cross join lateral (select h.*, sum(h.serial_end - h.serial_start + 1) "
                + "over (order by h.id) as through from holding h where h.holder_id = n.holder_id and h.instrument_id = n.instrument_id "
                + "and h.state = 'AVAILABLE' and h.held_until is null and h.id > n.after) h "
                + "where h.through - (h.serial_end - h.serial_start + 1) < n.needed order by h.holder_id, h.instrument_id, h.id")) {
            s.setArray(1, c.createArrayOf("uuid", needs.stream().map(Need::holderId).toArray()));
            s.setArray(2, c.createArrayOf("integer", ids.toArray()));
            s.setArray(3, c.createArrayOf("bigint", after.toArray()));
            s.setArray(4, c.createArrayOf("bigint", needs.stream().map(Need::units).toArray()));
            return rows(c, s);
        }
    }

    /** The live blocks that reservations (two-phase trades, pledges, freezes) keep, oldest first. */
    public List<SerialBlock> reserved(Connection c, Collection<UUID> reservations) throws SQLException {
        if (reservations.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from holding h where h.movement_id = any(?) and h.held_until is null "
                + "and h.state in ('PENDING', 'PLEDGED', 'FROZEN') order by h.id")) {
            s.setArray(1, c.createArrayOf("uuid", reservations.toArray()));
            return rows(c, s);
        }
    }

    /** Holders with AVAILABLE units whose validity ended before {@code today}, with the instrument. */
    public List<Need> expiring(Connection c, LocalDate today) throws SQLException {
        List<Need> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select distinct holder_id, instrument_id from holding where held_until is null "
                + "and state = 'AVAILABLE' and valid_until < ?")) {
            s.setObject(1, today);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new Need(rs.getObject(1, UUID.class), instruments.byId(c, rs.getInt(2)), Long.MAX_VALUE));
                }
            }
        }
        return due;
    }

    /**
     * The products of the holder's oldest available blocks of the instrument, the ones a movement takes first (read
     * without locks, to ask the registry before the movement is queued).
     */
    public Set<UUID> nextProducts(Connection c, UUID holder, Instrument i) throws SQLException {
        Set<UUID> products = new LinkedHashSet<>();
        var id = instruments.find(c, i);
        if (id.isEmpty()) {
            return products;
        }
        try (PreparedStatement s = c.prepareStatement("select product_id from holding where holder_id = ? and instrument_id = ? "
                + "and state = 'AVAILABLE' and held_until is null order by id limit " + FIRST_READ)) {
            s.setObject(1, holder);
            s.setInt(2, id.get());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    products.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return products;
    }

    /** A holder's live blocks. */
    public List<SerialBlock> ofHolder(Connection c, UUID holder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from holding h where h.holder_id = ? and h.held_until is null "
                + "order by h.instrument_id, h.id")) {
            s.setObject(1, holder);
            return rows(c, s);
        }
    }

    /** Every block that held the serial {@code prefix-number}, oldest first. */
    public List<SerialBlock> history(Connection c, String prefix, long number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from holding h where h.serial_prefix = ? and h.serial_start <= ? "
                + "and h.serial_end >= ? order by h.held_from, h.id")) {
            s.setString(1, prefix);
            s.setLong(2, number);
            s.setLong(3, number);
            return rows(c, s);
        }
    }

    /**
     * The statements that end the stored blocks a batch ended (every one must still have been live: the balance
     * locks guarantee it) and insert the blocks it started.
     */
    public List<Write> writes(List<SerialBlock> ended, List<SerialBlock> started, OffsetDateTime at) {
        Write ending = ended.isEmpty() ? null : new Write("update holding set held_until = ? where id = any(?) and held_until is null", (c, s, n) -> {
            s.setObject(n, at);
            s.setArray(n + 1, c.createArrayOf("bigint", ended.stream().map(SerialBlock::id).toArray()));
            return n + 2;
        }, ended.size(), "serial blocks ended under the balance lock");
        Write starting = started.isEmpty() ? null : new Write("insert into holding (holder_id, instrument_id, product_id, region_code, issuance_id, "
                + "serial_prefix, serial_start, serial_end, state, movement_id, valid_until, held_from, held_until) select * from unnest(?::uuid[], "
                + "?::int[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::uuid[], ?::date[], "
                + "?::text[]::timestamptz[], ?::text[]::timestamptz[])", (c, s, n) -> {
                    Object[] ids = instruments.ids(c, started, SerialBlock::instrument);
                    s.setArray(n, c.createArrayOf("uuid", started.stream().map(SerialBlock::holderId).toArray()));
                    s.setArray(n + 1, c.createArrayOf("integer", ids));
                    s.setArray(n + 2, c.createArrayOf("uuid", started.stream().map(SerialBlock::productId).toArray()));
                    s.setArray(n + 3, c.createArrayOf("text", started.stream().map(SerialBlock::regionCode).toArray()));
                    s.setArray(n + 4, c.createArrayOf("uuid", started.stream().map(SerialBlock::issuanceId).toArray()));
                    s.setArray(n + 5, c.createArrayOf("text", started.stream().map(SerialBlock::serialPrefix).toArray()));
                    s.setArray(n + 6, c.createArrayOf("bigint", started.stream().map(SerialBlock::start).toArray()));
                    s.setArray(n + 7, c.createArrayOf("bigint", started.stream().map(SerialBlock::end).toArray()));
                    s.setArray(n + 8, c.createArrayOf("text", started.stream().map(b -> b.state().name()).toArray()));
                    s.setArray(n + 9, c.createArrayOf("uuid", started.stream().map(SerialBlock::movementId).toArray()));
                    s.setArray(n + 10, c.createArrayOf("date", started.stream().map(b -> b.validUntil() == null ? null : Date.valueOf(b.validUntil()))
                            .toArray()));
                    s.setArray(n + 11, c.createArrayOf("text", started.stream().map(b -> b.heldFrom().toString()).toArray()));
                    s.setArray(n + 12, c.createArrayOf("text", started.stream().map(b -> b.heldUntil() == null ? null : b.heldUntil().toString()).toArray()));
                    return n + 13;
                }, started.size(), "serial blocks started");
        return Arrays.asList(ending, starting); // either may be null: nothing to write
    }

    private static final String COLUMNS = "h.id, h.holder_id, h.instrument_id, h.product_id, h.region_code, h.issuance_id, h.serial_prefix, "
            + "h.serial_start, h.serial_end, h.state, h.movement_id, h.valid_until, h.held_from, h.held_until";

    /** The row mapper of the holding table (columns as {@link #COLUMNS}). */
    private List<SerialBlock> rows(Connection c, PreparedStatement s) throws SQLException {
        List<SerialBlock> blocks = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                blocks.add(new SerialBlock(rs.getLong(1), rs.getObject(2, UUID.class), instruments.byId(c, rs.getInt(3)), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getLong(8), rs.getLong(9), Bucket.valueOf(rs.getString(10)),
                        rs.getObject(11, UUID.class), rs.getObject(12, LocalDate.class), rs.getObject(13, OffsetDateTime.class),
                        rs.getObject(14, OffsetDateTime.class)));
            }
        }
        return blocks;
    }
}
