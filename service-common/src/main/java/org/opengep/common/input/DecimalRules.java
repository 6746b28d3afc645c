package org.opengep.common.input;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The range and the decimal places a number in a request may have. Every number is below {@link #DEFAULT_LIMIT} in
 * magnitude with at most {@link #DEFAULT_MAX_SCALE} decimal places (so 1e400, 10^40 and 1E-400 are refused, never
 * rounded or overflowed); a field that is stored in a narrower column says so with {@code @Schema(maximum = ...,
 * minimum = ..., multipleOf = ...)}, which both documents and enforces it.
 */
public record DecimalRules(BigDecimal minimum, BigDecimal maximum, boolean exclusiveMaximum, Integer maxScale) {

    public static final BigDecimal DEFAULT_LIMIT = new BigDecimal("1e18");
    public static final int DEFAULT_MAX_SCALE = 34;
    public static final DecimalRules DEFAULT = new DecimalRules(null, null, false, null);

    /** Why {@code value} is not acceptable, or empty when it is. */
    public Optional<String> problem(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.abs().compareTo(DEFAULT_LIMIT) >= 0) {
            return Optional.of("out of range: the magnitude must be below 10^18");
        }
        int scale = Math.max(plain.scale(), 0);
        if (scale > DEFAULT_MAX_SCALE) {
            return Optional.of("too many decimal places: at most " + DEFAULT_MAX_SCALE + " (got " + scale + ")");
        }
        if (maxScale != null && scale > maxScale) {
            return Optional.of("at most " + maxScale + " decimal place(s) (got " + scale + "); it is not rounded");
        }
        if (maximum != null && (exclusiveMaximum ? value.compareTo(maximum) >= 0 : value.compareTo(maximum) > 0)) {
            return Optional.of((exclusiveMaximum ? "below " : "at most ") + maximum.toPlainString());
        }
        if (minimum != null && value.compareTo(minimum) < 0) {
            return Optional.of("at least " + minimum.toPlainString());
        }
        return Optional.empty();
    }

    /**
     * The rules of an OpenAPI {@code multipleOf} (a power of ten: 0.01 means two decimal places), maximum (exclusive or
     * not) and minimum. A maximum is best a power of ten, exclusive: the documents write numbers as doubles.
     */
    public static DecimalRules of(String minimum, String maximum, boolean exclusiveMaximum, double multipleOf) {
        Integer scale = multipleOf > 0 ? Math.max(0, BigDecimal.valueOf(multipleOf).stripTrailingZeros().scale()) : null;
        return new DecimalRules(minimum.isEmpty() ? null : new BigDecimal(minimum), maximum.isEmpty() ? null : new BigDecimal(maximum),
                exclusiveMaximum, scale);
    }
}
