package org.opengep.accounting.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.accounting.engine.catalogue.Indicator;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;

/**
 * GEP summed up the region tree from official figures, in SQL. Below a region, each child counts with its
 * own official figure when it has one, else with the sum of its children's (recursively); a unit with
 * neither is uncovered. Custom units (reserves, parcels...) are parts of their parent, not a partition of
 * it, so they never enter a sum. Development zones count where they have figures and are never uncovered; a code
 * counts only in the years it stood for its region.
 */
@ApplicationScoped
public class RegionFigures {

    /**
     * The region (depth 0) and the frontier below it: every administrative descendant reached without passing an official
     * figure, with the child it belongs to (root), its official account's figures if it has one, and what tells whether it
     * is a child to show and an uncovered unit (name, area, development zone, code valid in the year, children). The
     * region's own row carries its own official figure, which does not stop the walk. Each level joins its publications
     * and accounts by index, so a sum costs what its subtree holds, however many years of accounts the tables keep
     * (joining them once to the whole walk made PostgreSQL scan all accounts).
     */
    private static final String WALK = """
            with recursive wanted(year, method) as (select ?::int, ?::varchar),
            walk(depth, root, code, account_id, gep, provisioning, regulating, cultural, area_km2, population, gdp,
                 name, region_area_km2, development_zone, valid, has_children) as (
                select 0, r.code, r.code, p.account_id, a.gep, a.provisioning, a.regulating, a.cultural, a.area_km2, a.population, a.gdp,
                       r.name, r.area_km2, r.development_zone,
                       (r.valid_from is null or r.valid_from <= k.year) and (r.valid_until is null or r.valid_until >= k.year),
                       exists (select 1 from region c where c.parent_code = r.code and not c.custom)
                from wanted k join region r on r.code = ?
                left join gep_publication p on p.region_code = r.code and p.year = k.year and p.method_version = k.method and p.official
                left join gep_account a on a.id = p.account_id
              union all
                select w.depth + 1, case when w.depth = 0 then r.code else w.root end, r.code, p.account_id, a.gep, a.provisioning,
                       a.regulating, a.cultural, a.area_km2, a.population, a.gdp, r.name, r.area_km2, r.development_zone,
                       (r.valid_from is null or r.valid_from <= k.year) and (r.valid_until is null or r.valid_until >= k.year),
                       exists (select 1 from region c where c.parent_code = r.code and not c.custom)
                from walk w cross join wanted k join region r on r.parent_code = w.code and not r.custom
                left join gep_publication p on p.region_code = r.code and p.year = k.year and p.method_version = k.method and p.official
                left join gep_account a on a.id = p.account_id
                where w.depth = 0 or w.account_id is null
            )
            """;

    private static final String WALK_COLUMNS = "depth, root, code, account_id, gep, provisioning, regulating, cultural, area_km2, "
            + "population, gdp, name, region_area_km2, development_zone, valid, has_children";

    private static final String FRONTIER = WALK + "select " + WALK_COLUMNS + " from walk";

