package org.opengep.accounting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opengep.accounting.domain.PriceIndex;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.price.PriceFamilies;
import org.opengep.accounting.rest.Requests.IndexValue;
import org.opengep.common.problem.Errors;

/** Price indices per price family and year, and the deflation factors comparable prices are computed with. */
@ApplicationScoped
public class PriceIndexService {

    private static final Pattern FAMILY = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public List<PriceIndex> all() {
        return PriceIndex.list("order by family, year");
    }

    /** Sets (adds or replaces) the given years of a family's index. */
    @Transactional
    public void put(String family, List<IndexValue> values) {
        Errors errors = new Errors();
        if (family == null || !FAMILY.matcher(family).matches()) {
            errors.add("family", "2 to 32 capital letters, digits or '_' (e.g. " + PriceFamilies.CONSTRUCTION + ")");
        }
        if (values == null || values.isEmpty()) {
            errors.add("body", "give at least one year");
        }
        for (int i = 0; values != null && i < values.size(); i++) {
            IndexValue v = values.get(i);
            if (v == null || v.year() == null || v.year() < GepEngine.FIRST_YEAR || v.year() > Year.now().getValue()) {
                errors.add("[" + i + "].year", "a year between " + GepEngine.FIRST_YEAR + " and this year is required");
            }
            if (v == null || v.value() == null || v.value().signum() <= 0) {
                errors.add("[" + i + "].value", "a positive index value is required");
            }
            if (v == null || v.source() == null || v.source().isBlank() || v.source().length() > 500) {
                errors.add("[" + i + "].source", "say where the index comes from (1 to 500 characters)");
            }
        }
        errors.throwIfAny();
        for (IndexValue v : values) {
            PriceIndex index = PriceIndex.find("family = ?1 and year = ?2", family, v.year()).firstResult();
            if (index == null) {
                index = new PriceIndex();
                index.family = family;
                index.year = v.year();
            }
            index.value = v.value();
            index.source = v.source();
            index.persist();
        }
    }

    /**
     * Multiplies values of one year into the prices of another: I_to / I_from of the family, or of
     * {@link PriceFamilies#GENERAL} when the family has no index for both years.
     */
    public final class Deflator {

        private final Map<String, Map<Integer, BigDecimal>> indices = new HashMap<>();

        Deflator() {
            for (PriceIndex i : all()) {
                indices.computeIfAbsent(i.family, f -> new HashMap<>()).put(i.year, i.value);
            }
        }

        /** The factor, or empty when neither the family nor GENERAL has both years. */
        public Optional<BigDecimal> factor(String family, int from, int to) {
            return ratio(family, from, to).or(() -> ratio(PriceFamilies.GENERAL, from, to));
        }

        private Optional<BigDecimal> ratio(String family, int from, int to) {
            Map<Integer, BigDecimal> years = indices.getOrDefault(family, Map.of());
            if (!years.containsKey(from) || !years.containsKey(to)) {
                return Optional.empty();
            }
            return Optional.of(years.get(to).divide(years.get(from), 12, RoundingMode.HALF_UP));
        }
    }

    public Deflator deflator() {
        return new Deflator();
    }
}
