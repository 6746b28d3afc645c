package org.opengep.accounting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.domain.RegionCodeChange;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.account.IndicatorResult;
import org.opengep.accounting.engine.account.ValueLine;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.engine.price.PriceFamilies;
import org.opengep.accounting.engine.price.PriceKeys;
import org.opengep.accounting.rest.AccountRequest;
import org.opengep.accounting.service.PriceIndexService.Deflator;
import org.opengep.accounting.service.PriceSetService.LockedSet;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.InvalidInputException;

/**
 * A region's official figures over years, at current prices and at the prices of a base year:
 * <ul>
 *   <li>fixed-price method (a base-year price set is given): each year's stored inputs are valued again with
 *       the base set; lines whose price is not in a price set (supplied values, market prices of products,
 *       travel costs) are deflated, as nothing else can bring them to the base year;</li>
 *   <li>deflator method (otherwise): each value is multiplied by I_base / I_year of its price family.</li>
 * </ul>
 * Growth at comparable prices: g = GEP_t(b) / GEP_t0(b) − 1, year on year and over the span, with the
 * "dual growth" flag where GDP rose and comparable GEP fell.
 */
@ApplicationScoped
public class SeriesService {

    public enum Method {
        FIXED_PRICE,
        DEFLATOR
    }

    public enum DualGrowth {
        /** GDP and comparable GEP both grew (双增长) */
        BOTH_GREW,
        /** GDP grew while comparable GEP fell: the case to flag */
        GDP_UP_GEP_DOWN,
        /** any other combination */
        OTHER
    }

    public record CategoryValue(Category category, BigDecimal current, BigDecimal comparable) {}

    /** @param accountedAs the code the year's official figure is under: the region's, or the code it had before (RECODED) */
    public record YearFigure(int year, String accountedAs, UUID accountId, BigDecimal gepCurrent, BigDecimal gepComparable, List<CategoryValue> categories,
            BigDecimal gdp, BigDecimal growth, BigDecimal gdpGrowth, DualGrowth dualGrowth) {}

    /**
     * @param missingYears years the region's code stood for it without an official figure
     * @param codeChanges the code changes the region took part in, which explain a series that starts, ends or jumps
     */
    public record Series(String regionCode, String regionName, String methodVersion, int from, int to, int priceYear, Method method,
            UUID basePriceSetId, String methodNote, List<YearFigure> years, List<Integer> missingYears, BigDecimal spanGrowth,
            BigDecimal spanGdpGrowth, DualGrowth spanDualGrowth, List<CodeChangeNote> codeChanges) {}

    /** A code change in words: what happened to whom from which year. */
    public record CodeChangeNote(String code, String successorCode, int year, RegionCodeChange.Kind kind, String explanation, String source) {}

    private record Official(int year, String regionCode, UUID accountId, BigDecimal gep, Map<Category, BigDecimal> categories, BigDecimal gdp, String inputs) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogueService catalogues;

    @Inject
    PriceSetService priceSets;

    @Inject
    PriceIndexService indices;

    @Inject
    ObjectMapper json;

