package org.opengep.trading.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.RightType;

/**
 * Quantities in the API are decimals in the right's unit; the ledger counts whole units of the right's precision
 * (what one serial number counts): 12.345 t/a of a pollutant right (3 decimals) are 12 345 units.
 */
public final class Units {

    private Units() {}

    /** The units of a quantity that passed {@link #check}. */
    public static long of(BigDecimal quantity, RightType type) {
        Optional<String> problem = check(quantity, type);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return quantity.movePointRight(type.precision()).longValueExact();
    }

    /** What is wrong with a quantity of this right type, if anything. */
    public static Optional<String> check(BigDecimal quantity, RightType type) {
        if (quantity == null) {
            return Optional.of("required");
        }
        if (quantity.signum() <= 0) {
            return Optional.of("must be positive");
        }
        if (quantity.stripTrailingZeros().scale() > type.precision()) {
            return Optional.of(type + " is counted with " + type.precision() + " decimal place(s); " + quantity.toPlainString() + " has more");
        }
        if (quantity.movePointRight(type.precision()).toBigInteger().compareTo(BigInteger.valueOf(Long.MAX_VALUE / 4)) > 0) {
            return Optional.of("too large");
        }
        return Optional.empty();
    }

    /** The units of a request's quantity; 0 with the problem added to {@code errors} under "quantity" (or nothing without a type). */
    public static long from(Errors errors, BigDecimal quantity, RightType type) {
        return from(errors, "quantity", quantity, type);
    }

    /** The units of a request's quantity in {@code field}; 0 with the problem added to {@code errors} (or nothing without a type). */
    public static long from(Errors errors, String field, BigDecimal quantity, RightType type) {
        if (type == null) {
            return 0;
        }
        Optional<String> problem = check(quantity, type);
        problem.ifPresent(p -> errors.add(field, p));
        return problem.isPresent() ? 0 : of(quantity, type);
    }

    public static BigDecimal quantity(long units, RightType type) {
        return BigDecimal.valueOf(units, type.precision());
    }
}
