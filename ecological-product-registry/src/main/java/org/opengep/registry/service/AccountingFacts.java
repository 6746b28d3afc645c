package org.opengep.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.opengep.common.problem.ServiceUnavailableException;
import org.opengep.registry.client.AccountingClient;
import org.opengep.registry.client.accounting.model.IndicatorCatalogue;
import org.opengep.registry.client.accounting.model.Region;
import org.opengep.registry.rules.Category;

/**
 * What the registry learns from gep-accounting-service: regions (with the regions above them), the indicator
 * catalogue and official figures. Regions and the catalogue change rarely and are kept for an hour; official
 * figures are always asked for. When the service cannot answer, the caller gets a 503 and nothing is written.
 */
@ApplicationScoped
public class AccountingFacts {

    private static final Duration KEEP = Duration.ofHours(1);

    /** A region as the registry stores it: {@code path} holds its own code and those of all regions above it. */
    public record RegionInfo(String code, String name, List<String> path, Instant fetchedAt) {}

    /** The catalogue: indicator codes with their category, and the ecosystem types. */
    public record Catalogue(Map<String, Category> indicators, Set<String> ecosystemTypes, Instant fetchedAt) {}

    @Inject
    AccountingClient client;

    private final Map<String, RegionInfo> regions = new ConcurrentHashMap<>();
    private volatile Catalogue catalogue;

    public Optional<RegionInfo> region(String code) {
        RegionInfo known = regions.get(code);
        if (known != null && known.fetchedAt().plus(KEEP).isAfter(Instant.now())) {
            return Optional.of(known);
        }
        Optional<RegionInfo> found = call(() -> client.region(code)).map(AccountingFacts::regionInfo);
        found.ifPresent(r -> regions.put(code, r));
        return found;
    }

    public Catalogue catalogue() {
        Catalogue known = catalogue;
        if (known != null && known.fetchedAt().plus(KEEP).isAfter(Instant.now())) {
            return known;
        }
        IndicatorCatalogue body = call(() -> client.catalogue()).getCatalogue();
        Map<String, Category> indicators = new HashMap<>();
        body.getIndicators().forEach(i -> indicators.put(i.getCode(), Category.valueOf(i.getCategory().toString())));
        Set<String> ecosystems = new HashSet<>();
        body.getEcosystemTypes().forEach(e -> ecosystems.add(e.getCode()));
        catalogue = new Catalogue(Map.copyOf(indicators), Set.copyOf(ecosystems), Instant.now());
        return catalogue;
    }

    /** The official figure with its value lines, or empty when the region has none for the year. */
    public Optional<JsonNode> officialFigure(String regionCode, int year) {
        return call(() -> client.officialFigure(regionCode, year));
    }

    private static RegionInfo regionInfo(Region region) {
        List<String> path = new ArrayList<>();
        region.getAncestors().forEach(a -> path.add(a.getCode()));
        path.add(region.getCode());
        return new RegionInfo(region.getCode(), region.getName(), List.copyOf(path), Instant.now());
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("accounting-unavailable",
                    "gep-accounting-service did not answer (" + e.getClass().getSimpleName()
                            + "); nothing was recorded, retry later", e);
        }
    }
}
