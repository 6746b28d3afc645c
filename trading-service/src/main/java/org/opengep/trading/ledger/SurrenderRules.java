package org.opengep.trading.ledger;

import java.math.BigDecimal;
import java.util.List;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.RightType;

/**
 * A compliance surrender (清缴): allowances, and CCER up to a share of the obligation (5 % in the national market),
 * that together meet the obligation exactly.
 */
public final class SurrenderRules {

    /** One part: units of an allowance or CCER instrument. */
    public record Part(Instrument instrument, long units) {}

    private SurrenderRules() {}

    /** Adds to {@code errors} what keeps the parts from meeting the obligation. */
    public static void check(Errors errors, long obligation, List<Part> parts, BigDecimal ccerShare) {
        long total = parts.stream().mapToLong(Part::units).sum();
        long ccer = parts.stream().filter(p -> p.instrument().rightType() == RightType.CCER).mapToLong(Part::units).sum();
        if (total != obligation) {
            errors.add("parts", "add up to " + total + " tCO2e, not the obligation of " + obligation);
        }
        if (BigDecimal.valueOf(ccer).compareTo(ccerShare.multiply(BigDecimal.valueOf(obligation))) > 0) {
            errors.add("parts", "CCER covers " + ccer + " tCO2e, more than " + ccerShare.movePointRight(2).stripTrailingZeros().toPlainString()
                    + " % of the obligation");
        }
    }

    /** Whether a right type may be surrendered. */
    public static boolean surrenderable(RightType type) {
        return type == RightType.CARBON_ALLOWANCE || type == RightType.CCER;
    }
}
