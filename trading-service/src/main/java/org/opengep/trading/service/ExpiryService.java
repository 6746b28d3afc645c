package org.opengep.trading.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.trading.rest.Views.Expired;
import org.opengep.trading.store.HoldingStore;

/**
 * What time ends, through the ledger writer like every movement, each idempotent so that every instance may run it:
 * two-phase trades past their time expire (exactly once: the trade's row is locked and must still be OPEN); green
 * certificates, pollutant rights and withdrawal permits past their validity move to EXPIRED.
 */
@ApplicationScoped
public class ExpiryService {

    private static final Logger LOG = Logger.getLogger(ExpiryService.class);
    private static final Caller SYSTEM = new Caller("trading-service", Set.of(Roles.Trading.OPERATOR), null);
    private static final int TRADES_AT_ONCE = 500;

    @Inject
    DataSource dataSource;

    @Inject
    LedgerWriter writer;

    @Inject
    HoldingStore holdings;

    @Inject
    ReservationService reservations;

    @Scheduled(every = "${trading.expiry.every:10s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Expired expired = expireNow(LocalDate.now());
        if (expired.trades() > 0 || expired.rightsUnits() > 0) {
            LOG.infof("expired %d two-phase trade(s) and %d unit(s) of rights", expired.trades(), expired.rightsUnits());
        }
    }

    public Expired expireNow(LocalDate today) {
        return new Expired(reservations.expireOverdue(SYSTEM, TRADES_AT_ONCE), expireRights(today));
    }

    /** Moves AVAILABLE units whose validity ended before {@code today} to EXPIRED, holder by holder. */
    long expireRights(LocalDate today) {
        List<CompletableFuture<Response>> answers = Transactions.jdbc(dataSource, c -> holdings.expiring(c, today)).stream()
                .map(due -> writer.queue(new RightsExpiryCommand(due.holderId(), due.instrument(), today, SYSTEM.name()), null, 200, units -> units))
                .toList();
        long total = 0;
        for (CompletableFuture<Response> answer : answers) {
            total += Long.parseLong((String) writer.await(answer).getEntity());
        }
        return total;
    }
}
