package org.opengep.accounting.service.seea;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.account.ValueRow;
import org.opengep.accounting.engine.price.PriceFamilies;
import org.opengep.accounting.engine.seea.AssetAccount;
import org.opengep.accounting.engine.seea.AssetAccount.Flow;
import org.opengep.accounting.engine.seea.ExtentAccount;
import org.opengep.accounting.engine.seea.SeeaMapping;
import org.opengep.accounting.engine.seea.SeeaMapping.TypeMapping;
import org.opengep.accounting.engine.seea.SupplyTables;
import org.opengep.accounting.engine.seea.SupplyTables.MonetaryRow;
import org.opengep.accounting.engine.seea.SupplyTables.PhysicalRow;
import org.opengep.accounting.service.PriceIndexService;
import org.opengep.accounting.service.PriceIndexService.Deflator;
import org.opengep.accounting.service.seea.ExtentChanges.Matrix;
import org.opengep.accounting.service.seea.OfficialPair.OfficialYear;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;

/**
 * A region's official accounts in the form of the UN SEEA Ecosystem Accounting: the extent account (with the change
 * matrix when one is recorded), the physical and monetary services supply tables of both years, and the monetary
 * asset account; with the mapping of our indicators and ecosystem types to the SEEA EA and IUCN GET lists.
 */
@ApplicationScoped
public class SeeaAccounts {

    /** The asset account's parameters and where they come from. */
    public record AssetParameters(BigDecimal discountRate, Integer assetLife, String source) {}

    public record AccountUsed(UUID accountId, int year, String source) {}

    /** An ecosystem type column: our type and its IUCN GET group in this region. */
    public record TypeColumn(String ecosystemType, TypeMapping iucnGet) {}

    public record ExtentTable(String unit, List<ExtentAccount.Row> rows, ExtentAccount.Row total, boolean gross, Matrix changeMatrix,
            String note) {}

    public record SupplyTable(int year, UUID accountId, List<PhysicalRow> physical, List<MonetaryRow> monetary) {}

    public record AssetTable(String method, AssetParameters parameters, AssetAccount.Result account, List<Flow> flows) {}

    public record SeeaExport(String regionCode, String regionName, String methodVersion, int from, int to, List<AccountUsed> accounts,
            List<TypeColumn> ecosystemTypes, ExtentTable extentAccount, List<SupplyTable> supplyTables, AssetTable assetAccount,
            List<String> omitted, SeeaMapping mapping) {}

    static final String ASSET_METHOD = "V = S x (1 - (1 + r)^-T) / r per ecosystem type, S the year's service flow (its value rows; the "
            + "deductions of values from outside the unit as OUTSIDE_ORIGIN), taken as constant over the asset life T. Changes: extent = "
            + "A x S0/a0 x (a1 - a0); revaluation = A x (S1 - S1 at opening prices, by price family's index); flows = the rest.";

    @Inject
    SeeaFacts facts;

    @Inject
    ExtentChanges extentChanges;

    @Inject
    PriceIndexService indices;

    public SeeaExport export(Region region, Integer from, Integer to, String methodVersion, AssetParameters parameters) {
        Errors errors = new Errors();
        String method = facts.checkYears(from, to, methodVersion, errors);
        boolean withAssets = parameters.discountRate() != null || parameters.assetLife() != null || parameters.source() != null;
        if (withAssets) {
            checkParameters(parameters, errors);
        }
        errors.throwIfAny();
        OfficialPair pair = facts.pair(region, from, to, method);
        List<String> omitted = new ArrayList<>();
        List<SupplyTable> supply = new ArrayList<>();
        for (OfficialYear y : to.equals(from) ? List.of(pair.opening()) : List.of(pair.opening(), pair.closing())) {
            supply.add(new SupplyTable(y.year(), y.account().accountId(), SupplyTables.physical(y.result(), facts.mapping()),
                    SupplyTables.monetary(y.result(), facts.mapping())));
        }
        AssetTable assets = null;
        if (withAssets) {
            assets = assetTable(pair, parameters);
        } else {
            omitted.add("assetAccount: give discountRate, assetLife and parameterSource for the monetary asset account");
        }
        return new SeeaExport(region.code, region.name, method, from, to, List.of(used(pair.opening()), used(pair.closing())).stream().distinct().toList(),
                typeColumns(region, method), extentTable(region, pair, omitted), supply, assets, omitted, facts.mapping());
    }

    /** The tables' ecosystem type columns in the catalogue's order, with their IUCN GET group in this region. */
    public List<TypeColumn> typeColumns(Region region, String methodVersion) {
        List<TypeColumn> types = new ArrayList<>();
        for (String type : facts.typeOrder(facts.resolve(methodVersion))) {
            types.add(new TypeColumn(type, facts.mapping().ecosystemType(type, region.code)));
        }
        types.add(new TypeColumn(SupplyTables.OUTSIDE_ORIGIN, new TypeMapping("", "Values from outside the unit (deducted)", null)));
        return types;
    }

    /** The monetary asset account alone. */
    public AssetTable assets(Region region, Integer from, Integer to, String methodVersion, AssetParameters parameters) {
        Errors errors = new Errors();
        String method = facts.checkYears(from, to, methodVersion, errors);
        checkParameters(parameters, errors);
        errors.throwIfAny();
        return assetTable(facts.pair(region, from, to, method), parameters);
    }

    private static void checkParameters(AssetParameters p, Errors errors) {
        AssetAccount.check(p.discountRate(), p.assetLife(), errors);
        if (p.source() == null || p.source().isBlank()) {
            errors.add("parameterSource", "say where the discount rate and asset life come from");
        }
    }

