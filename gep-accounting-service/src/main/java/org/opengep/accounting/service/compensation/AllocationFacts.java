package org.opengep.accounting.service.compensation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.accounting.engine.compensation.FactorAllocation.Factor;
import org.opengep.accounting.engine.compensation.FactorAllocation.FactorValue;
import org.opengep.accounting.service.OfficialAccounts;
import org.opengep.accounting.service.OfficialAccounts.OfficialAccount;
import org.opengep.accounting.service.SeriesService;
import org.opengep.accounting.service.SeriesService.CategoryValue;
import org.opengep.accounting.service.SeriesService.Series;
import org.opengep.accounting.service.SeriesService.YearFigure;
import org.opengep.accounting.service.compensation.RegionalDatasets.Dataset;
import org.opengep.accounting.service.compensation.SchemeRequest.FactorSpec;

/**
 * Reads the value of each factor of a scheme for each region, with its source: from the regions' official accounts
 * (at the run's comparable prices where the factor is a GEP), their land area, or an uploaded dataset. Whatever is
 * missing is collected in {@link #missing}, so that a run names all of it at once.
 */
@ApplicationScoped
public class AllocationFacts {

    @Inject
    OfficialAccounts accounts;

    @Inject
    SeriesService series;

    @Inject
    RegionalDatasets datasets;

    /** What one run reads: the year, method, price year, the regions' official accounts and what is missing. */
    public static final class Run {
        final int year;
        final String methodVersion;
        final int priceYear;
        final Map<String, OfficialAccount> accounts;
        final Map<String, Region> regions;
        final List<String> missing = new ArrayList<>();
        final Map<String, YearFigure> comparable = new LinkedHashMap<>();

        Run(int year, String methodVersion, int priceYear, Map<String, OfficialAccount> accounts, Map<String, Region> regions) {
            this.year = year;
            this.methodVersion = methodVersion;
            this.priceYear = priceYear;
            this.accounts = accounts;
            this.regions = regions;
        }

        public List<String> missing() {
            return missing;
        }

        public String regionName(String code) {
            return regions.get(code).name;
        }
    }

    public Run run(int year, String methodVersion, int priceYear, List<Region> regions) {
        Map<String, Region> byCode = new LinkedHashMap<>();
        regions.forEach(r -> byCode.put(r.code, r));
        return new Run(year, methodVersion, priceYear, accounts.find(byCode.keySet(), year, methodVersion), byCode);
    }

    /** The factor's values for the run's regions; a region whose value is missing is named in the run and left out. */
    public Factor factor(Run run, FactorSpec spec, BigDecimal weight) {
        Map<String, FactorValue> values = new LinkedHashMap<>();
        String unit = switch (spec.factor()) {
            case REGULATING_GEP, GEP, GDP -> "元";
            case GEP_PER_CAPITA -> "元/人";
            case POPULATION -> "人";
            case AREA -> "km²";
            case DATASET -> null;
        };
        Optional<Dataset> dataset = Optional.empty();
        if (spec.factor() == SchemeRequest.Factor.DATASET) {
            dataset = datasets.latest(spec.dataset(), run.year);
            if (dataset.isEmpty()) {
                run.missing.add("no dataset '" + spec.dataset() + "' for " + run.year + " (POST /api/v1/compensation/datasets)");
                return new Factor(spec.label(), weight, null, values);
            }
            unit = dataset.get().unit();
        }
        for (Region region : run.regions.values()) {
            value(run, spec, region, dataset).ifPresent(v -> values.put(region.code, v));
        }
        return new Factor(spec.label(), weight, unit, values);
    }

    private Optional<FactorValue> value(Run run, FactorSpec spec, Region region, Optional<Dataset> dataset) {
        String code = region.code;
        if (spec.factor() == SchemeRequest.Factor.AREA) {
            if (region.areaKm2 == null) {
                run.missing.add(code + " has no land area recorded (PUT /api/v1/regions/" + code + "/area)");
                return Optional.empty();
            }
            return Optional.of(new FactorValue(region.areaKm2, "land area of " + code + ": " + region.areaSource));
        }
        if (spec.factor() == SchemeRequest.Factor.DATASET) {
            BigDecimal v = dataset.get().values().get(code);
            if (v == null) {
                run.missing.add(dataset.get().citation() + " has no value for " + code);
                return Optional.empty();
            }
            return Optional.of(new FactorValue(v, dataset.get().citation()));
        }
        OfficialAccount account = run.accounts.get(code);
        if (account == null) {
            run.missing.add(code + " has no official GEP account for " + run.year + " (" + run.methodVersion + ")");
            return Optional.empty();
        }
        return switch (spec.factor()) {
            case POPULATION -> account.population() == null ? absent(run, code + "'s official account has no population")
                    : Optional.of(new FactorValue(BigDecimal.valueOf(account.population()), account.source()));
            case GDP -> account.gdp() == null ? absent(run, code + "'s official account has no GDP")
                    : Optional.of(new FactorValue(account.gdp(), account.source()));
            default -> comparable(run, region, false).flatMap(figure -> gepFactor(run, spec, account, figure));
        };
    }

    private Optional<FactorValue> gepFactor(Run run, FactorSpec spec, OfficialAccount account, YearFigure figure) {
        String prices = run.priceYear == run.year ? "current prices" : run.priceYear + " prices";
        String source = account.source() + ", at " + prices;
        return switch (spec.factor()) {
            case REGULATING_GEP -> Optional.of(new FactorValue(figure.categories().stream().filter(c -> c.category() == Category.REGULATING)
                    .map(CategoryValue::comparable).findFirst().orElseThrow(), source));
            case GEP -> Optional.of(new FactorValue(figure.gepComparable(), source));
            case GEP_PER_CAPITA -> account.population() == null || account.population() == 0
                    ? absent(run, account.regionCode() + "'s official account has no population for GEP per capita")
                    : Optional.of(new FactorValue(figure.gepComparable().divide(BigDecimal.valueOf(account.population()), MathContext.DECIMAL128)
                            .setScale(2, RoundingMode.HALF_UP), source + ", per resident"));
            default -> throw new IllegalArgumentException(spec.factor().name());
        };
    }

    /** The region's comparable-price GEP growth over the year before, or empty (named in the run) without that year's figure. */
    public Optional<BigDecimal> growth(Run run, Region region) {
        if (!run.accounts.containsKey(region.code)) {
            run.missing.add(region.code + " has no official GEP account for " + run.year + " (" + run.methodVersion + ")");
            return Optional.empty();
        }
        Optional<YearFigure> figure = comparable(run, region, true);
        if (figure.isPresent() && figure.get().growth() == null) {
            run.missing.add(region.code + " has no official GEP account for " + (run.year - 1) + ", which its growth needs");
            return Optional.empty();
        }
        return figure.map(YearFigure::growth);
    }

    /** The run year's figure at the run's prices, read once per region (with the year before when growth is asked for). */
    private Optional<YearFigure> comparable(Run run, Region region, boolean withYearBefore) {
        YearFigure known = run.comparable.get(region.code);
        if (known != null && (!withYearBefore || known.growth() != null)) {
            return Optional.of(known);
        }
        Series s = series.series(region, withYearBefore ? run.year - 1 : run.year, run.year, run.priceYear, null, run.methodVersion);
        Optional<YearFigure> figure = s.years().stream().filter(y -> y.year() == run.year).findFirst();
        figure.ifPresent(f -> run.comparable.put(region.code, f));
        return figure;
    }

    private static Optional<FactorValue> absent(Run run, String what) {
        run.missing.add(what);
        return Optional.empty();
    }
}
