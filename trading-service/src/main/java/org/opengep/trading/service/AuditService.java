package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.RightType;
import org.opengep.trading.client.RegistryClient;
import org.opengep.trading.client.registry.model.PageIssuanceView;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.RegistryComparison;
import org.opengep.trading.ledger.RegistryComparison.IssuedBlock;
import org.opengep.trading.ledger.JournalChain;
import org.opengep.trading.ledger.LedgerBatch.JournalLine;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.rest.Views.BalanceView;
import org.opengep.trading.rest.Views.Block;
import org.opengep.trading.rest.Views.BrokenLink;
import org.opengep.trading.rest.Views.CashTotals;
import org.opengep.trading.rest.Views.InstrumentTotals;
import org.opengep.trading.rest.Views.Reconciliation;
import org.opengep.trading.rest.Views.Verification;
import org.opengep.trading.store.BalanceStore;
import org.opengep.trading.store.HoldingStore;
import org.opengep.trading.store.InstrumentStore;
import org.opengep.trading.store.JournalStore.StoredLine;
import org.opengep.trading.store.JournalStore;

/** Reads of the ledger: balances, serial blocks and their history, the journal's verification and the reconciliation. */
@ApplicationScoped
public class AuditService {

    private static final int REGISTRY_PAGE = 1000;

    @Inject
    CashAudit cashAudit;

    @Inject
    DataSource dataSource;

    @Inject
    RegistryClient registry;

    @Inject
    BalanceStore balances;

    @Inject
    HoldingStore holdings;

    @Inject
    JournalStore journal;

    @Inject
    InstrumentStore instruments;

    public List<BalanceView> balances(UUID holderId) {
        return Transactions.jdbc(dataSource, c -> balances.ofHolder(c, holderId)).stream().map(BalanceView::of).toList();
    }

    /** The holder's live serial blocks. */
    public List<Block> holdings(UUID holderId) {
        return Transactions.jdbc(dataSource, c -> holdings.ofHolder(c, holderId)).stream().map(Block::of).toList();
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
        return Transactions.jdbc(dataSource, c -> holdings.history(c, serial.substring(0, dash), number)).stream().map(Block::of).toList();
    }

    /** Recomputes every chain of the journal, entry by entry, and compares each head with its balance. */
    public Verification verifyJournal() {
        return Transactions.jdbc(dataSource, c -> new ChainCheck(c).run());
    }

    /** One pass over the journal, chain after chain; stops at the first broken link. */
    private final class ChainCheck {

        private final Connection c;
        private long entries;
        private long chains;
        private UUID holder;
        private Instrument instrument;
        private byte[] previous;
        private long expectedSeq;
        private BrokenLink broken;

        ChainCheck(Connection c) {
            this.c = c;
        }

        Verification run() throws SQLException {
            journal.readChains(c, this::next);
            if (broken == null && holder != null) {
                broken = head().orElse(null);
            }
            long[] cash = new long[2];
            BrokenLink cashBroken = cashAudit.verify(c, cash);
            return new Verification(broken == null && cashBroken == null, entries, chains, broken, cash[0], cash[1], cashBroken);
        }

        private boolean next(StoredLine stored) throws SQLException {
            JournalLine e = stored.line();
            entries++;
            if (!e.holderId().equals(holder) || !e.instrument().equals(instrument)) {
                if (holder != null && (broken = head().orElse(null)) != null) {
                    return false;
                }
                chains++;
                holder = e.holderId();
                instrument = e.instrument();
                previous = null;
                expectedSeq = 0;
            }
            expectedSeq++;
            byte[] hash = JournalChain.hash(previous, new JournalChain.Entry(e.movementId(), e.holderId(), e.instrument(), e.bucket().name(), e.units(),
                    e.chainSeq(), e.at()));
            if (e.chainSeq() != expectedSeq || !Arrays.equals(previous, e.previousHash()) || !Arrays.equals(hash, e.hash())) {
                broken = new BrokenLink(stored.id(), e.holderId(), e.instrument().toString(), e.chainSeq(), hex(hash), hex(e.hash()));
                return false;
            }
            previous = e.hash();
            return true;
        }

        /** The balance's head must be the last entry of its chain: entries removed from the end show here. */
        private Optional<BrokenLink> head() throws SQLException {
            Optional<LedgerBatch.Balance> balance = balances.find(c, holder, instruments.find(c, instrument).orElseThrow());
            if (balance.isEmpty() || balance.get().entries() != expectedSeq || !Arrays.equals(balance.get().head(), previous)) {
                return Optional.of(new BrokenLink(0, holder, instrument.toString(), expectedSeq, hex(previous),
                        balance.map(b -> hex(b.head())).orElse(null)));
            }
            return Optional.empty();
        }
    }

