package org.opengep.accounting.engine.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opengep.common.problem.Errors;

/**
 * The amount of a beneficiary-pays scheme derived from the provider's GEP: C = share × Σ V_i over the services
 * that flow to the payers (water conservation, water purification, flood regulation), rounded to 元.
 */
public final class HorizontalAmount {

    private HorizontalAmount() {}

    public record IndicatorValue(String indicator, BigDecimal value) {}

    /** @param indicators the provider's official values of the named indicators; share the part the payers pay */
    public record Derivation(List<IndicatorValue> indicators, BigDecimal sum, BigDecimal share, BigDecimal amount, String source, String arithmetic) {}

    /** @param source where the values come from (the provider's official account) */
    public static Derivation fromGep(Map<String, BigDecimal> indicatorValues, BigDecimal share, String source) {
        Errors errors = new Errors();
        if (indicatorValues.isEmpty()) {
            errors.add("gepIndicators", "at least one indicator whose value flows to the payers is required");
        }
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            errors.add("gepShare", "a share greater than 0 and at most 1 is required");
        }
        errors.throwIfAny();
        List<IndicatorValue> terms = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : indicatorValues.entrySet()) {
            terms.add(new IndicatorValue(e.getKey(), e.getValue()));
            sum = sum.add(e.getValue());
        }
        BigDecimal amount = sum.multiply(share).setScale(0, RoundingMode.HALF_UP);
        String arithmetic = share.stripTrailingZeros().toPlainString() + " × (" + String.join(" + ",
                terms.stream().map(t -> t.value().toPlainString() + " " + t.indicator()).toList()) + ") = "
                + sum.multiply(share).setScale(2, RoundingMode.HALF_UP).toPlainString() + " 元, rounded to " + amount.toPlainString() + " 元";
        return new Derivation(terms, sum, share, amount, source, arithmetic);
    }
}
