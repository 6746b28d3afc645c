package org.opengep.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.opengep.common.problem.ServiceUnavailableException;
import org.opengep.registry.client.AccountingClient;
import org.opengep.registry.client.accounting.model.Income;
import org.opengep.registry.client.accounting.model.IndicatorCatalogue;
import org.opengep.registry.client.accounting.model.Region;
import org.opengep.registry.rules.Category;

/**
 * What the registry learns from gep-accounting-service: regions (with the regions above them), the indicator
 * catalogue and official figures. Regions and the catalogue change rarely and are kept for an hour (quarkus-cache:
 * {@code accounting-regions}, {@code accounting-catalogue}); a region the service does not know is asked again next
 * time; official figures are always asked for. When the service cannot answer, the caller gets a 503 and nothing is
 * written.
 */
@ApplicationScoped
public class AccountingFacts {

    /** A region as the registry stores it: {@code path} holds its own code and those of all regions above it. */
    public record RegionInfo(String code, String name, List<String> path) {}

    /** The catalogue: indicator codes with their category and their value lines (in catalogue order), and the ecosystem types. */
    public record Catalogue(Map<String, Category> indicators, Map<String, List<String>> lines, Set<String> ecosystemTypes) {}

    /** Not found is an answer that is not kept: it leaves the cache empty for the next request. */
    static final class UnknownRegion extends RuntimeException {
        UnknownRegion() {
            super(null, null, false, false);
        }
    }

    @Inject
    AccountingClient client;

    public Optional<RegionInfo> region(String code) {
        try {
            return Optional.of(knownRegion(code));
        } catch (UnknownRegion e) {
            return Optional.empty();
        }
    }

    /** Intercepted also when called from this bean (Quarkus intercepts self-invocation). */
    @CacheResult(cacheName = "accounting-regions")
    RegionInfo knownRegion(String code) {
        return call(() -> client.region(code)).map(AccountingFacts::regionInfo).orElseThrow(UnknownRegion::new);
    }

    @CacheResult(cacheName = "accounting-catalogue")
    public Catalogue catalogue() {
        IndicatorCatalogue body = call(() -> client.catalogue()).getCatalogue();
        Map<String, Category> indicators = new HashMap<>();
        Map<String, List<String>> lines = new HashMap<>();
        body.getIndicators().forEach(i -> {
            indicators.put(i.getCode(), Category.valueOf(i.getCategory().toString()));
            lines.put(i.getCode(), i.getLines() == null ? List.of() : i.getLines().stream().map(l -> l.getCode()).toList());
        });
        Set<String> ecosystems = new HashSet<>();
        body.getEcosystemTypes().forEach(e -> ecosystems.add(e.getCode()));
        return new Catalogue(Map.copyOf(indicators), Map.copyOf(lines), Set.copyOf(ecosystems));
    }

    /** The official figure with its value lines, or empty when the region has none for the year. */
    public Optional<JsonNode> officialFigure(String regionCode, int year) {
        return call(() -> client.officialFigure(regionCode, year, true));
    }

    /** A region's newest official GEP: the year, the figure and its account. */
    public record OfficialGep(String regionCode, int year, BigDecimal gep, UUID accountId) {}

    /** The region's official GEP of the newest year that has one, or empty when it has none. */
    public Optional<OfficialGep> latestOfficialGep(String regionCode) {
        JsonNode publications = call(() -> client.publications(regionCode));
        int year = -1;
        for (JsonNode p : publications) {
            if (p.path("official").asBoolean() && p.path("year").asInt() > year) {
                year = p.path("year").asInt();
            }
        }
        if (year < 0) {
            return Optional.empty();
        }
        int newest = year;
        return call(() -> client.officialFigure(regionCode, newest, false)).map(f -> new OfficialGep(regionCode, newest, f.path("result").path("gep").decimalValue(),
                UUID.fromString(f.path("accountId").asText())));
    }

    /** What the region receives in published compensation of its latest year with any (zero and no year when none). */
    public Income compensationIncome(String regionCode) {
        return call(() -> client.compensationIncome(regionCode));
    }

    private static RegionInfo regionInfo(Region region) {
        List<String> path = new ArrayList<>();
        region.getAncestors().forEach(a -> path.add(a.getCode()));
        path.add(region.getCode());
        return new RegionInfo(region.getCode(), region.getName(), List.copyOf(path));
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
