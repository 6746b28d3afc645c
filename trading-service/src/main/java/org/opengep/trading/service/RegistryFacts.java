package org.opengep.trading.service;

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
 * What the registry says of holders and products, kept for a short time ({@code trading.registry.cache-ttl},
 * default 30 s): a trade needs both holders ACTIVE and every product whose units move still REGISTERED. When the
 * registry cannot answer and nothing fresh is known, the trade is refused with 503 and nothing is recorded.
 */
@ApplicationScoped
public class RegistryFacts {

    private record Known(String status, Instant until) {}

    @Inject
    RegistryClient registry;

    @ConfigProperty(name = "trading.registry.cache-ttl", defaultValue = "30s")
    Duration ttl;

    private final Map<UUID, Known> holders = new ConcurrentHashMap<>();
    private final Map<UUID, Known> products = new ConcurrentHashMap<>();
    private final Map<String, Instant> refreshed = new ConcurrentHashMap<>();

    public void requireActiveHolder(UUID holderId, String role) {
        String status = status(holders, holderId, () -> registry.holder(holderId).map(h -> h.getStatus().toString()).orElse("UNKNOWN"));
        if (!"ACTIVE".equals(status)) {
            throw new ConflictException("holder-not-active", "the " + role + " " + holderId + " is " + status + " in the registry");
        }
    }

    public void requireRegisteredProduct(UUID productId) {
        String status = status(products, productId, () -> registry.product(productId).map(p -> p.getStatus().toString()).orElse("UNKNOWN"));
        if (!"REGISTERED".equals(status)) {
            throw new ConflictException("right-not-registered", "units of product " + productId + " cannot move: it is " + status + " in the registry");
        }
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
                status(products, id, () -> registry.product(id).map(p -> p.getStatus().toString()).orElse("UNKNOWN"));
            } catch (ServiceUnavailableException e) {
                return; // the registry is down: the check inside the transaction decides, from what is known
            }
        }
    }

    private String status(Map<UUID, Known> cache, UUID id, Supplier<String> ask) {
        Known known = cache.get(id);
        if (known != null && Instant.now().isBefore(known.until())) {
            return known.status();
        }
        try {
            String status = ask.get();
            cache.put(id, new Known(status, Instant.now().plus(ttl)));
            return status;
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("registry-unavailable",
                    "ecological-product-registry did not answer (" + e.getClass().getSimpleName() + "); nothing was recorded, retry later", e);
        }
    }
}
