package org.opengep.accounting.engine.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rounds exact amounts to whole 元 so that they add up to a whole-元 total (the largest-remainder, or Hamilton,
 * method): every amount is rounded down, then the 元 still missing go one each to the largest fractional parts,
 * ties by the order of the keys. The totals of published transfers must add up to the fund exactly.
 */
public final class LargestRemainder {

    private LargestRemainder() {}

    /** @param exact the amounts, non-negative, whose sum is {@code total} up to rounding; keys in the order that breaks ties */
    public static Map<String, BigDecimal> round(BigDecimal total, Map<String, BigDecimal> exact) {
        if (total.signum() < 0 || total.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("the total must be a whole, non-negative number of 元: " + total);
        }
        Map<String, BigDecimal> rounded = new LinkedHashMap<>();
        BigDecimal floorSum = BigDecimal.ZERO;
        List<Map.Entry<String, BigDecimal>> remainders = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : exact.entrySet()) {
            BigDecimal floor = e.getValue().setScale(0, RoundingMode.FLOOR);
            rounded.put(e.getKey(), floor);
            floorSum = floorSum.add(floor);
            remainders.add(Map.entry(e.getKey(), e.getValue().subtract(floor)));
        }
        int missing = total.subtract(floorSum).intValueExact();
        if (missing < 0 || missing > exact.size()) {
            throw new IllegalArgumentException("the exact amounts add up to " + floorSum + "+ 元, not to " + total);
        }
        // a stable sort keeps the keys' order among equal remainders
        remainders.sort(Comparator.comparing((Map.Entry<String, BigDecimal> e) -> e.getValue()).reversed());
        for (int i = 0; i < missing; i++) {
            rounded.merge(remainders.get(i).getKey(), BigDecimal.ONE, BigDecimal::add);
        }
        return rounded;
    }
}
