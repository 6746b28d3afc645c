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

    public void insert(Connection c, List<JournalLine> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        Object[] ids = new Object[lines.size()];
        for (int n = 0; n < ids.length; n++) {
            ids[n] = instruments.find(c, lines.get(n).instrument()).orElseThrow();
        }
        try (PreparedStatement s = c.prepareStatement("insert into journal_entry (movement_id, holder_id, instrument_id, bucket, units, chain_seq, at, "
                + "prev_hash, hash) select * from unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::bigint[], ?::bigint[], ?::text[]::timestamptz[], "
                + "?::bytea[], ?::bytea[])")) {
            s.setArray(1, c.createArrayOf("uuid", lines.stream().map(JournalLine::movementId).toArray()));
            s.setArray(2, c.createArrayOf("uuid", lines.stream().map(JournalLine::holderId).toArray()));
            s.setArray(3, c.createArrayOf("integer", ids));
            s.setArray(4, c.createArrayOf("text", lines.stream().map(l -> l.bucket().name()).toArray()));
            s.setArray(5, c.createArrayOf("bigint", lines.stream().map(JournalLine::units).toArray()));
            s.setArray(6, c.createArrayOf("bigint", lines.stream().map(JournalLine::chainSeq).toArray()));
            s.setArray(7, c.createArrayOf("text", lines.stream().map(l -> l.at().toString()).toArray()));
            s.setObject(8, lines.stream().map(JournalLine::previousHash).toArray(byte[][]::new));
            s.setObject(9, lines.stream().map(JournalLine::hash).toArray(byte[][]::new));
            s.executeUpdate();
        }
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