    /**
     * Per instrument, what was issued equals what is available, reserved, retired and expired; every live serial
     * block is counted by its balance; live ranges never overlap; each issuance's serials are all held; each issuance
     * has the registry's holder and serials; and the ledger has taken in everything the registry issued.
     */
    public Reconciliation reconcile() {
        List<IssuedBlock> imported = new ArrayList<>();
        Reconciliation result = Transactions.jdbc(dataSource, c -> {
            List<String> drift = new ArrayList<>();
            List<InstrumentTotals> totals = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select n.id, coalesce(i.issued, 0), coalesce(b.available, 0), coalesce(b.reserved, 0), coalesce(b.retired, 0), coalesce(b.expired, 0)
                    from (select instrument_id, sum(units) issued from issuance_import group by 1) i
                    full join (select instrument_id, sum(available) available, sum(pending + pledged + frozen) reserved,
                                      sum(retired) retired, sum(expired) expired from balance group by 1) b
                      using (instrument_id)
                    join instrument n on n.id = coalesce(i.instrument_id, b.instrument_id)
                    order by n.right_type, n.vintage, n.pollutant, n.water_right_kind, n.permit_valid_until""");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instrument i = instruments.byId(c, rs.getInt(1));
                    RightType t = i.rightType();
                    long issued = rs.getLong(2);
                    long held = rs.getLong(3) + rs.getLong(4) + rs.getLong(5) + rs.getLong(6);
                    totals.add(new InstrumentTotals(t, i.vintage(), i.pollutant() == null ? null : i.pollutant().name(), i.waterRightKind(),
                            i.permitValidUntil(), q(issued, t), q(rs.getLong(3), t), q(rs.getLong(4), t), q(rs.getLong(5), t), q(rs.getLong(6), t)));
                    if (issued != held) {
                        drift.add(i + ": issued " + issued + " units, balances hold " + held);
                    }
                }
            }
            query(c, drift, """
                    select h.holder_id || ' instrument ' || h.instrument_id || ' ' || h.state || ': blocks hold ' || h.units
                           || ' units, the balance ' || coalesce(case h.state when 'AVAILABLE' then b.available when 'PENDING' then b.pending
                              when 'PLEDGED' then b.pledged when 'FROZEN' then b.frozen when 'RETIRED' then b.retired else b.expired end, 0)
                    from (select holder_id, instrument_id, state, sum(serial_end - serial_start + 1) units
                          from holding where held_until is null group by 1, 2, 3) h
                    left join balance b using (holder_id, instrument_id)
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
            imported.addAll(importedIssuances(c));
            CashTotals cash = cashAudit.reconcile(c, drift);
            return new Reconciliation(drift.isEmpty(), position, totals, cash, drift);
        });
        result.drift().addAll(againstRegistry(imported, result.feedPosition()));
        return new Reconciliation(result.drift().isEmpty(), result.feedPosition(), result.instruments(), result.cash(), result.drift());
    }

    private static List<IssuedBlock> importedIssuances(Connection c) throws SQLException {
        List<IssuedBlock> imported = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select issuance_id, position, holder_id, serial_start, serial_end from issuance_import");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                imported.add(new IssuedBlock(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class), rs.getLong(4),
                        rs.getLong(5)));
            }
        }
        return imported;
    }

    /**
     * Every issuance of the registry's feed, from its start, against the ledger's: holder and serials one by one (the
     * registry is the authority), and what came after the ledger's position counted as not imported yet.
     */
    private List<String> againstRegistry(List<IssuedBlock> imported, long feedPosition) {
        List<IssuedBlock> issued = new ArrayList<>();
        try {
            long after = 0;
            while (true) {
                PageIssuanceView page = registry.issuances(after, REGISTRY_PAGE);
                page.getItems().forEach(i -> issued.add(new IssuedBlock(i.getId(), i.getPosition(), i.getHolderId(), i.getSerialStart(),
                        i.getSerialEnd())));
                if (page.getItems().isEmpty() || page.getNext() == null || page.getNext() <= after) {
                    break;
                }
                after = page.getNext();
            }
        } catch (RuntimeException e) {
            return List.of("the registry's issuance feed could not be read (" + e.getClass().getSimpleName()
                    + "): the issuances were not compared with the registry's");
        }
        return RegistryComparison.compare(imported, issued, feedPosition);
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
