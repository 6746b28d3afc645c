package org.opengep.trading.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The national carbon market's price rule: a listed trade is below the block threshold and within ±listed of the
 * previous close; a block trade is at or above the threshold and within ±block. Other modes, and a market without a
 * previous close, have no limit.
 */
public final class PriceLimits {

    private PriceLimits() {}

    /** What is wrong with the trade's mode, quantity or price, if anything. */
    public static Optional<String> check(String mode, BigDecimal quantity, BigDecimal price, BigDecimal previousClose, BigDecimal listed,
            BigDecimal block, BigDecimal threshold) {
        boolean isBlock = quantity.compareTo(threshold) >= 0;
        if (mode.equals("LISTED") && isBlock) {
            return Optional.of("a listed trade is below " + threshold.toPlainString() + "; larger ones are BLOCK trades");
        }
        if (mode.equals("BLOCK") && !isBlock) {
            return Optional.of("a block trade is at least " + threshold.toPlainString());
        }
        if (!(mode.equals("LISTED") || mode.equals("BLOCK")) || previousClose == null) {
            return Optional.empty();
        }
        BigDecimal band = mode.equals("LISTED") ? listed : block;
        BigDecimal low = previousClose.multiply(BigDecimal.ONE.subtract(band)).setScale(2, RoundingMode.CEILING);
        BigDecimal high = previousClose.multiply(BigDecimal.ONE.add(band)).setScale(2, RoundingMode.FLOOR);
        if (price.compareTo(low) < 0 || price.compareTo(high) > 0) {
            return Optional.of(mode.toLowerCase() + " trades are priced within ±" + band.movePointRight(2).stripTrailingZeros().toPlainString()
                    + " % of the previous close " + previousClose.toPlainString() + ": " + low.toPlainString() + " to " + high.toPlainString());
        }
        return Optional.empty();
    }
}
