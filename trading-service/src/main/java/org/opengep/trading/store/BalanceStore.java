package org.opengep.trading.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.LedgerBatch.Balance;

/**
 * The balance table: one row per holder and instrument with its buckets and the head of its journal chain. Rows are
 * locked in one canonical order, (holder, instrument id), by every statement that locks more than one, so that
 * movements A->B and B->A never wait on each other in a cycle, in one instance or several.
 */
@ApplicationScoped
public class BalanceStore {

    /** A balance to lock; {@code creatable}: it may be missing and is then created (a receiver's). */
    public record Wanted(UUID holderId, Instrument instrument, boolean creatable) {}

    private record Row(UUID holderId, int instrumentId) {}

    private static final Comparator<Row> CANONICAL = Comparator.comparing(Row::holderId).thenComparingInt(Row::instrumentId);

    @Inject
    InstrumentStore instruments;

    /**
     * Locks the balances wanted and reads them; a creatable one that is missing is created (and removed again by
     * {@link #writes} if nothing is posted to it). A balance of an instrument that never entered the ledger, or a
     * missing one that is not creatable, is left out: its holder holds nothing of it.
     */
    public List<Balance> lock(Connection c, Collection<Wanted> wanted) throws SQLException {
        Map<Row, Wanted> rows = new TreeMap<>(CANONICAL);
        for (Wanted w : wanted) {
            Optional<Integer> id = instruments.find(c, w.instrument());
            if (id.isPresent()) {
                rows.merge(new Row(w.holderId(), id.get()), w, (a, b) -> a.creatable() ? a : b);
            }
        }
        List<Balance> locked = new ArrayList<>();
        if (rows.isEmpty()) {
            return locked;
        }
        for (Balance b : selectForUpdate(c, rows.keySet(), Set.of())) {
            locked.add(b);
            rows.remove(new Row(b.holderId(), instruments.find(c, b.instrument()).orElseThrow()));
        }
        rows.values().removeIf(w -> !w.creatable());
        if (!rows.isEmpty()) {
            // a receiver seen for the first time; another transaction creating the same row meanwhile is waited for
            Set<Row> created = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("insert into balance (holder_id, instrument_id) select h, i from unnest(?::uuid[], ?::int[]) "
                    + "as k(h, i) order by h, i on conflict do nothing returning holder_id, instrument_id")) {
                bindKeys(c, s, 1, rows.keySet());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        created.add(new Row(rs.getObject(1, UUID.class), rs.getInt(2)));
                    }
                }
            }
            locked.addAll(selectForUpdate(c, rows.keySet(), created));
        }
        return locked;
    }

    /** Locks and reads the rows, in the canonical order; those in {@code created} were inserted by this transaction. */
    private List<Balance> selectForUpdate(Connection c, Set<Row> rows, Set<Row> created) throws SQLException {
        List<Balance> locked = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from balance b join unnest(?::uuid[], ?::int[]) as k(h, i) "
                + "on b.holder_id = k.h and b.instrument_id = k.i order by b.holder_id, b.instrument_id for update of b")) {
            bindKeys(c, s, 1, rows);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    locked.add(row(c, rs, created.contains(new Row(rs.getObject(1, UUID.class), rs.getInt(2)))));
                }
            }
        }
        return locked;
    }

    /** The statements that write the balances a batch posted to, and remove those it created for nothing. */
    public List<Write> writes(Collection<Balance> balances) {
        List<Balance> changed = balances.stream().filter(Balance::changed).toList();
        List<Balance> unused = balances.stream().filter(Balance::unused).toList();
        Write update = changed.isEmpty() ? null : new Write("update balance b set available = d.available, pending = d.pending, pledged = d.pledged, "
                + "frozen = d.frozen, retired = d.retired, expired = d.expired, entries = d.entries, head_hash = d.head "
                + "from unnest(?::uuid[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], "
                + "?::bytea[]) as d(holder_id, instrument_id, available, pending, pledged, frozen, retired, expired, entries, head) "
                + "where b.holder_id = d.holder_id and b.instrument_id = d.instrument_id", (c, s, n) -> {
                    s.setArray(n, c.createArrayOf("uuid", changed.stream().map(Balance::holderId).toArray()));
                    s.setArray(n + 1, c.createArrayOf("integer", instruments.ids(c, changed, Balance::instrument)));
                    for (Bucket bucket : Bucket.values()) {
                        s.setArray(n + 2 + bucket.ordinal(), c.createArrayOf("bigint", changed.stream().map(b -> b.get(bucket)).toArray()));
                    }
                    s.setArray(n + 8, c.createArrayOf("bigint", changed.stream().map(Balance::entries).toArray()));
                    s.setObject(n + 9, changed.stream().map(Balance::head).toArray(byte[][]::new));
                    return n + 10;
                }, changed.size(), "locked balances");
        Write delete = unused.isEmpty() ? null : new Write("delete from balance where (holder_id, instrument_id) in "
                + "(select * from unnest(?::uuid[], ?::int[])) and entries = 0", (c, s, n) -> {
                    s.setArray(n, c.createArrayOf("uuid", unused.stream().map(Balance::holderId).toArray()));
                    s.setArray(n + 1, c.createArrayOf("integer", instruments.ids(c, unused, Balance::instrument)));
                    return n + 2;
                }, unused.size(), "balances created for nothing");
        return java.util.Arrays.asList(update, delete);
    }

    /** A holder's balances, by instrument. */
    public List<Balance> ofHolder(Connection c, UUID holder) throws SQLException {
        List<Balance> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from balance b where b.holder_id = ? order by b.instrument_id")) {
            s.setObject(1, holder);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(row(c, rs, false));
                }
            }
        }
        return result;
    }

    /** The head of a chain: its length and last hash, if the balance exists. */
    public Optional<Balance> find(Connection c, UUID holder, int instrumentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from balance b where b.holder_id = ? and b.instrument_id = ?")) {
            s.setObject(1, holder);
            s.setInt(2, instrumentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(c, rs, false)) : Optional.empty();
            }
        }
    }

    private static final String COLUMNS = "b.holder_id, b.instrument_id, b.available, b.pending, b.pledged, b.frozen, b.retired, b.expired, "
            + "b.entries, b.head_hash";

    /** The row mapper of the balance table (columns as {@link #COLUMNS}). */
    private Balance row(Connection c, ResultSet rs, boolean created) throws SQLException {
        long[] buckets = new long[Bucket.values().length];
        for (Bucket bucket : Bucket.values()) {
            buckets[bucket.ordinal()] = rs.getLong(3 + bucket.ordinal());
        }
        return new Balance(rs.getObject(1, UUID.class), instruments.byId(c, rs.getInt(2)), buckets, rs.getLong(9), rs.getBytes(10), created);
    }

    private static void bindKeys(Connection c, PreparedStatement s, int first, Set<Row> rows) throws SQLException {
        s.setArray(first, c.createArrayOf("uuid", rows.stream().map(Row::holderId).toArray()));
        s.setArray(first + 1, c.createArrayOf("integer", rows.stream().map(Row::instrumentId).toArray()));
    }
}
