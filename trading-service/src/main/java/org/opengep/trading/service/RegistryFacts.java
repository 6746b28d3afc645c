package org.opengep.trading.service;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.ServiceUnavailableException;
import org.opengep.trading.client.RegistryClient;

/**
 * What the registry says of holders and products, kept for a short time (quarkus-cache {@code registry-holders} and
 * {@code registry-products}, {@code trading.registry.cache-ttl}, default 30 s): a trade needs both holders ACTIVE and
 * every product whose units move still REGISTERED. When the registry cannot answer and nothing fresh is known, the
 * trade is refused with 503 and nothing is recorded.
 */
@ApplicationScoped
public class RegistryFacts {

    @Inject
    RegistryClient registry;

    @ConfigProperty(name = "trading.registry.cache-ttl", defaultValue = "30s")
    Duration ttl;

    private final Map<String, Instant> refreshed = new ConcurrentHashMap<>();

    public void requireActiveHolder(UUID holderId, String role) {
        String status = answered(() -> holderStatus(holderId));
        if (!"ACTIVE".equals(status)) {
            throw new ConflictException("holder-not-active", "the " + role + " " + holderId + " is " + status + " in the registry");
        }
    }

    public void requireRegisteredProduct(UUID productId) {
        String status = answered(() -> productStatus(productId));
        if (!"REGISTERED".equals(status)) {
            throw new ConflictException("right-not-registered", "units of product " + productId + " cannot move: it is " + status + " in the registry");
        }
    }

    /** Intercepted also when called from this bean (Quarkus intercepts self-invocation); a failure is not kept. */
    @CacheResult(cacheName = "registry-holders")
    String holderStatus(UUID holderId) {
        return registry.holder(holderId).map(h -> h.getStatus().toString()).orElse("UNKNOWN");
    }

    @CacheResult(cacheName = "registry-products")
    String productStatus(UUID productId) {
        return registry.product(productId).map(p -> p.getStatus().toString()).orElse("UNKNOWN");
    }

    /** Whether the products of a holder's instrument were last refreshed longer ago than the cache keeps answers. */
    public boolean productsStale(String holderAndInstrument) {
        Instant now = Instant.now();
        Instant last = refreshed.get(holderAndInstrument);
        if (last != null && now.isBefore(last.plus(ttl))) {
            return false;
        }
        refreshed.put(holderAndInstrument, now);
        return true;
    }

    /**
     * Asks the registry, before a movement's transaction, about the products whose units it may move, so that the
     * check under the balance locks finds a fresh answer and does not wait on the registry there. Failures are left
     * to that check.
     */
    public void refreshProducts(Set<UUID> productIds) {
        for (UUID id : productIds) {
            try {
                answered(() -> productStatus(id));
            } catch (ServiceUnavailableException e) {
                return; // the registry is down: the check inside the transaction decides, from what is known
            }
        }
    }

    private static String answered(Supplier<String> ask) {
        try {
            return ask.get();
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("registry-unavailable",
                    "ecological-product-registry did not answer (" + e.getClass().getSimpleName() + "); nothing was recorded, retry later", e);
        }
    }
}