    /** Transactional for the shared lock on the base price set while the years are valued with it. */
    @jakarta.transaction.Transactional
    public Series series(Region region, Integer from, Integer to, Integer priceYear, UUID basePriceSetId, String methodVersion) {
        Errors errors = new Errors();
        int lastYear = Year.now().getValue();
        if (!GepEngine.accountable(from, lastYear)) {
            errors.add("from", "the first year is required, between " + GepEngine.FIRST_YEAR + " and " + lastYear);
        }
        if (!GepEngine.accountable(to, lastYear)) {
            errors.add("to", "the last year is required, between " + GepEngine.FIRST_YEAR + " and " + lastYear);
        } else if (from != null && to < from) {
            errors.add("to", "must not be before 'from'");
        }
        if (priceYear == null || priceYear < GepEngine.FIRST_YEAR || priceYear > lastYear) {
            errors.add("priceYear", "the base year whose prices make years comparable is required");
        }
        Optional<GepEngine> engine = catalogues.engine(methodVersion);
        if (engine.isEmpty()) {
            errors.add("methodVersion", "unknown method version; known: " + catalogues.methodVersions());
        }
        Optional<LockedSet> base = basePriceSetId == null ? Optional.empty() : priceSets.lockForAccount(basePriceSetId);
        if (basePriceSetId != null && base.isEmpty()) {
            errors.add("priceSetId", "no price set " + basePriceSetId);
        }
        errors.throwIfAny();

        // a region that only changed its code (RECODED) goes on from its former code's figures
        List<RegionCodeChange> recoded = RegionCodeChange.<RegionCodeChange>list("successorCode = ?1 and kind = ?2", region.code,
                RegionCodeChange.Kind.RECODED);
        List<Official> officials = new ArrayList<>(officials(region.code, from, to, methodVersion));
        for (RegionCodeChange c : recoded) {
            officials.addAll(officials(c.code, from, Math.min(to, c.year - 1), methodVersion));
        }
        officials.sort(Comparator.comparingInt(Official::year));
        Deflator deflator = indices.deflator();
        List<String> missingIndices = new ArrayList<>();
        List<YearFigure> years = new ArrayList<>();
        for (Official o : officials) {
            Map<Category, BigDecimal> comparable = base.isPresent()
                    ? fixedPrice(o, engine.get(), base.get(), deflator, priceYear, missingIndices)
                    : deflated(o, deflator, priceYear, missingIndices);
            years.add(yearFigure(o, comparable, years.isEmpty() ? null : years.get(years.size() - 1)));
        }
        if (!missingIndices.isEmpty()) {
            throw new ConflictException("missing-price-index", "comparable prices need price indices that are not recorded: "
                    + String.join("; ", missingIndices.stream().distinct().toList()) + " (PUT /api/v1/price-indices/{family})");
        }
        List<Integer> missingYears = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            final int year = y;
            boolean expected = region.validIn(year) || recoded.stream().anyMatch(c -> year < c.year);
            if (expected && officials.stream().noneMatch(o -> o.year() == year)) {
                missingYears.add(y);
            }
        }
        YearFigure first = years.isEmpty() ? null : years.get(0);
        YearFigure last = years.isEmpty() ? null : years.get(years.size() - 1);
        BigDecimal spanGrowth = years.size() < 2 ? null : growth(last.gepComparable(), first.gepComparable());
        BigDecimal spanGdpGrowth = years.size() < 2 ? null : growth(last.gdp(), first.gdp());
        Method method = base.isPresent() ? Method.FIXED_PRICE : Method.DEFLATOR;
        String note = method == Method.FIXED_PRICE
                ? "Fixed-price method: each year's quantities valued with price set " + base.get().name() + " v" + base.get().version()
                        + "; values not priced by a price set are deflated with the price indices."
                : "Deflator method: each value multiplied by I(" + priceYear + ") / I(year) of its price family"
                        + " (GENERAL where the family has no index).";
        return new Series(region.code, region.name, methodVersion, from, to, priceYear, method, basePriceSetId, note, years,
                missingYears, spanGrowth, spanGdpGrowth, dualGrowth(spanGdpGrowth, spanGrowth), codeChanges(region));
    }

    private static List<CodeChangeNote> codeChanges(Region region) {
        return RegionCodeChange.touching(region.code).stream().map(c -> {
            boolean predecessor = c.code.equals(region.code);
            String explanation = switch (c.kind) {
                case RECODED -> predecessor ? "from " + c.year + " this region is accounted under " + c.successorCode + "; its series goes on there"
                        : "until " + (c.year - 1) + " this region was accounted under " + c.code + "; its earlier years are there";
                case MERGED -> predecessor ? "from " + c.year + " this region is part of " + c.successorCode + ": no figures of its own after "
                        + (c.year - 1) : c.code + " merged into this region from " + c.year + ": figures before and after are not comparable";
                case SPLIT -> predecessor ? "from " + c.year + " part of this region belongs to " + c.successorCode
                        + ": figures before and after are not comparable" : "from " + c.year + " this region includes part of " + c.code;
            };
            return new CodeChangeNote(c.code, c.successorCode, c.year, c.kind, explanation + " (" + c.note + ")", c.source);
        }).toList();
    }

    private static YearFigure yearFigure(Official o, Map<Category, BigDecimal> comparable, YearFigure previous) {
        List<CategoryValue> categories = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Category c : Category.values()) {
            BigDecimal value = comparable.getOrDefault(c, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            categories.add(new CategoryValue(c, o.categories().get(c), value));
            total = total.add(value);
        }
        // deductions (outside-origin values) are what the GEP holds beyond its categories; they follow GENERAL prices
        BigDecimal deductions = comparable.getOrDefault(null, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        BigDecimal gepComparable = total.add(deductions);
        BigDecimal growth = previous == null ? null : growth(gepComparable, previous.gepComparable());
        BigDecimal gdpGrowth = previous == null ? null : growth(o.gdp(), previous.gdp());
        return new YearFigure(o.year(), o.regionCode(), o.accountId(), o.gep(), gepComparable, categories, o.gdp(), growth, gdpGrowth,
                previous == null ? null : dualGrowth(gdpGrowth, growth));
    }

    /** Deflator method over the stored values by price family; the null key carries the deductions. */
    private Map<Category, BigDecimal> deflated(Official o, Deflator deflator, int priceYear, List<String> missing) {
        Map<Category, BigDecimal> result = new LinkedHashMap<>();
        BigDecimal categorised = BigDecimal.ZERO;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select category, price_family, sum(value) from gep_account_value "
                        + "where account_id = ? group by category, price_family")) {
            s.setObject(1, o.accountId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    BigDecimal value = rs.getBigDecimal(3);
                    categorised = categorised.add(value);
                    addDeflated(result, Category.valueOf(rs.getString(1)), value, rs.getString(2), o.year(), priceYear, deflator, missing);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        addDeflated(result, null, o.gep().subtract(categorised), PriceFamilies.GENERAL, o.year(), priceYear, deflator, missing);
        return result;
    }

    /** Fixed-price method: the stored inputs valued again with the base-year set. */
    private Map<Category, BigDecimal> fixedPrice(Official o, GepEngine engine, LockedSet base, Deflator deflator, int priceYear,
            List<String> missing) {
        AccountRequest request;
        try {
            request = json.readValue(o.inputs(), AccountRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Region region = Region.findById(request.regionCode());
        // the year's own price overrides give way to the base set; formula parameters stay as they were
        List<PriceEntry> parameters = request.priceOverrides() == null ? List.of()
                : request.priceOverrides().stream().filter(p -> PriceKeys.isParameter(p.key())).toList();
        GepResult result;
        try {
            result = engine.compute(request.inputs(region), base.book().withOverrides(parameters), Year.now().getValue());
        } catch (InvalidInputException e) {
            throw new ConflictException("base-price-set-incomplete", "the " + o.year() + " account cannot be valued with price set "
                    + base.name() + " v" + base.version() + ": " + e.getMessage());
        }
        Map<Category, BigDecimal> comparable = new LinkedHashMap<>();
        for (IndicatorResult indicator : result.indicators()) {
            for (ValueLine line : indicator.lines()) {
                if (line.priceKey() != null) {
                    comparable.merge(indicator.category(), line.value(), BigDecimal::add);
                } else {
                    addDeflated(comparable, indicator.category(), line.value(), line.priceFamily(), o.year(), priceYear, deflator, missing);
                }
            }
        }
        result.deductions().forEach(d ->
                addDeflated(comparable, null, d.value(), PriceFamilies.GENERAL, o.year(), priceYear, deflator, missing));
        return comparable;
    }

    private static void addDeflated(Map<Category, BigDecimal> into, Category category, BigDecimal value, String family, int year,
            int priceYear, Deflator deflator, List<String> missing) {
        if (value.signum() == 0) {
            return;
        }
        Optional<BigDecimal> factor = year == priceYear ? Optional.of(BigDecimal.ONE) : deflator.factor(family, year, priceYear);
        if (factor.isEmpty()) {
            missing.add(family + " (or GENERAL) for " + year + " and " + priceYear);
            return;
        }
        into.merge(category, value.multiply(factor.get()), BigDecimal::add);
    }

    private List<Official> officials(String region, int from, int to, String method) {
        List<Official> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select p.year, a.id, a.gep, a.provisioning, a.regulating, a.cultural, a.gdp, "
                        + "a.inputs from gep_publication p join gep_account a on a.id = p.account_id where p.region_code = ? "
                        + "and p.method_version = ? and p.year between ? and ? and p.official order by p.year")) {
            s.setString(1, region);
            s.setString(2, method);
            s.setInt(3, from);
            s.setInt(4, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<Category, BigDecimal> categories = new EnumMap<>(Category.class);
                    categories.put(Category.PROVISIONING, rs.getBigDecimal(4));
                    categories.put(Category.REGULATING, rs.getBigDecimal(5));
                    categories.put(Category.CULTURAL, rs.getBigDecimal(6));
                    result.add(new Official(rs.getInt(1), region, rs.getObject(2, UUID.class), rs.getBigDecimal(3), categories,
                            rs.getBigDecimal(7), rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    private static BigDecimal growth(BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.divide(before, 12, RoundingMode.HALF_UP).subtract(BigDecimal.ONE).setScale(4, RoundingMode.HALF_UP);
    }

    private static DualGrowth dualGrowth(BigDecimal gdpGrowth, BigDecimal gepGrowth) {
        if (gdpGrowth == null || gepGrowth == null) {
            return null;
        }
        if (gdpGrowth.signum() > 0 && gepGrowth.signum() > 0) {
            return DualGrowth.BOTH_GREW;
        }
        return gdpGrowth.signum() > 0 && gepGrowth.signum() < 0 ? DualGrowth.GDP_UP_GEP_DOWN : DualGrowth.OTHER;
    }
}
