package org.opengep.accounting.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengep.accounting.engine.catalogue.Category;

/**
 * The official figures of one year and method version over the whole region tree, read at once, and the walk that a sum
 * up the tree makes over them: below a region, each child counts with its own official figure when it has one, else the
 * walk goes on into the child's children. Custom units (reserves, parcels...) are parts of their parent, not a partition
 * of it: a walk starts at one but never goes into one. Facts in, a walk out: no database.
 */
final class TreeFigures {

    /** A region as a walk needs it; {@code validInYear}: its code stood for it in the figures' year. */
    record Node(String code, String parentCode, String name, BigDecimal areaKm2, boolean developmentZone, boolean custom,
            boolean validInYear) {}

    /** A region's official account: the figures a sum takes from it. */
    record Official(UUID accountId, BigDecimal gep, BigDecimal provisioning, BigDecimal regulating, BigDecimal cultural,
            BigDecimal areaKm2, Long population, BigDecimal gdp) {}

    /** One official value of an account (or a sum of them): an indicator's value of an ecosystem type. */
    record Value(String indicator, Category category, String ecosystemType, BigDecimal value) {}

    /**
     * A unit of the frontier below a region (or the region's own row): the child it belongs to ({@code root}), and its
     * official account's figures if it has one.
     */
    record FrontierUnit(String root, String code, Official official, String name, BigDecimal regionAreaKm2,
            boolean developmentZone, boolean validInYear, boolean hasChildren) {

        UUID accountId() {
            return official == null ? null : official.accountId();
        }

        /** The official figure's total of a category. */
        BigDecimal category(Category category) {
            return switch (category) {
                case PROVISIONING -> official.provisioning();
                case REGULATING -> official.regulating();
                case CULTURAL -> official.cultural();
            };
        }

        boolean isChild() {
            return code.equals(root);
        }

        /** A unit at the bottom of the tree without a figure that should have one. */
        boolean uncovered() {
            return official == null && !hasChildren && !developmentZone && validInYear;
        }
    }

    /** What a sum walks for a region: its own row, the frontier below it, and the frontier's values summed. */
    record Walk(FrontierUnit region, List<FrontierUnit> frontier, List<Value> values) {}

    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, List<Node>> children = new HashMap<>();
    private final Map<String, Official> officials;
    private final Map<UUID, List<Value>> values;

    /**
     * @param officials the official account of each region that has one, by region code
     * @param values the values of those accounts, by account (only administrative regions' are ever summed)
     */
    TreeFigures(Collection<Node> regions, Map<String, Official> officials, Map<UUID, List<Value>> values) {
        for (Node node : regions) {
            nodes.put(node.code(), node);
            if (!node.custom() && node.parentCode() != null) {
                children.computeIfAbsent(node.parentCode(), k -> new ArrayList<>()).add(node);
            }
        }
        this.officials = officials;
        this.values = values;
    }

    /** The walk below a region, with the frontier's values summed when asked for; empty when there is no such region. */
    Optional<Walk> walk(String code, boolean withValues) {
        Node region = nodes.get(code);
        if (region == null) {
            return Optional.empty();
        }
        List<FrontierUnit> frontier = new ArrayList<>();
        for (Node child : children.getOrDefault(code, List.of())) {
            descend(child, child.code(), frontier);
        }
        return Optional.of(new Walk(unit(region, region.code()), frontier, withValues ? valuesOf(frontier) : List.of()));
    }

    /** The unit and, while it has no official figure, every administrative region below it. */
    private void descend(Node node, String root, List<FrontierUnit> frontier) {
        FrontierUnit unit = unit(node, root);
        frontier.add(unit);
        if (unit.official() == null) {
            for (Node child : children.getOrDefault(node.code(), List.of())) {
                descend(child, root, frontier);
            }
        }
    }

    private FrontierUnit unit(Node node, String root) {
        return new FrontierUnit(root, node.code(), officials.get(node.code()), node.name(), node.areaKm2(), node.developmentZone(),
                node.validInYear(), children.containsKey(node.code()));
    }

    /** The official values of the frontier's figures summed by indicator, category and ecosystem type. */
    private List<Value> valuesOf(List<FrontierUnit> frontier) {
        record Key(String indicator, Category category, String ecosystemType) {}
        Map<Key, BigDecimal> sums = new LinkedHashMap<>();
        for (FrontierUnit unit : frontier) {
            if (unit.official() != null) {
                for (Value v : values.getOrDefault(unit.accountId(), List.of())) {
                    sums.merge(new Key(v.indicator(), v.category(), v.ecosystemType()), v.value(), BigDecimal::add);
                }
            }
        }
        List<Value> summed = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> summed.add(new Value(k.indicator(), k.category(), k.ecosystemType(), v)));
        return summed;
    }
}
