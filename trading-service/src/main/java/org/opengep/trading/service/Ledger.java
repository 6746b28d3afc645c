package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.JournalChain;
import org.opengep.trading.ledger.SerialSplit;

/**
 * The ledger's SQL, always inside the caller's transaction: balances locked in one canonical order (by holder id, so
 * that A->B and B->A never wait on each other in a cycle), serial blocks that are ended and started but never
 * edited, and hash-chained journal legs that update their balance in the same statement order.
 */
@ApplicationScoped
public class Ledger {

    /** Serial blocks read at a time when a movement looks for the units it needs. */
    private static final int PAGE = 32;

    /** A locked balance row with the head of its journal chain. */
    public static final class Balance {
        final UUID holderId;
        long available;
        long entries;
        byte[] head;

        Balance(UUID holderId, long available, long entries, byte[] head) {
            this.holderId = holderId;
            this.available = available;
            this.entries = entries;
            this.head = head;
        }

        public long available() {
            return available;
        }

        /** The state to go back to when a savepoint is rolled back. */
        public Balance copy() {
            return new Balance(holderId, available, entries, head);
        }

        public void restore(Balance earlier) {
            available = earlier.available;
            entries = earlier.entries;
            head = earlier.head;
        }
    }

    /** A live serial block. */
    private record Holding(long id, UUID productId, String regionCode, UUID issuanceId, String serialPrefix, long start, long end,
            LocalDate validUntil) {}

    /** A block to start: serials of an issuance now held by a holder in a state. */
    public record NewHolding(UUID holderId, Instrument instrument, UUID productId, String regionCode, UUID issuanceId,
            String serialPrefix, long start, long end, Bucket state, UUID movementId, LocalDate validUntil) {}

    /** What a transfer of blocks moved: the serial ranges, and the units per product and per region of origin. */
    public record Moved(List<String> serials, Set<UUID> products, Map<String, Long> unitsByRegion) {}

    /** One leg of a movement: units into (positive) or out of (negative) a holder's bucket. */
    public record Leg(UUID holderId, Bucket bucket, long units) {}

    /** The time of a movement, to the microsecond as PostgreSQL keeps it (the journal hashes it). */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Locks (creating where missing) the holders' balances of the instrument, in holder order. Existing balances are
     * locked in one statement; only a holder seen for the first time costs an insert.
     */
    public Map<UUID, Balance> lockBalances(Connection c, Instrument i, Collection<UUID> holders) throws SQLException {
        Map<UUID, Balance> locked = selectForUpdate(c, i, holders);
        if (locked.size() < new TreeSet<>(holders).size()) {
            List<UUID> missing = holders.stream().filter(h -> !locked.containsKey(h)).sorted().distinct().toList();
            try (PreparedStatement s = c.prepareStatement("insert into balance (holder_id, right_type, vintage, pollutant) "
                    + "select h, ?, ?, ? from unnest(?) as h order by h on conflict do nothing")) {
                s.setString(1, i.rightType().name());
                s.setInt(2, i.vintage());
                s.setString(3, i.pollutantKey());
                s.setArray(4, c.createArrayOf("uuid", missing.toArray()));
                s.executeUpdate();
            }
            // all of them again, in holder order: a balance created meanwhile by someone else is locked in its turn
            locked.clear();
            locked.putAll(selectForUpdate(c, i, holders));
        }
        return locked;
    }

