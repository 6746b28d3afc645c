package org.opengep.trading.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.common.jdbc.Writes;
import org.opengep.common.problem.ServiceUnavailableException;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.trading.client.RegistryClient;
import org.opengep.trading.client.registry.model.Issuance;
import org.opengep.trading.client.registry.model.PageIssuanceView;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.rest.Views.Sync;
import org.opengep.trading.store.BalanceStore.Wanted;
import org.opengep.trading.store.BalanceStore;
import org.opengep.trading.store.HoldingStore;
import org.opengep.trading.store.InstrumentStore;
import org.opengep.trading.store.JournalStore;

/**
 * Takes units into the ledger from the registry's issuance feed, the only way they enter. A page is applied in one
 * transaction together with the new feed position, under the lock of the feed's row: a crash before the commit
 * leaves neither, and each issuance id is applied once (a second sight of it changes nothing). Several instances
 * may sync at the same time; they take turns.
 */
@ApplicationScoped
public class FeedImporter {

    private static final Logger LOG = Logger.getLogger(FeedImporter.class);
    private static final int PAGE = 500;

    @Inject
    MarketClock clock;

    @Inject
    DataSource dataSource;

    @Inject
    RegistryClient registry;

    @Inject
    InstrumentStore instruments;

    @Inject
    BalanceStore balances;

    @Inject
    HoldingStore holdings;

    @Inject
    JournalStore journal;

