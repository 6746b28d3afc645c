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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.opengep.common.problem.ServiceUnavailableException;
import org.opengep.trading.client.RegistryClient;
import org.opengep.trading.client.registry.model.Issuance;
import org.opengep.trading.client.registry.model.PageIssuanceView;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.service.Ledger.Leg;
import org.opengep.trading.service.Ledger.NewHolding;

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

    public record Sync(long position, int imported, int pages) {}

    @Inject
    DataSource dataSource;

    @Inject
    RegistryClient registry;

    @Inject
    Ledger ledger;

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

    /**
     * Applies a page read after {@code readAfter} under the feed row's lock; -1 when another instance moved the
     * position meanwhile (the page is read again from the new position).
     */
    private int applyPage(Connection c, long readAfter, PageIssuanceView page) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select position from feed_state where id = 1 for update"); ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != readAfter) {
                return -1;
            }
        }
        long position = readAfter;
        int applied = 0;
        for (Issuance item : page.getItems()) {
            try {
                if (apply(c, item)) {
                    applied++;
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                // nothing of the page is kept: the transaction rolls back with the position where it was
                throw new ServiceUnavailableException("registry-feed-unreadable", "the registry's issuance at feed position "
                        + item.getPosition() + " cannot be read (" + e.getMessage() + "); the ledger stays at feed position " + readAfter, e);
            }
            position = Math.max(position, item.getPosition());
        }
        try (PreparedStatement s = c.prepareStatement("update feed_state set position = ?, synced_at = ? where id = 1")) {
            s.setLong(1, position);
            s.setObject(2, OffsetDateTime.now());
            s.executeUpdate();
        }
        return applied;
    }

    private boolean apply(Connection c, Issuance item) throws SQLException {
        UUID issuanceId = item.getId();
        Instrument instrument = Instrument.of(item.getRightType().toString(), item.getVintage(),
                item.getPollutant() == null ? "" : item.getPollutant().toString());
        UUID holder = item.getHolderId();
        UUID product = item.getProductId();
        String region = item.getRegionCode();
        long start = item.getSerialStart();
        long end = item.getSerialEnd();
        LocalDate validUntil = item.getValidUntil();
        OffsetDateTime at = Ledger.now();
        try (PreparedStatement s = c.prepareStatement("insert into issuance_import (issuance_id, position, product_id, region_code, right_type, "
                + "vintage, pollutant, holder_id, units, serial_start, serial_end, imported_at, valid_until) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (issuance_id) do nothing")) {
            s.setObject(1, issuanceId);
            s.setLong(2, item.getPosition());
            s.setObject(3, product);
            s.setString(4, region);
            s.setString(5, instrument.rightType().name());
            s.setInt(6, instrument.vintage());
            s.setString(7, instrument.pollutantKey());
            s.setObject(8, holder);
            s.setLong(9, end - start + 1);
            s.setLong(10, start);
            s.setLong(11, end);
            s.setObject(12, at);
            s.setObject(13, validUntil);
            if (s.executeUpdate() == 0) {
                return false; // applied before
            }
        }
        var balances = ledger.lockBalances(c, instrument, List.of(holder));
        String serial = item.getSerialNumber();
        String prefix = serial.substring(0, serial.lastIndexOf('-', serial.lastIndexOf('-') - 1));
        ledger.startHoldings(c, List.of(new NewHolding(holder, instrument, product, region, issuanceId, prefix, start, end, Bucket.AVAILABLE,
                issuanceId, validUntil)), at);
        // an issuance is the one movement with a single leg: units come in from the registry
        ledger.post(c, issuanceId, instrument, List.of(new Leg(holder, Bucket.AVAILABLE, end - start + 1)), balances, at);
        return true;
    }
}
