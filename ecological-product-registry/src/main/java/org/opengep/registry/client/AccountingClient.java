package org.opengep.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opengep.common.client.Answers;

/**
 * gep-accounting-service behind fault tolerance: each attempt times out, failed attempts are retried twice, and
 * after repeated failures the circuit opens so that callers fail fast while the service is down. A 404 is an
 * answer (the region or figure does not exist), not a failure. Durations can be tuned with MicroProfile Fault
 * Tolerance properties, e.g. {@code org.opengep.registry.client.AccountingClient/Timeout/value} (milliseconds).
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 200)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000)
public class AccountingClient {

    @RestClient
    AccountingApi api;

    public Optional<JsonNode> region(String code) {
        return Answers.foundOrEmpty(() -> api.region(code));
    }

    public JsonNode catalogue() {
        return api.catalogue();
    }

    public Optional<JsonNode> officialFigure(String regionCode, int year) {
        return Answers.foundOrEmpty(() -> api.officialFigure(regionCode, year, "lines"));
    }
}
