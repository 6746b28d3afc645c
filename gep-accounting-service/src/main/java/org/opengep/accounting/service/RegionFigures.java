package org.opengep.accounting.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.accounting.engine.catalogue.Indicator;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;
import org.opengep.accounting.service.TreeFigures.FrontierUnit;
import org.opengep.accounting.service.TreeFigures.Node;
import org.opengep.accounting.service.TreeFigures.Official;
import org.opengep.accounting.service.TreeFigures.Value;
import org.opengep.accounting.service.TreeFigures.Walk;

/**
 * GEP summed up the region tree from official figures. Below a region, each child counts with its own official figure
 * when it has one, else with the sum of its children's (recursively); a unit with neither is uncovered. Custom units
 * (reserves, parcels...) are parts of their parent, not a partition of it, so they never enter a sum. Development zones
 * count where they have figures and are never uncovered; a code counts only in the years it stood for its region.
 * A year's figures over the whole tree are read in one statement ({@link TreeFigures}) and kept in memory until a
 * publication of that year or a change of the tree ({@link OfficialFigureCache}): a national run's 374 sums walked the
 * tree in as many statements, each summing its subtree's value rows again (the nation alone 100 000), and now read them
 * once.
 */
@ApplicationScoped
public class RegionFigures {

    /**
     * Every region, every official account of the year and method version with its figures, and the values of the
     * administrative regions' ones (a custom unit's are never summed): one statement, one snapshot. Each kind of row fills
     * the columns its mapper reads: a region (R) its code, parent, name, area, zone, custom and years; an official account
     * (O) its region, id, area and figures; a value (V) its indicator, category, ecosystem type, account and value. The
     * values' accounts are looked up by index as an array: joined, PostgreSQL scanned every year's values (0.19 s instead of
     * 0.12 with two years kept, growing with the years).
     */
    private static final String TREE = """
            with wanted(year, method) as (select ?::int, ?::varchar),
            official as (
                select p.region_code, p.account_id from gep_publication p join wanted k
                    on p.year = k.year and p.method_version = k.method and p.official
            )
            select 'R', r.code, r.parent_code, r.name, null::uuid, r.area_km2, null::numeric, null::numeric, null::numeric,
                   null::numeric, null::numeric, null::bigint, r.development_zone, r.custom, r.valid_from, r.valid_until
            from region r
            union all
            select 'O', o.region_code, null, null, a.id, a.area_km2, a.gep, a.provisioning, a.regulating, a.cultural, a.gdp,
                   a.population, null, null, null, null
            from official o join gep_account a on a.id = o.account_id
            union all
            select 'V', v.indicator, v.category, v.ecosystem_type, v.account_id, v.value, null, null, null, null, null, null, null,
                   null, null, null
            from gep_account_value v
            where v.account_id = any(array(select o.account_id from official o join region r on r.code = o.region_code and not r.custom))
            """;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogueService catalogues;

    @Inject
    OfficialFigureCache cache;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** One child of a region with what it contributes. */
    public record ChildFigure(String code, String name, Source source, int figures, int uncoveredUnits, BigDecimal gep,
            BigDecimal provisioning, BigDecimal regulating, BigDecimal cultural, BigDecimal areaKm2, BigDecimal gepPerKm2,
            Long population, BigDecimal gepPerCapita, BigDecimal gdp, Integer rank) {}

    public enum Source {
        /** the child's own official figure */
        OFFICIAL,
        /** the sum of official figures below the child */
        CHILDREN,
        /** nothing below the child has an official figure */
        MISSING
    }

    public record IndicatorSum(String code, String nameZh, String nameEn, Category category, BigDecimal value) {}

    public record CategorySum(Category category, BigDecimal value, BigDecimal share) {}

    /** The official figure of the parent compared with the sum of its children. */
    public record Difference(BigDecimal officialGep, BigDecimal childrenGep, BigDecimal difference, List<CategorySum> officialMinusChildren) {}

    public record ChildrenSum(String regionCode, String regionName, int year, String methodVersion, String basis, BigDecimal gep,
            List<CategorySum> categories, List<IndicatorSum> indicators, Map<String, BigDecimal> valueByEcosystem,
            List<ChildFigure> children, List<String> missingChildren, int uncoveredUnits, Difference officialDifference) {}