    private static AccountUsed used(OfficialYear y) {
        return new AccountUsed(y.account().accountId(), y.year(), y.account().source());
    }

    private ExtentTable extentTable(Region region, OfficialPair pair, List<String> omitted) {
        Map<String, BigDecimal> opening = pair.opening().extent();
        Map<String, BigDecimal> closing = pair.closing().extent();
        String note = null;
        if (opening.isEmpty() || closing.isEmpty()) {
            note = "the official account of " + (opening.isEmpty() ? pair.opening().year() : pair.closing().year()) + " has no extent table";
        }
        Matrix matrix = null;
        if (pair.opening() != pair.closing()) {
            Optional<Matrix> stored = extentChanges.latest(region.code, pair.opening().year(), pair.closing().year());
            if (stored.isEmpty()) {
                omitted.add("changeMatrix: none recorded (POST /api/v1/regions/" + region.code + "/extent-changes); additions and "
                        + "reductions are net changes");
            } else {
                List<String> disagreements = ExtentChanges.disagreements(pair, stored.get());
                if (disagreements.isEmpty()) {
                    matrix = stored.get();
                } else {
                    omitted.add("changeMatrix: version " + stored.get().version() + " no longer agrees with the official extents: "
                            + String.join("; ", disagreements));
                }
            }
        }
        ExtentAccount.Result r = ExtentAccount.of(opening, closing, matrix == null ? null : matrix.changes());
        return new ExtentTable("km²", r.rows(), r.total(), r.gross(), matrix, note);
    }

    private AssetTable assetTable(OfficialPair pair, AssetParameters p) {
        Map<String, BigDecimal> openingFlows = flows(pair.opening());
        Map<String, BigDecimal> closingFlows = flows(pair.closing());
        Map<String, BigDecimal> closingAtOpeningPrices = atPrices(pair.closing(), pair.opening().year());
        Map<String, BigDecimal> openingExtent = pair.opening().extent();
        Map<String, BigDecimal> closingExtent = pair.closing().extent();
        Set<String> types = new LinkedHashSet<>(openingFlows.keySet());
        types.addAll(closingFlows.keySet());
        List<Flow> flows = new ArrayList<>();
        for (String type : types) {
            boolean hasExtent = openingExtent.containsKey(type) || closingExtent.containsKey(type);
            flows.add(new Flow(type, hasExtent ? openingExtent.getOrDefault(type, BigDecimal.ZERO) : null,
                    hasExtent ? closingExtent.getOrDefault(type, BigDecimal.ZERO) : null, openingFlows.getOrDefault(type, BigDecimal.ZERO),
                    closingFlows.getOrDefault(type, BigDecimal.ZERO), closingAtOpeningPrices.getOrDefault(type, BigDecimal.ZERO)));
        }
        return new AssetTable(ASSET_METHOD, p, AssetAccount.of(flows, p.discountRate(), p.assetLife()), flows);
    }

    /** A year's service flow by ecosystem type: its value rows, and the deductions (GEP less the rows) as OUTSIDE_ORIGIN. */
    private static Map<String, BigDecimal> flows(OfficialYear y) {
        Map<String, BigDecimal> flows = new LinkedHashMap<>();
        BigDecimal rows = BigDecimal.ZERO;
        for (Map.Entry<ValueRow, BigDecimal> v : y.values().entrySet()) {
            flows.merge(v.getKey().ecosystemType(), v.getValue(), BigDecimal::add);
            rows = rows.add(v.getValue());
        }
        BigDecimal deductions = y.account().gep().subtract(rows);
        if (deductions.signum() != 0) {
            flows.put(SupplyTables.OUTSIDE_ORIGIN, deductions);
        }
        return flows;
    }

    /** The year's flows at another year's prices: each value row by its price family's index, deductions by GENERAL. */
    private Map<String, BigDecimal> atPrices(OfficialYear y, int priceYear) {
        Deflator deflator = indices.deflator();
        List<String> missing = new ArrayList<>();
        Map<String, BigDecimal> flows = new LinkedHashMap<>();
        BigDecimal rows = BigDecimal.ZERO;
        for (Map.Entry<ValueRow, BigDecimal> v : y.values().entrySet()) {
            rows = rows.add(v.getValue());
            deflate(flows, v.getKey().ecosystemType(), v.getValue(), v.getKey().priceFamily(), y.year(), priceYear, deflator, missing);
        }
        BigDecimal deductions = y.account().gep().subtract(rows);
        if (deductions.signum() != 0) {
            deflate(flows, SupplyTables.OUTSIDE_ORIGIN, deductions, PriceFamilies.GENERAL, y.year(), priceYear, deflator, missing);
        }
        flows.replaceAll((type, value) -> value.setScale(2, RoundingMode.HALF_UP));
        if (!missing.isEmpty()) {
            throw new ConflictException("missing-price-index", "the revaluation needs price indices that are not recorded: "
                    + String.join("; ", missing.stream().distinct().toList()) + " (PUT /api/v1/price-indices/{family})");
        }
        return flows;
    }

    private static void deflate(Map<String, BigDecimal> into, String type, BigDecimal value, String family, int year, int priceYear,
            Deflator deflator, List<String> missing) {
        Optional<BigDecimal> factor = year == priceYear ? Optional.of(BigDecimal.ONE) : deflator.factor(family, year, priceYear);
        if (factor.isEmpty()) {
            missing.add(family + " (or GENERAL) for " + year + " and " + priceYear);
        } else {
            into.merge(type, value.multiply(factor.get()), BigDecimal::add);
        }
    }
}
