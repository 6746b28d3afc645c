package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.opengep.accounting.engine.catalogue.Category;

/**
 * Compares a stored account with the same account computed again from its stored inputs: every value line (value,
 * quantity and unit price), the indicator and category totals, the deductions and the headline figures of the stored
 * document, and the figures the database keeps beside it (the total columns and the value rows that sums up the
 * region tree read). Pure: the stored facts and the recomputed result in, each check and each difference out.
 */
public final class AccountComparison {

    /** One value line of the account, stored and recomputed. {@code null} on one side: the line exists only on the other. */
    public record LineCheck(String indicator, String line, BigDecimal stored, BigDecimal recomputed, boolean matches) {}

    /** One figure that differs: where it is, what is stored and what the inputs give. */
    public record Difference(String where, String stored, String recomputed) {}

    /** What the database holds of an account besides its document. */
    public record StoredColumns(BigDecimal gep, BigDecimal provisioning, BigDecimal regulating, BigDecimal cultural,
            Map<ValueRow, BigDecimal> values) {}

    public record Outcome(List<LineCheck> lines, List<Difference> differences) {

        public boolean matches() {
            return differences.isEmpty();
        }
    }

    private AccountComparison() {}

    public static Outcome compare(GepResult stored, StoredColumns columns, GepResult recomputed) {
        List<Difference> differences = new ArrayList<>();
        List<LineCheck> lines = lines(stored, recomputed, differences);
        Map<String, IndicatorResult> storedIndicators = byCode(stored.indicators(), IndicatorResult::code);
        Map<String, IndicatorResult> recomputedIndicators = byCode(recomputed.indicators(), IndicatorResult::code);
        for (String code : union(storedIndicators.keySet(), recomputedIndicators.keySet())) {
            figure(differences, "indicators." + code + ".value", value(storedIndicators.get(code)), value(recomputedIndicators.get(code)));
        }
        for (Category category : Category.values()) {
            figure(differences, "categories." + category, categoryTotal(stored, category), categoryTotal(recomputed, category));
        }
        figure(differences, "deductions", deductions(stored), deductions(recomputed));
        figure(differences, "gep", stored.gep(), recomputed.gep());
        figure(differences, "areaKm2", stored.areaKm2(), recomputed.areaKm2());
        figure(differences, "gepPerKm2", stored.gepPerKm2(), recomputed.gepPerKm2());
        figure(differences, "gepPerCapita", stored.gepPerCapita(), recomputed.gepPerCapita());
        figure(differences, "gepToGdp", stored.gepToGdp(), recomputed.gepToGdp());
        figure(differences, "column gep", columns.gep(), recomputed.gep());
        figure(differences, "column provisioning", columns.provisioning(), categoryTotal(recomputed, Category.PROVISIONING));
        figure(differences, "column regulating", columns.regulating(), categoryTotal(recomputed, Category.REGULATING));
        figure(differences, "column cultural", columns.cultural(), categoryTotal(recomputed, Category.CULTURAL));
        Map<ValueRow, BigDecimal> rows = ValueRow.of(recomputed);
        for (ValueRow row : union(columns.values().keySet(), rows.keySet())) {
            figure(differences, "value row " + row, columns.values().get(row), rows.get(row));
        }
        return new Outcome(lines, differences);
    }

    private static List<LineCheck> lines(GepResult stored, GepResult recomputed, List<Difference> differences) {
        Map<String, ValueLine> before = lineMap(stored);
        Map<String, ValueLine> again = lineMap(recomputed);
        List<LineCheck> checks = new ArrayList<>();
        for (String key : union(before.keySet(), again.keySet())) {
            ValueLine s = before.get(key);
            ValueLine r = again.get(key);
            String where = "indicators." + key;
            int differencesBefore = differences.size();
            figure(differences, where + ".value", s == null ? null : s.value(), r == null ? null : r.value());
            if (s != null && r != null) {
                figure(differences, where + ".quantity", s.quantity(), r.quantity());
                figure(differences, where + ".unitPrice", s.unitPrice(), r.unitPrice());
                if (!s.valueByEcosystem().equals(r.valueByEcosystem())) {
                    differences.add(new Difference(where + ".valueByEcosystem", s.valueByEcosystem().toString(),
                            r.valueByEcosystem().toString()));
                }
            }
            int slash = key.indexOf(".lines.");
            checks.add(new LineCheck(key.substring(0, slash), key.substring(slash + 7), s == null ? null : s.value(),
                    r == null ? null : r.value(), differences.size() == differencesBefore));
        }
        return checks;
    }

    /** The lines of an account by {@code <indicator>.lines.<line>}. */
    private static Map<String, ValueLine> lineMap(GepResult result) {
        Map<String, ValueLine> lines = new LinkedHashMap<>();
        for (IndicatorResult indicator : result.indicators()) {
            for (ValueLine line : indicator.lines()) {
                lines.put(indicator.code() + ".lines." + line.code(), line);
            }
        }
        return lines;
    }

    private static void figure(List<Difference> differences, String where, BigDecimal stored, BigDecimal recomputed) {
        if (stored == null ? recomputed != null : recomputed == null || stored.compareTo(recomputed) != 0) {
            differences.add(new Difference(where, plain(stored), plain(recomputed)));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal value(IndicatorResult indicator) {
        return indicator == null ? null : indicator.value();
    }

    private static BigDecimal categoryTotal(GepResult result, Category category) {
        return result.categories().stream().filter(c -> c.category() == category).map(GepResult.CategoryTotal::value)
                .filter(Objects::nonNull).findFirst().orElse(BigDecimal.ZERO);
    }

    private static BigDecimal deductions(GepResult result) {
        return result.deductions().stream().map(GepResult.DeductionLine::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(code.apply(i), i));
        return map;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
