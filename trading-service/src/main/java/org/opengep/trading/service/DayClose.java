package org.opengep.trading.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.TypedProblem;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Session;
import org.opengep.trading.store.ListingStore;

/**
 * The close of a trading day: by the operator, or by the system once the last session of the day has ended. What it
 * does is {@link CentreCommands.CloseDay}.
 */
@ApplicationScoped
public class DayClose {

    private static final Logger LOG = Logger.getLogger(DayClose.class);

    @Inject
    LedgerWriter writer;

    @Inject
    ListingStore listings;

    @Inject
    MarketClock clock;

    @Inject
    DataSource dataSource;

    public Response close(LocalDate day, KeyedRequest key, Function<List<Listing>, Object> view) {
        return writer.submit(new CentreCommands.CloseDay(day), key, 200, view);
    }

    @Scheduled(every = "${trading.market.centre.close-check-every:30s}", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeWhenSessionsEnd() {
        LocalDateTime now = clock.marketTime();
        LocalDate today = now.toLocalDate();
        if (!clock.calendar().isTradingDay(today)) {
            return;
        }
        List<Listing> all = Transactions.jdbc(dataSource, listings::all);
        LocalTime lastClose = all.stream().flatMap(l -> l.sessions().stream()).map(Session::closes).max(LocalTime::compareTo).orElse(null);
        if (lastClose == null || now.toLocalTime().isBefore(lastClose) || Transactions.jdbc(dataSource, c -> listings.dayClosed(c, today))) {
            return;
        }
        try {
            close(today, null, l -> l.size());
            LOG.infof("closed the trading day %s", today);
        } catch (TypedProblem e) {
            LOG.warnf("the trading day %s was not closed: %s", today, e.getMessage());
        }
    }
}
