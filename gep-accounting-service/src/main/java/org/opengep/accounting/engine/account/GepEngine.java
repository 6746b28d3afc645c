package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.account.AccountInputs.ProvisioningBasis;
import org.opengep.accounting.engine.account.GepResult.CategoryTotal;
import org.opengep.accounting.engine.account.GepResult.ExtentRow;
import org.opengep.accounting.engine.account.IndicatorResult.InputLevel;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.accounting.engine.catalogue.EcosystemType;
import org.opengep.accounting.engine.catalogue.Indicator;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;
import org.opengep.accounting.engine.catalogue.LineSpec;
import org.opengep.accounting.engine.catalogue.QuantitySpec;
import org.opengep.accounting.engine.model.IndicatorModel;
import org.opengep.accounting.engine.model.LineAmount;
import org.opengep.accounting.engine.model.ModelContext;
import org.opengep.accounting.engine.model.Models;
import org.opengep.accounting.engine.model.Split;
import org.opengep.accounting.engine.price.PriceBook;
import org.opengep.accounting.engine.price.PriceFamilies;
import org.opengep.accounting.engine.unit.Quantities;
import org.opengep.accounting.engine.unit.Unit;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.InvalidInputException;

/**
 * Computes one GEP account: checks the inputs, runs each indicator's formula at the deepest level the
 * user supplied, values the quantities with the price book, and adds everything up. Pure: no I/O, no
 * clock, no framework; the same inputs and prices always give the same result.
 */
public final class GepEngine {

    /** Money is reported to the fen, quantities to four decimals, ratios to four decimals. */
    private static final int MONEY_SCALE = 2;
    /** The largest value in 元 an account records (its columns hold 22 digits before the point; a GEP sums tens of these). */
    static final BigDecimal MAX_YUAN = BigDecimal.TEN.pow(20);
    private static final int QUANTITY_SCALE = 4;
    private static final int RATIO_SCALE = 4;
    /** Extent may exceed the region's area by rounding only. */
    private static final BigDecimal EXTENT_TOLERANCE = new BigDecimal("1.001");
    private static final Unit KM2 = Unit.of("km²");
    private static final Unit M2 = Unit.of("m²");
    private static final Unit YUAN = Unit.of("元");
    public static final String UNALLOCATED = "UNALLOCATED";
    public static final int FIRST_YEAR = 1949;

    private final IndicatorCatalogue catalogue;

