package org.opengep.accounting.engine.seea;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.problem.Errors;

/**
 * The SEEA EA monetary asset account of a region's ecosystems: each ecosystem type's asset value is the net present
 * value of its service flows, taken as constant over the asset life T at discount rate r:
 * <pre>
 *   V = S · (1 − (1 + r)^−T) / r          (S · T when r = 0)
 * </pre>
 * Between an opening and a closing year the change is split into its causes, per type, with A the annuity factor,
 * S₀ the opening flow, S₁ the closing flow at closing prices, S₁' the closing flow at opening prices, a the extent:
 * <ul>
 *   <li>extent: A · (S₀ / a₀) · (a₁ − a₀), the opening flow per km² on the area gained or lost (all of A · S₁' for a
 *       type with no opening extent; nothing for flows without an extent);</li>
 *   <li>revaluation: A · (S₁ − S₁'), the change of prices;</li>
 *   <li>flows (condition and use): the rest, A · (S₁' − S₀) − extent.</li>
 * </ul>
 * Values are rounded to the fen; the flow change takes the rounding, so that opening + changes = closing exactly.
 */
public final class AssetAccount {

    public static final int MAX_ASSET_LIFE = 1000;

    private AssetAccount() {}

    /** One ecosystem type's extent and flows (元 per year); the extents are null for flows without an area. */
    public record Flow(String ecosystemType, BigDecimal openingExtent, BigDecimal closingExtent, BigDecimal openingFlow,
            BigDecimal closingFlow, BigDecimal closingFlowAtOpeningPrices) {}

    @Schema(name = "AssetValueRow")
    public record Row(String ecosystemType, BigDecimal openingValue, BigDecimal extentChange, BigDecimal flowChange,
            BigDecimal revaluation, BigDecimal closingValue) {}

    public record Result(BigDecimal discountRate, int assetLife, BigDecimal annuityFactor, List<Row> rows, Row total) {}

    /** (1 − (1 + r)^−T) / r, or T when r = 0. */
    public static BigDecimal annuityFactor(BigDecimal rate, int life) {
        if (rate.signum() == 0) {
            return BigDecimal.valueOf(life);
        }
        BigDecimal discount = BigDecimal.ONE.divide(BigDecimal.ONE.add(rate).pow(life, MathContext.DECIMAL128), MathContext.DECIMAL128);
        return BigDecimal.ONE.subtract(discount).divide(rate, MathContext.DECIMAL128);
    }

    public static void check(BigDecimal rate, Integer life, Errors errors) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            errors.add("discountRate", "a discount rate from 0 to below 1 is required (0.03 for 3 %)");
        }
        if (life == null || life < 1 || life > MAX_ASSET_LIFE) {
            errors.add("assetLife", "an asset life of 1 to " + MAX_ASSET_LIFE + " years is required");
        }
    }

    public static Result of(List<Flow> flows, BigDecimal rate, int life) {
        BigDecimal a = annuityFactor(rate, life);
        List<Row> rows = new ArrayList<>();
        BigDecimal[] t = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Flow f : flows) {
            BigDecimal opening = fen(a.multiply(f.openingFlow()));
            BigDecimal closing = fen(a.multiply(f.closingFlow()));
            BigDecimal revaluation = fen(a.multiply(f.closingFlow().subtract(f.closingFlowAtOpeningPrices())));
            BigDecimal extent = fen(extentChange(f, a));
            BigDecimal flow = closing.subtract(opening).subtract(extent).subtract(revaluation);
            rows.add(new Row(f.ecosystemType(), opening, extent, flow, revaluation, closing));
            t[0] = t[0].add(opening);
            t[1] = t[1].add(extent);
            t[2] = t[2].add(flow);
            t[3] = t[3].add(revaluation);
            t[4] = t[4].add(closing);
        }
        return new Result(rate, life, a.setScale(6, RoundingMode.HALF_UP), rows, new Row("TOTAL", t[0], t[1], t[2], t[3], t[4]));
    }

    private static BigDecimal extentChange(Flow f, BigDecimal a) {
        if (f.openingExtent() == null || f.closingExtent() == null) {
            return BigDecimal.ZERO;
        }
        if (f.openingExtent().signum() == 0) {
            return f.closingExtent().signum() > 0 ? a.multiply(f.closingFlowAtOpeningPrices()) : BigDecimal.ZERO;
        }
        BigDecimal perKm2 = f.openingFlow().divide(f.openingExtent(), MathContext.DECIMAL128);
        return a.multiply(perKm2).multiply(f.closingExtent().subtract(f.openingExtent()));
    }

    private static BigDecimal fen(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
