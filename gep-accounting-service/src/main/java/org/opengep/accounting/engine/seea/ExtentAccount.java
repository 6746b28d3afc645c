package org.opengep.accounting.engine.seea;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The SEEA EA ecosystem extent account between two years, in km²: per ecosystem type the opening extent, additions,
 * reductions, net change and closing extent. With a change matrix (the area that went from each type to each other
 * type) additions and reductions are gross: what other types became this type, and what this type became; without
 * one, only the net change is known, and it is shown as an addition or a reduction.
 */
public final class ExtentAccount {

    /** Row and column sums of a change matrix may differ from the accounts' extents by rounding, at most this (km²). */
    public static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private ExtentAccount() {}

    @Schema(name = "ExtentAccountRow")
    public record Row(String ecosystemType, BigDecimal opening, BigDecimal additions, BigDecimal reductions, BigDecimal netChange,
            BigDecimal closing) {}

    /** Area (km²) that was of type {@code from} at the opening and of type {@code to} at the closing. */
    public record Change(String from, String to, BigDecimal areaKm2) {}

    /** @param gross whether additions and reductions come from a change matrix (else they are the net change) */
    public record Result(List<Row> rows, Row total, boolean gross) {}

    public static Result of(Map<String, BigDecimal> opening, Map<String, BigDecimal> closing, List<Change> matrix) {
        Set<String> types = new LinkedHashSet<>(opening.keySet());
        types.addAll(closing.keySet());
        List<Row> rows = new ArrayList<>();
        BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (String type : types) {
            BigDecimal open = opening.getOrDefault(type, BigDecimal.ZERO);
            BigDecimal close = closing.getOrDefault(type, BigDecimal.ZERO);
            BigDecimal net = close.subtract(open);
            BigDecimal additions;
            BigDecimal reductions;
            if (matrix != null) {
                additions = matrix.stream().filter(c -> c.to().equals(type) && !c.from().equals(type)).map(Change::areaKm2)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                reductions = matrix.stream().filter(c -> c.from().equals(type) && !c.to().equals(type)).map(Change::areaKm2)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
            } else {
                additions = net.max(BigDecimal.ZERO);
                reductions = net.negate().max(BigDecimal.ZERO);
            }
            rows.add(new Row(type, open, additions, reductions, net, close));
            total[0] = total[0].add(open);
            total[1] = total[1].add(additions);
            total[2] = total[2].add(reductions);
            total[3] = total[3].add(close);
        }
        return new Result(rows, new Row("TOTAL", total[0], total[1], total[2], total[3].subtract(total[0]), total[3]), matrix != null);
    }

    /**
     * What makes a change matrix disagree with the two years' extents: a negative area, a type that one year does not
     * have, or a type whose row (what it became) does not add up to its opening extent or whose column (what became it)
     * does not add up to its closing extent. Empty when it agrees.
     */
    public static List<String> disagreements(Map<String, BigDecimal> opening, Map<String, BigDecimal> closing, List<Change> matrix) {
        List<String> problems = new ArrayList<>();
        Map<String, BigDecimal> rowSums = new LinkedHashMap<>();
        Map<String, BigDecimal> columnSums = new LinkedHashMap<>();
        for (Change c : matrix) {
            if (c.areaKm2().signum() < 0) {
                problems.add(c.from() + " -> " + c.to() + ": negative area " + c.areaKm2().toPlainString());
            }
            rowSums.merge(c.from(), c.areaKm2(), BigDecimal::add);
            columnSums.merge(c.to(), c.areaKm2(), BigDecimal::add);
        }
        compare("opening", opening, rowSums, "what it became", problems);
        compare("closing", closing, columnSums, "what became it", problems);
        return problems;
    }

    private static void compare(String year, Map<String, BigDecimal> extent, Map<String, BigDecimal> sums, String what, List<String> problems) {
        Set<String> types = new LinkedHashSet<>(extent.keySet());
        types.addAll(sums.keySet());
        for (String type : types) {
            BigDecimal expected = extent.getOrDefault(type, BigDecimal.ZERO);
            BigDecimal sum = sums.getOrDefault(type, BigDecimal.ZERO);
            if (expected.subtract(sum).abs().compareTo(TOLERANCE) > 0) {
                problems.add(type + ": " + what + " adds up to " + sum.toPlainString() + " km², the " + year + " extent is "
                        + expected.toPlainString() + " km²");
            }
        }
    }
}
