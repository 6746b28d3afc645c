package org.opengep.registry.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * The registry's background work, each idempotent so that every replica may run it: expiring green certificates
 * and pollutant rights whose validity has ended (service-common's Idempotency forgets old keys itself). The schedule is
 * {@code registry.expiry.every} (default hourly; {@code off} in tests).
 */
@ApplicationScoped
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    @Inject
    IssuanceService issuances;

    @Scheduled(every = "${registry.expiry.every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireIssuances() {
        int expired = issuances.expire(LocalDate.now());
        if (expired > 0) {
            LOG.infof("expired %d issued block(s)", expired);
        }
    }
}
