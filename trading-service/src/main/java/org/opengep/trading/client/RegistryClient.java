package org.opengep.trading.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opengep.common.client.Answers;

/**
 * ecological-product-registry behind fault tolerance: each attempt times out, failures are retried once, and the
 * circuit opens after repeated failures so that trades fail fast while the registry is down. A 404 is an answer.
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 1, delay = 100)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000)
public class RegistryClient {

    @RestClient
    RegistryApi api;

    public JsonNode issuances(long after, int limit) {
        return api.issuances(after, limit);
    }

    public Optional<JsonNode> holder(String id) {
        return Answers.foundOrEmpty(() -> api.holder(id));
    }

    public Optional<JsonNode> product(String id) {
        return Answers.foundOrEmpty(() -> api.product(id));
    }
}