    public GepEngine(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Whether a year can be accounted: given, from {@link #FIRST_YEAR} and not after {@code lastYear}. */
    public static boolean accountable(Integer year, int lastYear) {
        return year != null && year >= FIRST_YEAR && year <= lastYear;
    }

    public IndicatorCatalogue catalogue() {
        return catalogue;
    }

    /**
     * @param lastYear the latest year that may be accounted (the caller's current year)
     * @throws InvalidInputException listing every problem with the inputs or the prices
     */
    public GepResult compute(AccountInputs in, PriceBook prices, int lastYear) {
        Errors errors = new Errors();
        ReadInputs read = read(in, lastYear, errors);
        List<IndicatorResult> indicators = new ArrayList<>();
        for (Map.Entry<String, IndicatorInput> entry : in.indicators().entrySet()) {
            Optional<Indicator> indicator = catalogue.indicator(entry.getKey());
            if (indicator.isEmpty() || entry.getValue() == null) {
                continue; // named by read
            }
            ModelContext ctx = new ModelContext(indicator.get(), entry.getValue(), read.extentM2(), prices, catalogue.method(),
                    in.year(), errors);
            indicator(ctx, in.provisioningBasis()).ifPresent(r -> {
                recordable(r.value(), "indicators." + r.code(), errors);
                indicators.add(r);
            });
        }
        errors.throwIfAny();
        return totals(in, read.extentM2(), indicators, read.deductions(), read.gdp());
    }

    /**
     * Adds the problems that need neither prices nor a model run: the year, the extent (against the region's area when
     * known), that indicators are given and known, GDP, population and the deductions. {@link #compute} finds these
     * first; a job's upload refuses a request that has any, as the single-account operation does.
     */
    public void check(AccountInputs in, int lastYear, Errors errors) {
        read(in, lastYear, errors);
    }

    /** The inputs as read before any model runs: the extent in m², GDP in 元 (null: not given), the deductions' lines. */
    private record ReadInputs(Map<String, BigDecimal> extentM2, BigDecimal gdp, List<GepResult.DeductionLine> deductions) {}

    private ReadInputs read(AccountInputs in, int lastYear, Errors errors) {
        if (!accountable(in.year(), lastYear)) {
            errors.add("year", "year must be between " + FIRST_YEAR + " and " + lastYear);
        }
        Map<String, BigDecimal> extentM2 = extent(in, errors);
        if (in.indicators().isEmpty()) {
            errors.add("indicators", "at least one indicator is needed");
        }
        for (Map.Entry<String, IndicatorInput> entry : in.indicators().entrySet()) {
            if (catalogue.indicator(entry.getKey()).isEmpty()) {
                errors.add("indicators." + entry.getKey(), "unknown indicator for method " + catalogue.method().code());
            } else if (entry.getValue() == null) {
                errors.add("indicators." + entry.getKey(), "inputs are missing");
            }
        }
        Optional<BigDecimal> gdp = in.gdp() == null ? Optional.empty() : Quantities.convert(in.gdp(), YUAN, "gdp", errors);
        if (gdp.isPresent() && gdp.get().signum() <= 0) {
            errors.add("gdp", "GDP must be positive");
        }
        gdp.ifPresent(g -> recordable(g, "gdp", errors));
        if (in.population() != null && in.population() <= 0) {
            errors.add("population", "population must be positive");
        }
        return new ReadInputs(extentM2, gdp.orElse(null), deductions(in, errors));
    }

    private List<GepResult.DeductionLine> deductions(AccountInputs in, Errors errors) {
        List<GepResult.DeductionLine> lines = new ArrayList<>();
        for (int i = 0; i < in.outsideOrigin().size(); i++) {
            AccountInputs.Deduction d = in.outsideOrigin().get(i);
            String field = "outsideOrigin[" + i + "]";
            if (d == null) {
                errors.add(field, "a deduction is required where the list has an element");
                continue;
            }
            Optional<Indicator> indicator = d.indicator() == null ? Optional.empty() : catalogue.indicator(d.indicator());
            if (indicator.isEmpty()) {
                errors.add(field + ".indicator", "the indicator whose value came from outside the unit is required and must be known");
            } else if (!in.indicators().containsKey(d.indicator())) {
                errors.add(field + ".indicator", d.indicator() + " is not accounted here, so nothing of it can be deducted");
            }
            if (d.description() == null || d.description().isBlank()) {
                errors.add(field + ".description", "say what came from outside the unit");
            }
            Optional<BigDecimal> value = Quantities.convert(d.value(), YUAN, field + ".value", errors);
            if (value.isPresent() && value.get().signum() <= 0) {
                errors.add(field + ".value", "must be positive (it is deducted)");
            } else if (value.isPresent() && indicator.isPresent()) {
                lines.add(new GepResult.DeductionLine(d.indicator(), indicator.get().category(), d.description(),
                        money(value.get()).negate()));
            }
        }
        return lines;
    }

    private Map<String, BigDecimal> extent(AccountInputs in, Errors errors) {
        Map<String, BigDecimal> extentM2 = new LinkedHashMap<>();
        in.extent().forEach((type, area) -> {
            String field = "extent." + type;
            Optional<EcosystemType> known = catalogue.ecosystemType(type);
            if (known.isEmpty()) {
                errors.add(field, "unknown ecosystem type; expected one of " + typeCodes());
                return;
            }
            Quantities.convert(area, M2, field, errors).ifPresent(m2 -> {
                if (m2.signum() < 0) {
                    errors.add(field, "area must not be negative");
                } else {
                    extentM2.put(type, m2);
                }
            });
            if (known.get().parent() != null && in.extent().containsKey(known.get().parent())) {
                errors.add(field, type + " is part of " + known.get().parent() + "; give either the sub-types or the total, not both");
            }
        });
        if (in.regionAreaKm2() != null) {
            BigDecimal total = extentM2.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal regionM2 = KM2.convert(in.regionAreaKm2(), M2);
            if (total.compareTo(regionM2.multiply(EXTENT_TOLERANCE)) > 0) {
                errors.add("extent", "the ecosystem extent adds up to " + M2.convert(total, KM2).setScale(2, RoundingMode.HALF_UP)
                        + " km², more than the region's area of " + in.regionAreaKm2().toPlainString() + " km²");
            }
        }
        return extentM2;
    }

    private List<String> typeCodes() {
        return catalogue.ecosystemTypes().stream().map(EcosystemType::code).toList();
    }

    private Optional<IndicatorResult> indicator(ModelContext ctx, ProvisioningBasis basis) {
        IndicatorInput input = ctx.input();
        Indicator indicator = ctx.indicator();
        int errorsBefore = ctx.errors().size();
        if (input.hasValue() && (input.hasQuantities() || input.hasBiophysical())) {
            ctx.errors().add(ctx.path(), "give a value, or quantities and inputs to compute it, not both");
            return Optional.empty();
        }
        checkEcosystemKeys(ctx, input.byEcosystem().keySet(), ".byEcosystem.");
        checkEcosystemKeys(ctx, input.quantitiesByEcosystem().keySet(), ".quantitiesByEcosystem.");
        List<LineAmount> lines;
        Map<String, Split> quantities = Map.of();
        InputLevel level;
        IndicatorModel model = Models.forIndicator(indicator);
        if (input.hasValue()) {
            level = InputLevel.VALUE;
            lines = suppliedValues(ctx, basis);
        } else {
            quantities = new LinkedHashMap<>(suppliedQuantities(ctx));
            level = input.hasBiophysical() ? model.detailedLevel() : InputLevel.QUANTITY;
            if (input.hasBiophysical()) {
                for (Map.Entry<String, Split> computed : model.physical(ctx).entrySet()) {
                    if (quantities.containsKey(computed.getKey())) {
                        ctx.errors().add(ctx.path() + ".quantities." + computed.getKey(),
                                "computed from the biophysical inputs; do not also supply it");
                    }
                    quantities.put(computed.getKey(), computed.getValue());
                }
            } else if (!input.hasQuantities()) {
                ctx.errors().add(ctx.path(), "no inputs: give biophysical inputs, quantities or a value");
            }
            lines = model.value(quantities, ctx);
        }
        if (ctx.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(result(ctx, level, quantities, lines));
    }

    private void checkEcosystemKeys(ModelContext ctx, Iterable<String> types, String where) {
        for (String type : types) {
            if (catalogue.ecosystemType(type).isEmpty()) {
                ctx.errors().add(ctx.path() + where + type, "unknown ecosystem type; expected one of " + typeCodes());
            }
        }
    }

    private Map<String, Split> suppliedQuantities(ModelContext ctx) {
        Map<String, Split> result = new LinkedHashMap<>();
        ctx.input().quantities().forEach((code, amount) ->
                quantity(ctx, code, amount, ".quantities." + code).ifPresent(q -> result.put(code, Split.of(q))));
        Map<String, Map<String, BigDecimal>> byType = new LinkedHashMap<>();
        ctx.input().quantitiesByEcosystem().forEach((type, amounts) -> amounts.forEach((code, amount) -> {
            String where = ".quantitiesByEcosystem." + type + "." + code;
            if (result.containsKey(code)) {
                ctx.errors().add(ctx.path() + where, "also given as a total in quantities; give one or the other");
                return;
            }
            quantity(ctx, code, amount, where).ifPresent(q -> byType.computeIfAbsent(code, c -> new LinkedHashMap<>()).put(type, q));
        }));
        byType.forEach((code, parts) -> result.put(code, Split.ofParts(parts)));
        return result;
    }

    private Optional<BigDecimal> quantity(ModelContext ctx, String code, Amount amount, String where) {
        Optional<QuantitySpec> spec = ctx.indicator().quantity(code);
        if (spec.isEmpty()) {
            ctx.errors().add(ctx.path() + where, "unknown quantity for " + ctx.indicator().code() + "; expected one of "
                    + ctx.indicator().quantities().stream().map(QuantitySpec::code).toList());
            return Optional.empty();
        }
        Optional<BigDecimal> q = Quantities.convert(amount, ModelContext.canonical(spec.get().unit()), ctx.path() + where,
                ctx.errors());
        if (q.isPresent() && q.get().signum() < 0) {
            ctx.errors().add(ctx.path() + where, "must not be negative");
            return Optional.empty();
        }
        return q;
    }

    /** Values given directly: one total, or one per value line (provisioning: output and intermediate use). */
    private List<LineAmount> suppliedValues(ModelContext ctx, ProvisioningBasis basis) {
        Indicator indicator = ctx.indicator();
        Map<String, Amount> values = new LinkedHashMap<>(ctx.input().values());
        boolean products = indicator.line("OUTPUT_VALUE").isPresent();
        String totalCode = products ? "OUTPUT_VALUE" : indicator.code();
        if (ctx.input().value() != null) {
            if (values.containsKey(totalCode)) {
                ctx.errors().add(ctx.path() + ".value", "also given in values." + totalCode);
            }
            values.put(totalCode, ctx.input().value());
        }
        List<LineAmount> lines = new ArrayList<>();
        values.forEach((code, amount) -> {
            String where = ctx.path() + (code.equals(totalCode) && ctx.input().value() != null ? ".value" : ".values." + code);
            Optional<LineSpec> spec = indicator.line(code);
            if (spec.isEmpty() && !code.equals(totalCode)) {
                ctx.errors().add(where, "unknown value line for " + indicator.code() + "; expected one of "
                        + indicator.lines().stream().map(LineSpec::code).toList());
                return;
            }
            Quantities.convert(amount, YUAN, where, ctx.errors()).ifPresent(v -> {
                if (v.signum() < 0) {
                    ctx.errors().add(where, "must not be negative");
                    return;
                }
                boolean deducted = code.equals("INTERMEDIATE_CONSUMPTION");
                if (deducted && basis == ProvisioningBasis.GROSS) {
                    ctx.note("intermediate consumption given but the account is on a GROSS basis: not deducted");
                    return;
                }
                String zh = spec.map(LineSpec::nameZh).orElse(indicator.nameZh());
                String en = spec.map(LineSpec::nameEn).orElse(indicator.nameEn());
                lines.add(new LineAmount(code, zh, en, "元", null, null, null, Split.of(deducted ? v.negate() : v)));
            });
        });
        if (products && basis == ProvisioningBasis.NET && !values.containsKey("INTERMEDIATE_CONSUMPTION")) {
            ctx.errors().add(ctx.path() + ".values.INTERMEDIATE_CONSUMPTION",
                    "a NET provisioning basis needs the intermediate consumption");
        }
        return lines;
    }

    private IndicatorResult result(ModelContext ctx, InputLevel level, Map<String, Split> quantities, List<LineAmount> lines) {
        Indicator indicator = ctx.indicator();
        List<PhysicalQuantity> physical = new ArrayList<>();
        for (QuantitySpec spec : indicator.quantities()) {
            Split q = quantities.get(spec.code());
            if (q != null) {
                Unit unit = Unit.of(spec.unit());
                physical.add(new PhysicalQuantity(spec.code(), spec.nameZh(), spec.nameEn(), quantity(q.total(), unit),
                        spec.unit(), mapValues(q.byEcosystem(), v -> quantity(v, unit))));
            }
        }
        List<ValueLine> valueLines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (LineAmount line : lines) {
            BigDecimal value = money(line.value().total());
            Map<String, BigDecimal> byType = line.value().byEcosystem().isEmpty()
                    ? Map.of(defaultEcosystem(indicator), value)
                    : mapValues(line.value().byEcosystem(), GepEngine::money);
            Unit unit = Unit.parse(line.unit()).orElse(YUAN);
            valueLines.add(new ValueLine(line.code(), line.nameZh(), line.nameEn(),
                    line.quantity() == null ? null : quantity(line.quantity().total(), unit), line.unit(),
                    line.price() == null ? null : line.price().entry().value(),
                    line.price() == null ? null : line.price().entry().unit(),
                    line.price() == null ? null : line.price().entry().priceYear(),
                    line.price() == null ? null : line.price().entry().source(),
                    line.priceKey(), PriceFamilies.of(line.priceKey(), indicator.category()), value, byType));
            total = total.add(value);
        }
        return new IndicatorResult(indicator.code(), indicator.nameZh(), indicator.nameEn(), indicator.category(), level,
                physical, valueLines, total, List.copyOf(ctx.notes()));
    }

    private static String defaultEcosystem(Indicator indicator) {
        return indicator.ecosystemTypes().size() == 1 ? indicator.ecosystemTypes().get(0) : UNALLOCATED;
    }

    private GepResult totals(AccountInputs in, Map<String, BigDecimal> extentM2, List<IndicatorResult> indicators,
            List<GepResult.DeductionLine> deductions, BigDecimal gdp) {
        Map<Category, BigDecimal> byCategory = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            byCategory.put(c, BigDecimal.ZERO);
        }
        Map<String, BigDecimal> byEcosystem = new LinkedHashMap<>();
        for (IndicatorResult r : indicators) {
            byCategory.merge(r.category(), r.value(), BigDecimal::add);
            r.lines().forEach(l -> l.valueByEcosystem().forEach((t, v) -> byEcosystem.merge(t, v, BigDecimal::add)));
        }
        BigDecimal gross = byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gep = deductions.stream().map(GepResult.DeductionLine::value).reduce(gross, BigDecimal::add);
        List<CategoryTotal> categories = new ArrayList<>();
        byCategory.forEach((c, v) -> categories.add(new CategoryTotal(c, v, ratio(v, gross))));
        List<ExtentRow> extent = new ArrayList<>();
        extentM2.forEach((type, m2) -> {
            EcosystemType t = catalogue.ecosystemType(type).orElseThrow();
            extent.add(new ExtentRow(type, t.nameZh(), t.nameEn(), M2.convert(m2, KM2).setScale(QUANTITY_SCALE, RoundingMode.HALF_UP)));
        });
        BigDecimal areaKm2 = in.regionAreaKm2() != null
                ? in.regionAreaKm2()
                : M2.convert(extentM2.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), KM2);
        return new GepResult(in.regionCode(), in.year(), catalogue.method().code(), extent, indicators, categories, deductions, byEcosystem,
                gep, areaKm2.signum() == 0 ? null : areaKm2.setScale(QUANTITY_SCALE, RoundingMode.HALF_UP),
                areaKm2.signum() == 0 ? null : money(gep.divide(areaKm2, Unit.MC)),
                in.population() == null ? null : money(gep.divide(BigDecimal.valueOf(in.population()), Unit.MC)),
                gdp == null || gdp.signum() <= 0 ? null : ratio(gep, gdp),
                gdp == null ? null : money(gdp), in.population());
    }

    /**
     * A value in 元 that an account can hold: below {@link #MAX_YUAN} in magnitude. Inputs that each keep the JSON rules
     * can still multiply into more (10^17 亿元 is 10^25 元); that is the inputs' mistake, named where it arises.
     */
    private static void recordable(BigDecimal yuan, String field, Errors errors) {
        if (yuan.abs().compareTo(MAX_YUAN) >= 0) {
            errors.add(field, "comes to " + yuan.toBigInteger().toString().length() + "-digit 元; an account holds values below 10^20 元: "
                    + "check the inputs and their units");
        }
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, RATIO_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal money(BigDecimal yuan) {
        return yuan.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal quantity(BigDecimal canonical, Unit unit) {
        BigDecimal inUnit = unit.factor().compareTo(BigDecimal.ONE) == 0 ? canonical : canonical.divide(unit.factor(), Unit.MC);
        return inUnit.setScale(QUANTITY_SCALE, RoundingMode.HALF_UP);
    }

    private static Map<String, BigDecimal> mapValues(Map<String, BigDecimal> in, java.util.function.UnaryOperator<BigDecimal> f) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, f.apply(v)));
        return out;
    }
}
