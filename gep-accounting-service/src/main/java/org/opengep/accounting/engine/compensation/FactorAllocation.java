package org.opengep.accounting.engine.compensation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;

/**
 * Shares a whole-元 amount among regions by weighted factors, the form of both compensation schemes:
 * <pre>
 *   s_i = Σ_f w_f · x_f,i / Σ_k x_f,k                         (base share; the weights add up to 1)
 *   a_i = s_i · (1 + κ · clip(g_i, −g_max, g_max))             (optional reward or deduction for comparable GEP growth g)
 *   T_i = F · a_i / Σ_k a_k, rounded to 元 by largest remainder  (the amounts add up to F exactly)
 * </pre>
 * A horizontal (beneficiary-pays) split is the case of one factor, the payers' measure, with weight 1 and no
 * adjustment: P_j = C · W_j / Σ_k W_k.
 */
public final class FactorAllocation {

    /** Enough digits that a share times a fund of 10¹⁴ 元 is exact to far below a fen. */
    private static final MathContext PRECISION = MathContext.DECIMAL128;
    /** The digits of a share in the answer, and in the explanation's words. */
    private static final int SHARE_DIGITS = 12;
    private static final int SHOWN = 6;

    private FactorAllocation() {}

    /** One factor's value for a region and where it comes from. */
    public record FactorValue(BigDecimal value, String source) {}

    /** A factor of the formula: its weight, unit and the value of every region. */
    public record Factor(String name, BigDecimal weight, String unit, Map<String, FactorValue> values) {}

    /** The reward or deduction for growth: factor 1 + κ · clip(g, −cap, cap). */
    public record GrowthAdjustment(BigDecimal coefficient, BigDecimal cap) {}

    /** A factor's part in a region's share (the shares shown to 12 decimals; the amounts are computed with 34 digits). */
    public record FactorTerm(String factor, BigDecimal value, String unit, String source, BigDecimal factorTotal, BigDecimal factorShare,
            BigDecimal weight, BigDecimal weightedShare) {}

    /**
     * One region's result: every factor term, the base share, the growth adjustment when there is one, its final share
     * and the amount before and after rounding, with the arithmetic in words.
     */
    public record RegionAmount(String regionCode, List<FactorTerm> factors, BigDecimal baseShare, BigDecimal growth,
            BigDecimal appliedGrowth, BigDecimal adjustmentFactor, BigDecimal share, BigDecimal exactAmount, BigDecimal amount,
            String arithmetic) {}

    public record Result(BigDecimal total, List<RegionAmount> regions) {}