    /**
     * The frontier and, in the same statement (one round trip, one snapshot), the frontier's official values summed by
     * indicator, category and ecosystem type: rows with depth null. The accounts are looked up by index as an array:
     * written as a semi-join, PostgreSQL scanned the whole value table for every sum while it held one year (the
     * first national run after a start: 20 ms a prefecture instead of 1).
     */
    private static final String FRONTIER_AND_VALUES = WALK + """
            , value_sum as (
                select indicator, category, ecosystem_type, sum(value) as value from gep_account_value
                where account_id = any(array(select account_id from walk where depth > 0 and account_id is not null))
                group by indicator, category, ecosystem_type
            )
            select %s, null, null, null, null from walk
            union all
            select null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                   indicator, category, ecosystem_type, value from value_sum
            """.formatted(WALK_COLUMNS);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogueService catalogues;

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
     * A unit of the frontier below a parent (or the parent's own row): the child it belongs to, and its official account's
     * figures if it has one.
     */
    private record FrontierUnit(String root, String code, UUID accountId, BigDecimal gep, BigDecimal provisioning,
            BigDecimal regulating, BigDecimal cultural, BigDecimal areaKm2, Long population, BigDecimal gdp, String name,
            BigDecimal regionAreaKm2, boolean developmentZone, boolean validInYear, boolean hasChildren) {

        /** The official figure's total of a category. */
        BigDecimal category(Category category) {
            return switch (category) {
                case PROVISIONING -> provisioning;
                case REGULATING -> regulating;
                case CULTURAL -> cultural;
            };
        }

        boolean isChild() {
            return code.equals(root);
        }

        /** A unit at the bottom of the tree without a figure that should have one. */
        boolean uncovered() {
            return accountId == null && !hasChildren && !developmentZone && validInYear;
        }
    }

    /** One indicator's official values of an ecosystem type summed over a frontier. */
    private record ValueSum(String indicator, Category category, String ecosystemType, BigDecimal value) {}

    /** What one statement reads for a region: its own row, the frontier below it, and the frontier's value sums. */
    private record Walk(FrontierUnit region, List<FrontierUnit> frontier, List<ValueSum> values) {}

    /**
     * The region's own row and the frontier below it, and the frontier's value sums when asked for; empty when there is no
     * such region.
     */
    private Optional<Walk> walk(String code, int year, String method, boolean withValues) {
        List<FrontierUnit> units = new ArrayList<>();
        List<ValueSum> values = new ArrayList<>();
        FrontierUnit region = null;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(withValues ? FRONTIER_AND_VALUES : FRONTIER)) {
            s.setInt(1, year);
            s.setString(2, method);
            s.setString(3, code);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Integer depth = rs.getObject(1, Integer.class);
                    if (depth == null) {
                        values.add(new ValueSum(rs.getString(17), Category.valueOf(rs.getString(18)), rs.getString(19), rs.getBigDecimal(20)));
                        continue;
                    }
                    FrontierUnit unit = new FrontierUnit(rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                            rs.getObject(10, Long.class), rs.getBigDecimal(11), rs.getString(12), rs.getBigDecimal(13),
                            rs.getBoolean(14), rs.getBoolean(15), rs.getBoolean(16));
                    if (depth == 0) {
                        region = unit;
                    } else {
                        units.add(unit);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return region == null ? Optional.empty() : Optional.of(new Walk(region, units, values));
    }

    /**
     * The children of a region, ranked by GEP (missing ones last, unranked); empty when there is no such region. A child
     * whose code did not stand for it in the year, or a development zone, is a child only when something has been
     * accounted for it.
     */
    public Optional<List<ChildFigure>> children(String code, int year, String method) {
        return walk(code, year, method, false).map(w -> children(w.frontier()));
    }

    private static List<ChildFigure> children(List<FrontierUnit> frontier) {
        Map<String, List<FrontierUnit>> byChild = new LinkedHashMap<>();
        frontier.forEach(u -> byChild.computeIfAbsent(u.root(), k -> new ArrayList<>()).add(u));
        List<ChildFigure> result = new ArrayList<>();
        List<FrontierUnit> childrenByCode = frontier.stream().filter(FrontierUnit::isChild)
                .sorted(Comparator.comparing(FrontierUnit::code)).toList();
        for (FrontierUnit child : childrenByCode) {
            List<FrontierUnit> units = byChild.get(child.code());
            List<FrontierUnit> figures = units.stream().filter(u -> u.accountId() != null).toList();
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
            BigDecimal gep = sum(figures, FrontierUnit::gep);
            BigDecimal area = child.regionAreaKm2() != null ? child.regionAreaKm2() : sumIfAll(figures, FrontierUnit::areaKm2);
            BigDecimal populationSum = sumIfAll(figures, u -> u.population() == null ? null : BigDecimal.valueOf(u.population()));
            Long population = populationSum == null ? null : populationSum.longValueExact();
            result.add(new ChildFigure(child.code(), child.name(), source, figures.size(), uncovered, gep,
                    sum(figures, FrontierUnit::provisioning), sum(figures, FrontierUnit::regulating), sum(figures, FrontierUnit::cultural),
                    area, per(gep, area), population, populationSum == null ? null : per(gep, populationSum),
                    sumIfAll(figures, FrontierUnit::gdp), null));
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

    private static BigDecimal sum(List<FrontierUnit> units, Function<FrontierUnit, BigDecimal> f) {
        return units.stream().map(f).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum when every unit has the figure, else unknown (a partial sum would mislead). */
    private static BigDecimal sumIfAll(List<FrontierUnit> units, Function<FrontierUnit, BigDecimal> f) {
        return units.stream().allMatch(u -> f.apply(u) != null) ? sum(units, f) : null;
    }

    /**
     * A region's GEP as the sum of its children's official figures, by indicator, category and ecosystem type; empty when
     * there is no such region. One statement reads it all.
     */
    public Optional<ChildrenSum> sumOfChildren(String code, int year, String method) {
        return walk(code, year, method, true).map(w -> childrenSum(w, year, method));
    }

    private ChildrenSum childrenSum(Walk walk, int year, String method) {
        List<ChildFigure> children = children(walk.frontier());
        Map<String, BigDecimal> byIndicator = new LinkedHashMap<>();
        Map<Category, BigDecimal> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            byCategory.put(category, BigDecimal.ZERO);
        }
        Map<String, BigDecimal> byEcosystem = new LinkedHashMap<>();
        for (ValueSum v : walk.values()) {
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
        Difference difference = region.accountId() == null ? null : new Difference(region.gep(), gep, region.gep().subtract(gep),
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
