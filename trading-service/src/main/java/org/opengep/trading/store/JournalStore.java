package org.opengep.trading.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.LedgerBatch.JournalLine;

/** The journal_entry table: append-only, double-entry legs hash-chained per balance. */
@ApplicationScoped
public class JournalStore {

    /** An entry as stored, with its id. */
    public record StoredLine(long id, JournalLine line) {}

    /** Receives the entries of the journal one at a time; false stops the reading. */
    public interface Reader {
        boolean next(StoredLine entry) throws SQLException;
    }

    @Inject
    InstrumentStore instruments;

    /** The statement that appends the lines. */
    public Write inserting(List<JournalLine> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        return new Write("insert into journal_entry (movement_id, holder_id, instrument_id, bucket, units, chain_seq, at, prev_hash, hash) "
                + "select * from unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::bigint[], ?::bigint[], ?::text[]::timestamptz[], ?::bytea[], "
                + "?::bytea[])", (c, s, n) -> {
                    Object[] ids = instruments.ids(c, lines, JournalLine::instrument);
                    s.setArray(n, c.createArrayOf("uuid", lines.stream().map(JournalLine::movementId).toArray()));
                    s.setArray(n + 1, c.createArrayOf("uuid", lines.stream().map(JournalLine::holderId).toArray()));
                    s.setArray(n + 2, c.createArrayOf("integer", ids));
                    s.setArray(n + 3, c.createArrayOf("text", lines.stream().map(l -> l.bucket().name()).toArray()));
                    s.setArray(n + 4, c.createArrayOf("bigint", lines.stream().map(JournalLine::units).toArray()));
                    s.setArray(n + 5, c.createArrayOf("bigint", lines.stream().map(JournalLine::chainSeq).toArray()));
                    s.setArray(n + 6, c.createArrayOf("text", lines.stream().map(l -> l.at().toString()).toArray()));
                    s.setObject(n + 7, lines.stream().map(JournalLine::previousHash).toArray(byte[][]::new));
                    s.setObject(n + 8, lines.stream().map(JournalLine::hash).toArray(byte[][]::new));
                    return n + 9;
                }, lines.size(), "journal entries");
    }

    /** Reads every entry, chain after chain (by holder and instrument), each chain in order. */
    public void readChains(Connection c, Reader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id, movement_id, holder_id, instrument_id, bucket, units, chain_seq, at, prev_hash, hash "
                + "from journal_entry order by holder_id, instrument_id, chain_seq")) {
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && reader.next(row(c, rs))) {
                    // the reader decides whether to go on
                }
            }
        }
    }

    /** The row mapper of the journal_entry table. */
    private StoredLine row(Connection c, ResultSet rs) throws SQLException {
        return new StoredLine(rs.getLong(1), new JournalLine(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), instruments.byId(c, rs.getInt(4)),
                Bucket.valueOf(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getObject(8, OffsetDateTime.class), rs.getBytes(9), rs.getBytes(10)));
    }
}