    @Scheduled(every = "${trading.feed.every:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Sync sync = sync();
            if (sync.imported() > 0) {
                LOG.infof("imported %d issuance(s); feed position %d", sync.imported(), sync.position());
            }
        } catch (ServiceUnavailableException e) {
            LOG.warn(e.getMessage());
        }
    }

    /** Reads the feed on from the stored position until it is exhausted. */
    public Sync sync() {
        int imported = 0;
        int pages = 0;
        while (true) {
            long position = Transactions.jdbc(dataSource, FeedImporter::position);
            PageIssuanceView page = fetch(position);
            int applied = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return applyPage(c, position, page);
                }
            });
            pages++;
            imported += Math.max(applied, 0);
            if (applied >= 0 && page.getItems().isEmpty()) {
                return new Sync(position, imported, pages);
            }
        }
    }

    /**
     * The page after {@code position}, asked for outside any transaction (no lock is held while the registry answers).
     * A page that does not read as the registry's documented issuances is refused whole.
     */
    private PageIssuanceView fetch(long position) {
        try {
            return registry.issuances(position, PAGE);
        } catch (RuntimeException e) {
            if (causedBy(e, JsonProcessingException.class)) {
                throw new ServiceUnavailableException("registry-feed-unreadable", "the registry's issuance feed after position "
                        + position + " does not read as its OpenAPI document says (" + rootMessage(e) + "); the ledger stays at feed position "
                        + position, e);
            }
            throw new ServiceUnavailableException("registry-unavailable", "the registry's issuance feed did not answer ("
                    + e.getClass().getSimpleName() + "); the ledger stays at feed position " + position, e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    private static long position(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select position from feed_state where id = 1"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An issuance of the feed as the ledger takes it in. */
    private record Entering(Issuance item, Instrument instrument, String serialPrefix) {}

    /**
     * Applies a page read after {@code readAfter} under the feed row's lock; -1 when another instance moved the
     * position meanwhile (the page is read again from the new position). Every issuance not taken in before starts
     * its block and posts its one leg; all of them are written at once.
     */
    private int applyPage(Connection c, long readAfter, PageIssuanceView page) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select position from feed_state where id = 1 for update"); ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != readAfter) {
                return -1;
            }
        }
        List<Entering> entering = new ArrayList<>();
        long position = readAfter;
        for (Issuance item : page.getItems()) {
            entering.add(readable(item, readAfter));
            position = Math.max(position, item.getPosition());
        }
        List<Entering> fresh = recordImports(c, entering);
        if (!fresh.isEmpty()) {
            LedgerBatch ledger = new LedgerBatch(clock.now());
            balances.lock(c, fresh.stream().map(e -> new Wanted(e.item().getHolderId(), e.instrument(), true)).toList()).forEach(ledger::add);
            for (Entering e : fresh) {
                Issuance i = e.item();
                ledger.issue(i.getId(), i.getHolderId(), e.instrument(), i.getProductId(), i.getRegionCode(), e.serialPrefix(), i.getSerialStart(),
                        i.getSerialEnd(), i.getValidUntil());
            }
            List<Write> writes = new ArrayList<>(holdings.writes(List.of(), ledger.startedBlocks(), ledger.at()));
            writes.add(journal.inserting(ledger.journal()));
            writes.addAll(balances.writes(ledger.balances()));
            Writes.execute(c, writes);
        }
        try (PreparedStatement s = c.prepareStatement("update feed_state set position = ?, synced_at = ? where id = 1")) {
            s.setLong(1, position);
            s.setObject(2, OffsetDateTime.now());
            s.executeUpdate();
        }
        return fresh.size();
    }

    /** The issuance as the ledger takes it in; one it cannot read refuses the page whole (nothing of it is kept). */
    private static Entering readable(Issuance item, long readAfter) {
        try {
            WaterRightKind kind = item.getWaterRightKind() == null ? null : WaterRightKind.valueOf(item.getWaterRightKind().toString());
            // a withdrawal permit's quota is an instrument of the permit's end: the issuance's validity
            Instrument instrument = new Instrument(RightType.valueOf(item.getRightType().toString()), item.getVintage(),
                    item.getPollutant() == null ? null : Pollutant.valueOf(item.getPollutant().toString()), kind,
                    kind == WaterRightKind.WITHDRAWAL_PERMIT ? item.getValidUntil() : null);
            String serial = item.getSerialNumber();
            String prefix = serial.substring(0, serial.lastIndexOf('-', serial.lastIndexOf('-') - 1));
            if (item.getId() == null || item.getHolderId() == null || item.getProductId() == null || item.getRegionCode() == null
                    || item.getSerialStart() == null || item.getSerialEnd() == null || item.getSerialEnd() < item.getSerialStart()) {
                throw new IllegalArgumentException("an issuance without its id, holder, product, region or serial range");
            }
            return new Entering(item, instrument, prefix);
        } catch (IllegalArgumentException | NullPointerException | StringIndexOutOfBoundsException e) {
            throw new ServiceUnavailableException("registry-feed-unreadable", "the registry's issuance at feed position " + item.getPosition()
                    + " cannot be read (" + e.getMessage() + "); the ledger stays at feed position " + readAfter, e);
        }
    }

    /** Records the page's issuances once each; returns those not taken in before. */
    private List<Entering> recordImports(Connection c, List<Entering> entering) throws SQLException {
        if (entering.isEmpty()) {
            return List.of();
        }
        Object[] ids = new Object[entering.size()];
        for (int n = 0; n < ids.length; n++) {
            ids[n] = instruments.idOf(c, entering.get(n).instrument());
        }
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("insert into issuance_import (issuance_id, position, product_id, region_code, instrument_id, "
                + "holder_id, units, serial_start, serial_end, valid_until, imported_at) select i, p, pr, r, ins, h, b - a + 1, a, b, v, ? "
                + "from unnest(?::uuid[], ?::bigint[], ?::uuid[], ?::text[], ?::int[], ?::uuid[], ?::bigint[], ?::bigint[], ?::date[]) "
                + "as n(i, p, pr, r, ins, h, a, b, v) on conflict (issuance_id) do nothing returning issuance_id")) {
            s.setObject(1, OffsetDateTime.now());
            s.setArray(2, c.createArrayOf("uuid", entering.stream().map(e -> e.item().getId()).toArray()));
            s.setArray(3, c.createArrayOf("bigint", entering.stream().map(e -> e.item().getPosition()).toArray()));
            s.setArray(4, c.createArrayOf("uuid", entering.stream().map(e -> e.item().getProductId()).toArray()));
            s.setArray(5, c.createArrayOf("text", entering.stream().map(e -> e.item().getRegionCode()).toArray()));
            s.setArray(6, c.createArrayOf("integer", ids));
            s.setArray(7, c.createArrayOf("uuid", entering.stream().map(e -> e.item().getHolderId()).toArray()));
            s.setArray(8, c.createArrayOf("bigint", entering.stream().map(e -> e.item().getSerialStart()).toArray()));
            s.setArray(9, c.createArrayOf("bigint", entering.stream().map(e -> e.item().getSerialEnd()).toArray()));
            s.setArray(10, c.createArrayOf("date", entering.stream().map(e -> e.item().getValidUntil() == null ? null
                    : java.sql.Date.valueOf(e.item().getValidUntil())).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return entering.stream().filter(e -> inserted.contains(e.item().getId())).toList();
    }
}
