package org.opengep.trading.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.service.Ledger.Leg;
import org.opengep.trading.service.MovementService.Resolution;

/**
 * What time ends, each idempotent so that every instance may run it: two-phase trades past their time expire
 * (exactly once: the trade's row is locked and must still be OPEN); green certificates and pollutant rights past
 * their validity move to EXPIRED.
 */
@ApplicationScoped
public class ExpiryService {

    private static final Logger LOG = Logger.getLogger(ExpiryService.class);
    private static final Caller SYSTEM = new Caller("trading-service", Set.of(Roles.Trading.OPERATOR), null);

    public record Expired(int trades, long rightsUnits) {}

    /** A holder's instrument with available units past their validity. */
    private record Due(UUID holder, Instrument instrument) {}

    @Inject
    DataSource dataSource;

    @Inject
    Ledger ledger;

    @Inject
    MovementService movements;

    @Scheduled(every = "${trading.expiry.every:10s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Expired expired = expireNow(LocalDate.now());
        if (expired.trades() > 0 || expired.rightsUnits() > 0) {
            LOG.infof("expired %d two-phase trade(s) and %d unit(s) of rights", expired.trades(), expired.rightsUnits());
        }
    }

    public Expired expireNow(LocalDate today) {
        int trades = 0;
        for (UUID id : movements.overdue(500)) {
            try {
                movements.resolve(id, Resolution.EXPIRED, null, SYSTEM);
                trades++;
            } catch (ConflictException e) {
                // settled, cancelled or expired by someone else meanwhile: resolved once, as it must be
            }
        }
        return new Expired(trades, expireRights(today));
    }

    /** Moves AVAILABLE units whose validity ended before {@code today} to EXPIRED, holder by holder. */
    long expireRights(LocalDate today) {
        List<Due> due = Transactions.jdbc(dataSource, c -> {
            List<Due> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select distinct holder_id, right_type, vintage, pollutant from holding "
                    + "where held_until is null and state = 'AVAILABLE' and valid_until < ?")) {
                s.setObject(1, today);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Due(rs.getObject(1, UUID.class), Instrument.of(rs.getString(2), rs.getInt(3), rs.getString(4))));
                    }
                }
            }
            return rows;
        });
        long total = 0;
        for (Due d : due) {
            UUID holder = d.holder();
            Instrument instrument = d.instrument();
            total += QuarkusTransaction.requiringNew().call(() -> Transactions.jdbc(dataSource, c -> {
                OffsetDateTime at = Ledger.now();
                UUID id = UUID.randomUUID();
                Map<UUID, Ledger.Balance> balances = ledger.lockBalances(c, instrument, List.of(holder));
                long units = ledger.expireBlocks(c, id, holder, instrument, today, at);
                if (units > 0) {
                    ledger.insertMovement(c, id, "EXPIRY", "DONE", holder, null, instrument, units, null, null, null, null, null, SYSTEM.name(), at);
                    ledger.post(c, id, instrument, List.of(new Leg(holder, Bucket.AVAILABLE, -units), new Leg(holder, Bucket.EXPIRED, units)),
                            balances, at);
                }
                return units;
            }));
        }
        return total;
    }
}