    /**
     * @param total the whole-元 amount to share
     * @param regions the regions in the order of the answer (and of ties in rounding)
     * @param growth each region's comparable-price GEP growth, read only with an adjustment
     */
    public static Result allocate(BigDecimal total, List<String> regions, List<Factor> factors, GrowthAdjustment adjustment,
            Map<String, BigDecimal> growth) {
        check(total, regions, factors, adjustment, growth);
        Map<String, BigDecimal> factorTotals = new LinkedHashMap<>();
        for (Factor f : factors) {
            factorTotals.put(f.name(), regions.stream().map(r -> f.values().get(r).value()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        List<List<FactorTerm>> terms = new ArrayList<>();
        List<BigDecimal> base = new ArrayList<>();
        List<BigDecimal> adjusted = new ArrayList<>();
        BigDecimal adjustedSum = BigDecimal.ZERO;
        for (String region : regions) {
            List<FactorTerm> regionTerms = new ArrayList<>();
            BigDecimal share = BigDecimal.ZERO;
            for (Factor f : factors) {
                FactorValue x = f.values().get(region);
                BigDecimal factorShare = x.value().divide(factorTotals.get(f.name()), PRECISION);
                BigDecimal weighted = f.weight().multiply(factorShare, PRECISION);
                share = share.add(weighted, PRECISION);
                regionTerms.add(new FactorTerm(f.name(), x.value(), f.unit(), x.source(), factorTotals.get(f.name()), shown(factorShare), f.weight(),
                        shown(weighted)));
            }
            BigDecimal a = adjustment == null ? share : share.multiply(adjustmentFactor(adjustment, growth.get(region)), PRECISION);
            terms.add(regionTerms);
            base.add(share);
            adjusted.add(a);
            adjustedSum = adjustedSum.add(a, PRECISION);
        }
        if (adjustedSum.signum() == 0) {
            throw new InvalidInputException(List.of(new InputError("growthAdjustment",
                    "every region's adjusted share is zero: the growth deduction takes all; lower the coefficient or the cap")));
        }
        Map<String, BigDecimal> exact = new LinkedHashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            exact.put(regions.get(i), total.multiply(adjusted.get(i), PRECISION).divide(adjustedSum, PRECISION));
        }
        Map<String, BigDecimal> rounded = LargestRemainder.round(total, exact);
        List<RegionAmount> result = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            BigDecimal g = adjustment == null ? null : growth.get(region);
            BigDecimal applied = g == null ? null : clip(g, adjustment.cap());
            BigDecimal factor = adjustment == null ? null : adjustmentFactor(adjustment, g);
            BigDecimal share = adjusted.get(i).divide(adjustedSum, PRECISION);
            result.add(new RegionAmount(region, terms.get(i), shown(base.get(i)), g, applied, factor == null ? null : shown(factor),
                    shown(share), exact.get(region).setScale(2, RoundingMode.HALF_UP), rounded.get(region),
                    arithmetic(terms.get(i), base.get(i), adjustment, applied, factor, share, total, exact.get(region), rounded.get(region))));
        }
        return new Result(total, result);
    }

    private static void check(BigDecimal total, List<String> regions, List<Factor> factors, GrowthAdjustment adjustment,
            Map<String, BigDecimal> growth) {
        Errors errors = new Errors();
        if (total == null || total.signum() < 0 || total.stripTrailingZeros().scale() > 0) {
            errors.add("amount", "a whole, non-negative number of 元 is required (the amounts are rounded to 元 and add up to it)");
        }
        if (regions.isEmpty()) {
            errors.add("regions", "no region to allocate to");
        }
        if (factors.isEmpty()) {
            errors.add("factors", "at least one factor is required");
        }
        BigDecimal weights = BigDecimal.ZERO;
        for (int i = 0; i < factors.size(); i++) {
            Factor f = factors.get(i);
            if (f.weight() == null || f.weight().signum() <= 0) {
                errors.add("factors[" + i + "].weight", "a positive weight is required");
            } else {
                weights = weights.add(f.weight());
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (String region : regions) {
                FactorValue x = f.values().get(region);
                if (x == null || x.value() == null) {
                    errors.add("factors[" + i + "]", f.name() + " has no value for region " + region);
                } else if (x.value().signum() < 0) {
                    errors.add("factors[" + i + "]", f.name() + " of region " + region + " is negative (" + x.value().toPlainString() + ")");
                } else {
                    sum = sum.add(x.value());
                }
            }
            if (!regions.isEmpty() && sum.signum() == 0) {
                errors.add("factors[" + i + "]", f.name() + " is zero for every region: it cannot share anything");
            }
        }
        if (!factors.isEmpty() && weights.compareTo(BigDecimal.ONE) != 0 && errors.size() == 0) {
            errors.add("factors", "the weights add up to " + weights.toPlainString() + ", not to 1");
        }
        if (adjustment != null) {
            if (adjustment.coefficient() == null || adjustment.coefficient().signum() < 0) {
                errors.add("growthAdjustment.coefficient", "a non-negative coefficient κ is required");
            }
            if (adjustment.cap() == null || adjustment.cap().signum() < 0 || adjustment.cap().compareTo(BigDecimal.ONE) > 0) {
                errors.add("growthAdjustment.cap", "a cap g_max between 0 and 1 is required");
            }
            regions.stream().filter(r -> growth.get(r) == null)
                    .forEach(r -> errors.add("growthAdjustment", "no comparable-price GEP growth for region " + r));
        }
        errors.throwIfAny();
    }

    private static BigDecimal adjustmentFactor(GrowthAdjustment adjustment, BigDecimal growth) {
        return BigDecimal.ONE.add(adjustment.coefficient().multiply(clip(growth, adjustment.cap()), PRECISION));
    }

    private static BigDecimal clip(BigDecimal growth, BigDecimal cap) {
        return growth.max(cap.negate()).min(cap);
    }

    private static BigDecimal shown(BigDecimal value) {
        return value.setScale(SHARE_DIGITS, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String arithmetic(List<FactorTerm> terms, BigDecimal base, GrowthAdjustment adjustment, BigDecimal applied,
            BigDecimal factor, BigDecimal share, BigDecimal total, BigDecimal exact, BigDecimal rounded) {
        StringBuilder text = new StringBuilder("base share = ");
        for (int i = 0; i < terms.size(); i++) {
            FactorTerm t = terms.get(i);
            text.append(i == 0 ? "" : " + ").append(plain(t.weight())).append(" × ").append(t.value().toPlainString()).append(" / ")
                    .append(t.factorTotal().toPlainString()).append(" (").append(t.factor()).append(")");
        }
        text.append(" = ").append(round(base));
        if (adjustment != null) {
            text.append("; growth adjustment 1 + ").append(plain(adjustment.coefficient())).append(" × ").append(round(applied))
                    .append(" = ").append(round(factor));
        }
        text.append("; share after renormalising = ").append(round(share)).append("; ").append(total.toPlainString()).append(" 元 × share = ")
                .append(exact.setScale(2, RoundingMode.HALF_UP).toPlainString()).append(" 元, rounded to ").append(rounded.toPlainString())
                .append(" 元 (largest remainder)");
        return text.toString();
    }

    private static String round(BigDecimal value) {
        return value.setScale(SHOWN, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
