package org.opengep.registry.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.common.rights.RightType;

/**
 * What a holder's registered rights and its compensation income support as credit under a lender's policy (GEP贷):
 * <pre>
 *   limit = min( Σ LTV_r · V_b  +  m · yearly compensation income ,  α · Σ official GEP of the regions ,  maximum )
 * </pre>
 * over the holder's available (pledgeable) blocks b of right type r, each valued V_b = quantity × unit value (the last
 * close at the trading centre, else the product's valuation from GEP); α caps credit at a share of the GEP of the
 * regions its products (and its compensation) come from. Units already pledged support nothing more and are listed.
 * Every term carries its source; the limit is rounded down to 元.
 */
public final class CreditCapacity {

    private CreditCapacity() {}

    /** A lender's policy version. */
    public record Policy(Map<RightType, BigDecimal> loanToValue, BigDecimal compensationMultiple, BigDecimal gepCapShare,
            BigDecimal maxAmount, int termYears) {}

    /**
     * One block the holder holds: pledgeable when available, already pledged when {@code pledgeId} is set.
     *
     * @param unitValue 元 per unit of the right, or null when neither a close nor a valuation is known
     */
    public record Block(String first, String last, BigDecimal quantity, String unit, RightType rightType, UUID productId,
            String regionCode, UUID pledgeId, BigDecimal unitValue, String valueSource) {}

    /** A region's official GEP that the cap is a share of. */
    public record RegionGep(String regionCode, BigDecimal gep, int year, String source) {}

    /** The holder's yearly compensation income (the latest year's published receipts). */
    public record Income(BigDecimal amount, Integer year, String source) {}

    public record CollateralTerm(String first, String last, BigDecimal quantity, String unit, RightType rightType, UUID productId,
            String regionCode, BigDecimal unitValue, BigDecimal value, BigDecimal loanToValue, BigDecimal lendable, String valueSource,
            String note) {}

    public record PledgedBlock(String first, String last, BigDecimal quantity, String unit, RightType rightType, UUID pledgeId,
            BigDecimal value, String valueSource) {}

    public record CompensationTerm(BigDecimal yearlyIncome, Integer year, BigDecimal multiple, BigDecimal lendable, String source) {}

    public record CapTerm(String regionCode, BigDecimal gep, int year, BigDecimal share, BigDecimal cap, String source) {}

    public enum Binding {
        /** the collateral and compensation income */
        SECURITY,
        /** the share of the regions' GEP */
        GEP_CAP,
        /** the policy's maximum per borrower */
        POLICY_MAXIMUM
    }

    public record Result(List<CollateralTerm> collateral, List<PledgedBlock> alreadyPledged, BigDecimal collateralLendable,
            CompensationTerm compensation, BigDecimal secured, List<CapTerm> gepCap, BigDecimal cap, BigDecimal maxAmount,
            BigDecimal limit, Binding binding, int termYears, String arithmetic) {}

    public static Result of(Policy policy, List<Block> blocks, Income income, List<RegionGep> regions) {
        List<CollateralTerm> collateral = new ArrayList<>();
        List<PledgedBlock> pledged = new ArrayList<>();
        BigDecimal lendable = BigDecimal.ZERO;
        for (Block b : blocks) {
            BigDecimal value = b.unitValue() == null ? null : b.quantity().multiply(b.unitValue()).setScale(2, RoundingMode.HALF_UP);
            if (b.pledgeId() != null) {
                pledged.add(new PledgedBlock(b.first(), b.last(), b.quantity(), b.unit(), b.rightType(), b.pledgeId(), value, b.valueSource()));
                continue;
            }
            BigDecimal ltv = policy.loanToValue().get(b.rightType());
            String note = null;
            BigDecimal term = BigDecimal.ZERO;
            if (value == null) {
                note = "not valued: no close at the trading centre and no valuation from GEP";
            } else if (ltv == null || ltv.signum() == 0) {
                note = "the policy lends nothing against " + b.rightType();
            } else {
                term = value.multiply(ltv).setScale(2, RoundingMode.HALF_UP);
            }
            lendable = lendable.add(term);
            collateral.add(new CollateralTerm(b.first(), b.last(), b.quantity(), b.unit(), b.rightType(), b.productId(), b.regionCode(),
                    b.unitValue(), value, ltv, term, b.valueSource(), note));
        }
        CompensationTerm compensation = null;
        BigDecimal secured = lendable;
        if (income != null && income.amount() != null && income.amount().signum() > 0) {
            BigDecimal c = income.amount().multiply(policy.compensationMultiple()).setScale(2, RoundingMode.HALF_UP);
            compensation = new CompensationTerm(income.amount(), income.year(), policy.compensationMultiple(), c, income.source());
            secured = secured.add(c);
        }
        List<CapTerm> caps = new ArrayList<>();
        BigDecimal cap = BigDecimal.ZERO;
        for (RegionGep r : regions) {
            BigDecimal c = r.gep().multiply(policy.gepCapShare()).setScale(2, RoundingMode.HALF_UP);
            caps.add(new CapTerm(r.regionCode(), r.gep(), r.year(), policy.gepCapShare(), c, r.source()));
            cap = cap.add(c);
        }
        BigDecimal limit = secured;
        Binding binding = Binding.SECURITY;
        if (cap.compareTo(limit) < 0) {
            limit = cap;
            binding = Binding.GEP_CAP;
        }
        if (policy.maxAmount() != null && policy.maxAmount().compareTo(limit) < 0) {
            limit = policy.maxAmount();
            binding = Binding.POLICY_MAXIMUM;
        }
        limit = limit.setScale(0, RoundingMode.FLOOR);
        String arithmetic = "min(" + lendable.toPlainString() + " (Σ LTV × value of " + collateral.size() + " available block(s))"
                + (compensation == null ? "" : " + " + compensation.lendable().toPlainString() + " (" + plain(policy.compensationMultiple())
                        + " × yearly compensation " + income.amount().toPlainString() + ")")
                + ", " + cap.toPlainString() + " (" + plain(policy.gepCapShare()) + " × GEP of " + caps.size() + " region(s))"
                + (policy.maxAmount() == null ? "" : ", " + policy.maxAmount().toPlainString() + " (policy maximum)") + ") = "
                + limit.toPlainString() + " 元, for up to " + policy.termYears() + " years";
        return new Result(collateral, pledged, lendable, compensation, secured, caps, cap, policy.maxAmount(), limit, binding,
                policy.termYears(), arithmetic);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
