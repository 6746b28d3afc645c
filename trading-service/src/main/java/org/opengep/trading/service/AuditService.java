package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.RightType;
import org.opengep.trading.client.RegistryClient;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.JournalChain;
import org.opengep.trading.ledger.Units;

/** Reads of the ledger: balances, serial blocks and their history, the journal's verification and the reconciliation. */
@ApplicationScoped
public class AuditService {

    @Schema(name = "Balance", description = "Quantities in the right's unit")
    public record BalanceView(RightType rightType, int vintage, String pollutant, BigDecimal available, BigDecimal pending,
            BigDecimal pledged, BigDecimal frozen, BigDecimal retired, BigDecimal expired) {}

    @Schema(name = "SerialBlock", description = "Serials first..last of a block, held by a holder in a state from heldFrom (until heldUntil)")
    public record Block(String first, String last, long units, UUID holderId, RightType rightType, int vintage, String pollutant,
            UUID productId, String regionCode, String state, UUID movementId, OffsetDateTime heldFrom, OffsetDateTime heldUntil) {}

    @Schema(name = "JournalVerification")
    public record Verification(boolean intact, long entries, long chains,
            @Schema(description = "The first entry whose stored hash differs from the recomputed one, or a chain whose head disagrees") BrokenLink firstBroken) {}

    @Schema(name = "BrokenLink")
    public record BrokenLink(long entryId, UUID holderId, String instrument, long chainSeq, String expected, String found) {}

    @Schema(name = "Reconciliation")
    public record Reconciliation(boolean clean, long feedPosition, List<InstrumentTotals> instruments, List<String> drift) {}

    @Schema(name = "InstrumentTotals", description = "issued = available + pending + pledged + frozen + retired + expired")
    public record InstrumentTotals(RightType rightType, int vintage, String pollutant, BigDecimal issued, BigDecimal available,
            BigDecimal reserved, BigDecimal retired, BigDecimal expired) {}

    @Inject
    DataSource dataSource;

    @Inject
    RegistryClient registry;

