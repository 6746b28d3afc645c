package org.opengep.trading.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opengep.common.client.Answers;
import org.opengep.common.client.RefusedByServiceException;
import org.opengep.trading.client.registry.api.HoldersApi;
import org.opengep.trading.client.registry.api.IssuancesApi;
import org.opengep.trading.client.registry.api.ProductsApi;
import org.opengep.trading.client.registry.model.Holder;
import org.opengep.trading.client.registry.model.PageIssuanceView;
import org.opengep.trading.client.registry.model.Product;

/**
 * ecological-product-registry, through the client generated from its committed OpenAPI document
 * ({@code openapi/ecological-product-registry.yaml}), behind fault tolerance: each attempt times out, failures are
 * retried once, and the circuit opens after repeated failures so that trades fail fast while the registry is down.
 * A 404 is an answer. Every call carries the service's own token ({@code ServiceTokenFilter}).
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 1, delay = 100, abortOn = RefusedByServiceException.class)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = RefusedByServiceException.class)
public class RegistryClient {

    @RestClient
    IssuancesApi issuances;

    @RestClient
    HoldersApi holders;

    @RestClient
    ProductsApi products;

    /** A page of the issuance feed after a position. */
    public PageIssuanceView issuances(long after, int limit) {
        return Answers.answer(() -> issuances.readIssuanceFeed(after, null, limit, null));
    }

    public Optional<Holder> holder(UUID id) {
        return Answers.foundOrEmpty(() -> holders.getHolder(id));
    }

    public Optional<Product> product(UUID id) {
        return Answers.foundOrEmpty(() -> products.getProduct(id));
    }
}