    /**
     * The official figures of a year over the whole tree: kept in memory between publications, read afresh inside a
     * transaction (which may see its own writes, never to be kept).
     */
    TreeFigures tree(int year, String method) {
        return inTransaction() ? read(year, method) : cache.tree(year, method, () -> read(year, method));
    }

    private boolean inTransaction() {
        return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private TreeFigures read(int year, String method) {
        List<Node> regions = new ArrayList<>();
        Map<String, Official> officials = new HashMap<>();
        Map<UUID, List<Value>> values = new HashMap<>();
        Map<String, String> names = new HashMap<>(); // a year's 100 000 values name a few dozen indicators and ecosystem types
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(TREE)) {
            s.setInt(1, year);
            s.setString(2, method);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "R" -> regions.add(node(rs, year));
                        case "O" -> officials.put(rs.getString(2), official(rs));
                        default -> values.computeIfAbsent(rs.getObject(5, UUID.class), k -> new ArrayList<>(40)).add(value(rs, names));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TreeFigures(regions, officials, values);
    }

    // one small mapper per kind of row: the JIT compiles the value rows' (100 000 a national year) apart from the others

    private static Node node(ResultSet rs, int year) throws SQLException {
        return new Node(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(6), rs.getBoolean(13), rs.getBoolean(14),
                Region.validIn(rs.getObject(15, Integer.class), rs.getObject(16, Integer.class), year));
    }

    private static Official official(ResultSet rs) throws SQLException {
        return new Official(rs.getObject(5, UUID.class), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getBigDecimal(6), rs.getObject(12, Long.class), rs.getBigDecimal(11));
    }

    private static Value value(ResultSet rs, Map<String, String> names) throws SQLException {
        return new Value(names.computeIfAbsent(rs.getString(2), k -> k), Category.valueOf(rs.getString(3)),
                names.computeIfAbsent(rs.getString(4), k -> k), rs.getBigDecimal(6));
    }

    /**
     * The children of a region, ranked by GEP (missing ones last, unranked); empty when there is no such region. A child
     * whose code did not stand for it in the year, or a development zone, is a child only when something has been
     * accounted for it.
     */
    public Optional<List<ChildFigure>> children(String code, int year, String method) {
        return tree(year, method).walk(code, false).map(w -> children(w.frontier()));
    }

    private static List<ChildFigure> children(List<FrontierUnit> frontier) {
        Map<String, List<FrontierUnit>> byChild = new LinkedHashMap<>();
        frontier.forEach(u -> byChild.computeIfAbsent(u.root(), k -> new ArrayList<>()).add(u));
        List<ChildFigure> result = new ArrayList<>();
        List<FrontierUnit> childrenByCode = frontier.stream().filter(FrontierUnit::isChild)
                .sorted(Comparator.comparing(FrontierUnit::code)).toList();
        for (FrontierUnit child : childrenByCode) {
            List<FrontierUnit> units = byChild.get(child.code());
            List<Official> figures = units.stream().map(FrontierUnit::official).filter(Objects::nonNull).toList();
            int uncovered = (int) units.stream().filter(FrontierUnit::uncovered).count();
            if ((!child.validInYear() || child.developmentZone()) && figures.isEmpty()) {
                continue;
            }
            if (figures.isEmpty()) {
                result.add(new ChildFigure(child.code(), child.name(), Source.MISSING, 0, uncovered, null, null, null, null,
                        child.regionAreaKm2(), null, null, null, null, null));
                continue;
            }
            Source source = child.accountId() != null ? Source.OFFICIAL : Source.CHILDREN;
            BigDecimal gep = sum(figures, Official::gep);
            BigDecimal area = child.regionAreaKm2() != null ? child.regionAreaKm2() : sumIfAll(figures, Official::areaKm2);
            BigDecimal populationSum = sumIfAll(figures, u -> u.population() == null ? null : BigDecimal.valueOf(u.population()));
            Long population = populationSum == null ? null : populationSum.longValueExact();
            result.add(new ChildFigure(child.code(), child.name(), source, figures.size(), uncovered, gep,
                    sum(figures, Official::provisioning), sum(figures, Official::regulating), sum(figures, Official::cultural),
                    area, per(gep, area), population, populationSum == null ? null : per(gep, populationSum),
                    sumIfAll(figures, Official::gdp), null));
        }
        result.sort(Comparator.comparing(ChildFigure::gep, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(ChildFigure::code));
        List<ChildFigure> ranked = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            ChildFigure f = result.get(i);
            ranked.add(f.gep() == null ? f : new ChildFigure(f.code(), f.name(), f.source(), f.figures(), f.uncoveredUnits(), f.gep(),
                    f.provisioning(), f.regulating(), f.cultural(), f.areaKm2(), f.gepPerKm2(), f.population(), f.gepPerCapita(),
                    f.gdp(), i + 1));
        }
        return ranked;
    }

    private static BigDecimal sum(List<Official> units, Function<Official, BigDecimal> f) {
        return units.stream().map(f).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum when every unit has the figure, else unknown (a partial sum would mislead). */
    private static BigDecimal sumIfAll(List<Official> units, Function<Official, BigDecimal> f) {
        return units.stream().allMatch(u -> f.apply(u) != null) ? sum(units, f) : null;
    }

    /**
     * A region's GEP as the sum of its children's official figures, by indicator, category and ecosystem type; empty when
     * there is no such region.
     */
    public Optional<ChildrenSum> sumOfChildren(String code, int year, String method) {
        return sumOfChildren(tree(year, method), code, year, method);
    }

    /** The sum of a region's children over figures already read (a run of many sums inside one transaction). */
    Optional<ChildrenSum> sumOfChildren(TreeFigures tree, String code, int year, String method) {
        return tree.walk(code, true).map(w -> childrenSum(w, year, method));
    }

    private ChildrenSum childrenSum(Walk walk, int year, String method) {
        List<ChildFigure> children = children(walk.frontier());
        Map<String, BigDecimal> byIndicator = new LinkedHashMap<>();
        Map<Category, BigDecimal> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            byCategory.put(category, BigDecimal.ZERO);
        }
        Map<String, BigDecimal> byEcosystem = new LinkedHashMap<>();
        for (Value v : walk.values()) {
            byIndicator.merge(v.indicator(), v.value(), BigDecimal::add);
            byCategory.merge(v.category(), v.value(), BigDecimal::add);
            byEcosystem.merge(v.ecosystemType(), v.value(), BigDecimal::add);
        }
        // deductions (outside-origin values) are in the accounts' GEP but not among the values
        BigDecimal gep = children.stream().map(ChildFigure::gep).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        IndicatorCatalogue catalogue = catalogues.catalogue(method).orElseThrow();
        List<IndicatorSum> indicators = new ArrayList<>();
        byIndicator.forEach((code, v) -> {
            Optional<Indicator> i = catalogue.indicator(code);
            indicators.add(new IndicatorSum(code, i.map(Indicator::nameZh).orElse(code), i.map(Indicator::nameEn).orElse(code),
                    i.map(Indicator::category).orElse(null), v));
        });
        BigDecimal gross = byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<CategorySum> categories = byCategory.entrySet().stream()
                .map(e -> new CategorySum(e.getKey(), e.getValue(), share(e.getValue(), gross))).toList();
        FrontierUnit region = walk.region();
        Difference difference = region.accountId() == null ? null
                : new Difference(region.official().gep(), gep, region.official().gep().subtract(gep),
                categories.stream().map(cs -> new CategorySum(cs.category(), region.category(cs.category()).subtract(cs.value()), null)).toList());
        List<String> missing = children.stream().filter(f -> f.source() == Source.MISSING).map(ChildFigure::code).toList();
        int uncovered = children.stream().mapToInt(ChildFigure::uncoveredUnits).sum();
        return new ChildrenSum(region.code(), region.name(), year, method, "CHILDREN", gep, categories, indicators, byEcosystem,
                children, missing, uncovered, difference);
    }

    private static BigDecimal per(BigDecimal value, BigDecimal divisor) {
        return value == null || divisor == null || divisor.signum() == 0 ? null : value.divide(divisor, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