    private static Map<UUID, Balance> selectForUpdate(Connection c, Instrument i, Collection<UUID> holders) throws SQLException {
        Map<UUID, Balance> locked = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select holder_id, available, entries, head_hash from balance "
                + "where holder_id = any(?) and right_type = ? and vintage = ? and pollutant = ? order by holder_id for update")) {
            s.setArray(1, c.createArrayOf("uuid", new TreeSet<>(holders).toArray()));
            s.setString(2, i.rightType().name());
            s.setInt(3, i.vintage());
            s.setString(4, i.pollutantKey());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID holder = rs.getObject(1, UUID.class);
                    locked.put(holder, new Balance(holder, rs.getLong(2), rs.getLong(3), rs.getBytes(4)));
                }
            }
        }
        return locked;
    }

    /** The products of the holder's available blocks of the instrument (read without locks, to ask the registry early). */
    public Set<UUID> liveProducts(Connection c, UUID holder, Instrument i) throws SQLException {
        Set<UUID> products = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("select distinct product_id from holding where holder_id = ? and right_type = ? "
                + "and vintage = ? and pollutant = ? and state = 'AVAILABLE' and held_until is null limit 100")) {
            s.setObject(1, holder);
            s.setString(2, i.rightType().name());
            s.setInt(3, i.vintage());
            s.setString(4, i.pollutantKey());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    products.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return products;
    }

    /**
     * Moves {@code units} of {@code from}'s live blocks in state {@code fromState} (only those of {@code reservation}
     * when given) to {@code to} in state {@code toState}: whole blocks oldest first, the last one split (the holder
     * keeps the first sub-range, the receiver gets the last). The caller holds the balance locks and posts the legs.
     */
    public Moved transfer(Connection c, UUID movementId, Instrument i, UUID from, Bucket fromState, UUID reservation, UUID to, Bucket toState,
            long units, OffsetDateTime at) throws SQLException {
        List<Holding> blocks = liveHoldings(c, from, i, fromState, reservation, units);
        SerialSplit.Result split = SerialSplit.take(blocks.stream().map(b -> new SerialSplit.Block(b.id(), b.start(), b.end())).toList(), units);
        Map<Long, Holding> byId = new HashMap<>();
        blocks.forEach(b -> byId.put(b.id(), b));
        List<NewHolding> started = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        Set<UUID> products = new LinkedHashSet<>();
        Map<String, Long> byRegion = new TreeMap<>();
        if (split.kept() != null) {
            Holding h = byId.get(split.kept().holdingId());
            started.add(new NewHolding(from, i, h.productId(), h.regionCode(), h.issuanceId(), h.serialPrefix(), split.kept().start(),
                    split.kept().end(), fromState, reservation != null ? reservation : movementId, h.validUntil()));
        }
        for (SerialSplit.Block moved : split.moved()) {
            Holding h = byId.get(moved.holdingId());
            started.add(new NewHolding(to, i, h.productId(), h.regionCode(), h.issuanceId(), h.serialPrefix(), moved.start(), moved.end(), toState,
                    movementId, h.validUntil()));
            serials.add(h.serialPrefix() + "-" + moved.start() + "-" + moved.end());
            products.add(h.productId());
            byRegion.merge(h.regionCode(), moved.units(), Long::sum);
        }
        replaceHoldings(c, split.ended(), started, at);
        return new Moved(serials, products, byRegion);
    }

    /**
     * Ends the holder's AVAILABLE blocks of the instrument whose validity ended before {@code today} and starts them
     * again as EXPIRED; returns the units that expired. Reserved blocks expire once they are released.
     */
    public long expireBlocks(Connection c, UUID movementId, UUID holder, Instrument i, LocalDate today, OffsetDateTime at) throws SQLException {
        List<NewHolding> expired = new ArrayList<>();
        List<Long> ended = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, product_id, region_code, issuance_id, serial_prefix, serial_start, serial_end, "
                + "valid_until from holding where holder_id = ? and right_type = ? and vintage = ? and pollutant = ? and state = 'AVAILABLE' "
                + "and held_until is null and valid_until < ? order by id")) {
            s.setObject(1, holder);
            s.setString(2, i.rightType().name());
            s.setInt(3, i.vintage());
            s.setString(4, i.pollutantKey());
            s.setObject(5, today);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ended.add(rs.getLong(1));
                    expired.add(new NewHolding(holder, i, rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                            rs.getLong(6), rs.getLong(7), Bucket.EXPIRED, movementId, rs.getObject(8, LocalDate.class)));
                }
            }
        }
        if (ended.isEmpty()) {
            return 0;
        }
        replaceHoldings(c, ended, expired, at);
        return expired.stream().mapToLong(b -> b.end() - b.start() + 1).sum();
    }

    /**
     * The holder's live blocks of the instrument in a state (of one reservation, if given), oldest first, covering
     * {@code units}: read a page at a time, so that a holder with many small blocks costs no more than it needs.
     */
    private List<Holding> liveHoldings(Connection c, UUID holder, Instrument i, Bucket state, UUID reservation, long units) throws SQLException {
        List<Holding> blocks = new ArrayList<>();
        long covered = 0;
        long after = 0;
        try (PreparedStatement s = c.prepareStatement("select id, product_id, region_code, issuance_id, serial_prefix, serial_start, serial_end, "
                + "valid_until from holding where holder_id = ? and right_type = ? and vintage = ? and pollutant = ? and state = ? "
                + "and held_until is null and id > ?" + (reservation == null ? "" : " and movement_id = ?") + " order by id limit " + PAGE)) {
            while (covered < units) {
                s.setObject(1, holder);
                s.setString(2, i.rightType().name());
                s.setInt(3, i.vintage());
                s.setString(4, i.pollutantKey());
                s.setString(5, state.name());
                s.setLong(6, after);
                if (reservation != null) {
                    s.setObject(7, reservation);
                }
                int read = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (covered < units && rs.next()) {
                        read++;
                        Holding h = new Holding(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                                rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getObject(8, LocalDate.class));
                        blocks.add(h);
                        covered += h.end() - h.start() + 1;
                        after = h.id();
                    }
                }
                if (read < PAGE) {
                    break;
                }
            }
        }
        return blocks;
    }

    /** Ends blocks and starts others in one statement; the ended ones must still have been live (the balance lock guarantees it). */
    private void replaceHoldings(Connection c, List<Long> ended, List<NewHolding> started, OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("with ended as (update holding set held_until = ? where id = any(?) and held_until is null "
                + "returning 1), started as (" + INSERT_HOLDINGS + " returning 1) select (select count(*) from ended), (select count(*) from started)")) {
            s.setObject(1, at);
            s.setArray(2, c.createArrayOf("bigint", ended.toArray()));
            bindHoldings(c, s, 3, started, at);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != ended.size()) {
                    throw new IllegalStateException("a serial block changed under the balance lock");
                }
            }
        }
    }

    private static final String INSERT_HOLDINGS = "insert into holding (holder_id, right_type, vintage, pollutant, product_id, region_code, "
            + "issuance_id, serial_prefix, serial_start, serial_end, state, movement_id, held_from, valid_until) "
            + "select h, ?, ?, ?, p, r, i, x, a, b, st, m, ?, v from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::bigint[], "
            + "?::bigint[], ?::text[], ?::uuid[], ?::date[]) as n(h, p, r, i, x, a, b, st, m, v)";

    /** Binds the blocks to INSERT_HOLDINGS' parameters from {@code first} on (all blocks are of one instrument). */
    private static void bindHoldings(Connection c, PreparedStatement s, int first, List<NewHolding> blocks, OffsetDateTime at) throws SQLException {
        Instrument i = blocks.get(0).instrument();
        s.setString(first, i.rightType().name());
        s.setInt(first + 1, i.vintage());
        s.setString(first + 2, i.pollutantKey());
        s.setObject(first + 3, at);
        s.setArray(first + 4, c.createArrayOf("uuid", blocks.stream().map(NewHolding::holderId).toArray()));
        s.setArray(first + 5, c.createArrayOf("uuid", blocks.stream().map(NewHolding::productId).toArray()));
        s.setArray(first + 6, c.createArrayOf("text", blocks.stream().map(NewHolding::regionCode).toArray()));
        s.setArray(first + 7, c.createArrayOf("uuid", blocks.stream().map(NewHolding::issuanceId).toArray()));
        s.setArray(first + 8, c.createArrayOf("text", blocks.stream().map(NewHolding::serialPrefix).toArray()));
        s.setArray(first + 9, c.createArrayOf("bigint", blocks.stream().map(NewHolding::start).toArray()));
        s.setArray(first + 10, c.createArrayOf("bigint", blocks.stream().map(NewHolding::end).toArray()));
        s.setArray(first + 11, c.createArrayOf("text", blocks.stream().map(b -> b.state().name()).toArray()));
        s.setArray(first + 12, c.createArrayOf("uuid", blocks.stream().map(NewHolding::movementId).toArray()));
        s.setArray(first + 13, c.createArrayOf("date", blocks.stream().map(b -> b.validUntil() == null ? null : Date.valueOf(b.validUntil())).toArray()));
    }

    public void startHoldings(Connection c, List<NewHolding> blocks, OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_HOLDINGS)) {
            bindHoldings(c, s, 1, blocks, at);
            s.executeUpdate();
        }
    }

    /**
     * Writes a movement's legs to the journal, each chained to its balance's head, and applies them to the balances
     * (which the caller has locked). A leg that would take a bucket below zero fails on the balance's check.
     */
    public void post(Connection c, UUID movementId, Instrument i, List<Leg> legs, Map<UUID, Balance> balances, OffsetDateTime at) throws SQLException {
        // the new state of each balance the legs touch: bucket deltas, the chain's length and head
        Map<UUID, long[]> deltas = new java.util.LinkedHashMap<>();
        try (PreparedStatement entry = c.prepareStatement("insert into journal_entry (movement_id, holder_id, right_type, vintage, pollutant, "
                + "bucket, units, chain_seq, at, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Leg leg : legs) {
                Balance b = balances.get(leg.holderId());
                long seq = b.entries + 1;
                byte[] hash = JournalChain.hash(b.head, new JournalChain.Entry(movementId, leg.holderId(), i, leg.bucket().name(), leg.units(), seq, at));
                entry.setObject(1, movementId);
                entry.setObject(2, leg.holderId());
                entry.setString(3, i.rightType().name());
                entry.setInt(4, i.vintage());
                entry.setString(5, i.pollutantKey());
                entry.setString(6, leg.bucket().name());
                entry.setLong(7, leg.units());
                entry.setLong(8, seq);
                entry.setObject(9, at);
                entry.setBytes(10, b.head);
                entry.setBytes(11, hash);
                entry.addBatch();
                b.entries = seq;
                b.head = hash;
                if (leg.bucket() == Bucket.AVAILABLE) {
                    b.available += leg.units();
                }
                deltas.computeIfAbsent(leg.holderId(), h -> new long[Bucket.values().length])[leg.bucket().ordinal()] += leg.units();
            }
            entry.executeBatch();
        }
        // one statement for every balance of the movement; a bucket going below zero fails on its check
        try (PreparedStatement update = c.prepareStatement("update balance b set available = b.available + d.available, "
                + "pending = b.pending + d.pending, pledged = b.pledged + d.pledged, frozen = b.frozen + d.frozen, "
                + "retired = b.retired + d.retired, expired = b.expired + d.expired, entries = d.entries, head_hash = d.head "
                + "from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bytea[]) "
                + "as d(holder_id, available, pending, pledged, frozen, retired, expired, entries, head) "
                + "where b.holder_id = d.holder_id and b.right_type = ? and b.vintage = ? and b.pollutant = ?")) {
            int n = deltas.size();
            Object[] holders = new Object[n];
            Object[][] buckets = new Object[Bucket.values().length][n];
            Object[] entries = new Object[n];
            byte[][] heads = new byte[n][];
            int k = 0;
            for (Map.Entry<UUID, long[]> e : deltas.entrySet()) {
                holders[k] = e.getKey();
                for (Bucket bucket : Bucket.values()) {
                    buckets[bucket.ordinal()][k] = e.getValue()[bucket.ordinal()];
                }
                entries[k] = balances.get(e.getKey()).entries;
                heads[k] = balances.get(e.getKey()).head;
                k++;
            }
            update.setArray(1, c.createArrayOf("uuid", holders));
            for (Bucket bucket : Bucket.values()) {
                update.setArray(2 + bucket.ordinal(), c.createArrayOf("bigint", buckets[bucket.ordinal()]));
            }
            update.setArray(8, c.createArrayOf("bigint", entries));
            update.setObject(9, heads);
            update.setString(10, i.rightType().name());
            update.setInt(11, i.vintage());
            update.setString(12, i.pollutantKey());
            update.executeUpdate();
        }
    }

    /** Records a movement as asked for; a SETTLED one with its delivered units and time. */
    public void insertMovement(Connection c, UUID id, String kind, String status, UUID seller, UUID buyer, Instrument i, long units,
            BigDecimal price, MovementService.Mode mode, String purpose, String beneficiary, OffsetDateTime expires, String by, OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into movement (id, kind, status, seller_id, buyer_id, right_type, vintage, pollutant, "
                + "units, price, mode, purpose, beneficiary, expires_at, settled_units, settled_at, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, kind);
            s.setString(3, status);
            s.setObject(4, seller);
            s.setObject(5, buyer);
            s.setString(6, i.rightType().name());
            s.setInt(7, i.vintage());
            s.setString(8, i.pollutantKey());
            s.setLong(9, units);
            s.setBigDecimal(10, price);
            s.setString(11, mode == null ? null : mode.name());
            s.setString(12, purpose);
            s.setString(13, beneficiary);
            s.setObject(14, expires);
            s.setObject(15, status.equals("SETTLED") ? units : null);
            s.setObject(16, status.equals("SETTLED") ? at : null);
            s.setString(17, by);
            s.setObject(18, at);
            s.executeUpdate();
        }
    }
}