    public List<BalanceView> balances(UUID holderId) {
        return Transactions.jdbc(dataSource, c -> {
            List<BalanceView> result = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select right_type, vintage, pollutant, available, pending, pledged, frozen, retired, expired "
                    + "from balance where holder_id = ? order by right_type, vintage, pollutant")) {
                s.setObject(1, holderId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        RightType t = RightType.valueOf(rs.getString(1));
                        result.add(new BalanceView(t, rs.getInt(2), rs.getString(3).isEmpty() ? null : rs.getString(3), q(rs.getLong(4), t),
                                q(rs.getLong(5), t), q(rs.getLong(6), t), q(rs.getLong(7), t), q(rs.getLong(8), t), q(rs.getLong(9), t)));
                    }
                }
            }
            return result;
        });
    }

    /** The holder's live serial blocks. */
    public List<Block> holdings(UUID holderId) {
        return blocks("holder_id = ? and held_until is null order by right_type, vintage, id", holderId);
    }

    /** Who held the unit with this serial, when: {@code <type>-<region>-<product number>-<vintage>-<n>}. */
    public List<Block> serialHistory(String serial) {
        int dash = serial.lastIndexOf('-');
        long number;
        try {
            number = Long.parseLong(serial.substring(dash + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            Errors errors = new Errors();
            errors.add("serial", "a unit's serial ends with its number, e.g. FCS-331181-1-2024-17");
            errors.throwIfAny();
            return List.of();
        }
        return blocks("serial_prefix = ? and serial_start <= ? and serial_end >= ? order by held_from, id", serial.substring(0, dash), number, number);
    }

    private List<Block> blocks(String where, Object... parameters) {
        return Transactions.jdbc(dataSource, c -> {
            List<Block> result = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select serial_prefix, serial_start, serial_end, holder_id, right_type, vintage, pollutant, "
                    + "product_id, region_code, state, movement_id, held_from, held_until from holding where " + where)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String prefix = rs.getString(1);
                        result.add(new Block(prefix + "-" + rs.getLong(2), prefix + "-" + rs.getLong(3), rs.getLong(3) - rs.getLong(2) + 1,
                                rs.getObject(4, UUID.class), RightType.valueOf(rs.getString(5)), rs.getInt(6),
                                rs.getString(7).isEmpty() ? null : rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10),
                                rs.getObject(11, UUID.class), rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class)));
                    }
                }
            }
            return result;
        });
    }

    /** Recomputes every chain of the journal, entry by entry, and compares each head with its balance. */
    public Verification verifyJournal() {
        return Transactions.jdbc(dataSource, c -> {
            long entries = 0;
            long chains = 0;
            try (PreparedStatement s = c.prepareStatement("select e.id, e.movement_id, e.holder_id, e.right_type, e.vintage, e.pollutant, e.bucket, "
                    + "e.units, e.chain_seq, e.at, e.prev_hash, e.hash from journal_entry e "
                    + "order by e.holder_id, e.right_type, e.vintage, e.pollutant, e.chain_seq")) {
                s.setFetchSize(5000);
                try (ResultSet rs = s.executeQuery()) {
                    String chain = null;
                    byte[] previous = null;
                    long expectedSeq = 0;
                    UUID holder = null;
                    Instrument instrument = null;
                    while (rs.next()) {
                        entries++;
                        UUID h = rs.getObject(3, UUID.class);
                        Instrument i = Instrument.of(rs.getString(4), rs.getInt(5), rs.getString(6));
                        String key = h + "|" + i;
                        if (!key.equals(chain)) {
                            if (chain != null) {
                                Optional<BrokenLink> head = head(c, holder, instrument, expectedSeq, previous);
                                if (head.isPresent()) {
                                    return new Verification(false, entries, chains, head.get());
                                }
                            }
                            chain = key;
                            chains++;
                            previous = null;
                            expectedSeq = 0;
                            holder = h;
                            instrument = i;
                        }
                        expectedSeq++;
                        long seq = rs.getLong(9);
                        byte[] hash = JournalChain.hash(previous, new JournalChain.Entry(rs.getObject(2, UUID.class), h, i, rs.getString(7),
                                rs.getLong(8), seq, rs.getObject(10, OffsetDateTime.class)));
                        byte[] stored = rs.getBytes(12);
                        if (seq != expectedSeq || !Arrays.equals(previous, rs.getBytes(11)) || !Arrays.equals(hash, stored)) {
                            return new Verification(false, entries, chains, new BrokenLink(rs.getLong(1), h, i.toString(), seq, hex(hash), hex(stored)));
                        }
                        previous = stored;
                    }
                    if (chain != null) {
                        Optional<BrokenLink> head = head(c, holder, instrument, expectedSeq, previous);
                        if (head.isPresent()) {
                            return new Verification(false, entries, chains, head.get());
                        }
                    }
                }
            }
            return new Verification(true, entries, chains, null);
        });
    }

    /** The balance's head must be the last entry of its chain: entries removed from the end show here. */
    private static Optional<BrokenLink> head(Connection c, UUID holder, Instrument i, long count, byte[] last) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select entries, head_hash from balance where holder_id = ? and right_type = ? and vintage = ? and pollutant = ?")) {
            s.setObject(1, holder);
            s.setString(2, i.rightType().name());
            s.setInt(3, i.vintage());
            s.setString(4, i.pollutantKey());
            try (ResultSet rs = s.executeQuery()) {
                boolean found = rs.next();
                if (!found || rs.getLong(1) != count || !Arrays.equals(rs.getBytes(2), last)) {
                    return Optional.of(new BrokenLink(0, holder, i.toString(), count, hex(last), found ? hex(rs.getBytes(2)) : null));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Per instrument, what was issued equals what is available, reserved, retired and expired; every live serial
     * block is counted by its balance; live ranges never overlap; each issuance's serials are all held; and the
     * ledger has taken in everything the registry issued.
     */
    public Reconciliation reconcile() {
        Reconciliation result = Transactions.jdbc(dataSource, c -> {
            List<String> drift = new ArrayList<>();
            List<InstrumentTotals> totals = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select coalesce(i.right_type, b.right_type), coalesce(i.vintage, b.vintage), coalesce(i.pollutant, b.pollutant),
                           coalesce(i.issued, 0), coalesce(b.available, 0), coalesce(b.reserved, 0), coalesce(b.retired, 0), coalesce(b.expired, 0)
                    from (select right_type, vintage, pollutant, sum(units) issued from issuance_import group by 1, 2, 3) i
                    full join (select right_type, vintage, pollutant, sum(available) available, sum(pending + pledged + frozen) reserved,
                                      sum(retired) retired, sum(expired) expired from balance group by 1, 2, 3) b
                      using (right_type, vintage, pollutant)
                    order by 1, 2, 3""");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    RightType t = RightType.valueOf(rs.getString(1));
                    long issued = rs.getLong(4);
                    long held = rs.getLong(5) + rs.getLong(6) + rs.getLong(7) + rs.getLong(8);
                    String pollutant = rs.getString(3).isEmpty() ? null : rs.getString(3);
                    totals.add(new InstrumentTotals(t, rs.getInt(2), pollutant, q(issued, t), q(rs.getLong(5), t), q(rs.getLong(6), t),
                            q(rs.getLong(7), t), q(rs.getLong(8), t)));
                    if (issued != held) {
                        drift.add(t + " " + rs.getInt(2) + (pollutant == null ? "" : " " + pollutant) + ": issued " + issued + " units, balances hold " + held);
                    }
                }
            }
            query(c, drift, """
                    select h.holder_id || ' ' || h.right_type || ' ' || h.vintage || ' ' || h.state || ': blocks hold ' || h.units
                           || ' units, the balance ' || coalesce(case h.state when 'AVAILABLE' then b.available when 'PENDING' then b.pending
                              when 'PLEDGED' then b.pledged when 'FROZEN' then b.frozen when 'RETIRED' then b.retired else b.expired end, 0)
                    from (select holder_id, right_type, vintage, pollutant, state, sum(serial_end - serial_start + 1) units
                          from holding where held_until is null group by 1, 2, 3, 4, 5) h
                    left join balance b using (holder_id, right_type, vintage, pollutant)
                    where h.units <> coalesce(case h.state when 'AVAILABLE' then b.available when 'PENDING' then b.pending
                          when 'PLEDGED' then b.pledged when 'FROZEN' then b.frozen when 'RETIRED' then b.retired else b.expired end, 0)""");
            query(c, drift, """
                    select 'serials ' || serial_prefix || '-' || serial_start || ' overlap a block ending at ' || previous_end
                    from (select serial_prefix, serial_start, lag(serial_end) over (partition by serial_prefix order by serial_start) previous_end
                          from holding where held_until is null) x
                    where previous_end >= serial_start""");
            query(c, drift, """
                    select 'issuance ' || i.issuance_id || ': ' || i.units || ' units issued, live blocks hold ' || coalesce(h.units, 0)
                    from issuance_import i
                    left join (select issuance_id, sum(serial_end - serial_start + 1) units from holding where held_until is null group by 1) h
                      using (issuance_id)
                    where coalesce(h.units, 0) <> i.units""");
            long position;
            try (PreparedStatement s = c.prepareStatement("select position from feed_state where id = 1"); ResultSet rs = s.executeQuery()) {
                rs.next();
                position = rs.getLong(1);
            }
            return new Reconciliation(drift.isEmpty(), position, totals, drift);
        });
        notYetImported(result);
        return new Reconciliation(result.drift().isEmpty(), result.feedPosition(), result.instruments(), result.drift());
    }

    /** What the registry issued that the ledger has not taken in yet counts as drift too (the registry is the authority). */
    private void notYetImported(Reconciliation result) {
        try {
            int waiting = registry.issuances(result.feedPosition(), 1000).getItems().size();
            if (waiting > 0) {
                result.drift().add("the registry has " + (waiting == 1000 ? "1000 or more" : waiting) + " issuance(s) after feed position "
                        + result.feedPosition() + " not imported yet (POST /api/v1/feed/sync)");
            }
        } catch (RuntimeException e) {
            result.drift().add("the registry's issuance feed could not be read (" + e.getClass().getSimpleName() + "): issued totals are the ledger's own");
        }
    }

    private static void query(Connection c, List<String> drift, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                drift.add(rs.getString(1));
            }
        }
    }

    private static BigDecimal q(long units, RightType type) {
        return Units.quantity(units, type);
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
