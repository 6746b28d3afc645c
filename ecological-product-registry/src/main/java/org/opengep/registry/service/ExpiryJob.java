package org.opengep.registry.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Expires green certificates and pollutant rights whose validity has ended. Idempotent, so every replica may run it;
 * the schedule is {@code registry.expiry.every} (default hourly).
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    @Inject
    IssuanceService issuances;

    @Scheduled(every = "${registry.expiry.every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired = issuances.expire(LocalDate.now());
        if (expired > 0) {
            LOG.infof("expired %d issued block(s)", expired);
        }
    }
}
