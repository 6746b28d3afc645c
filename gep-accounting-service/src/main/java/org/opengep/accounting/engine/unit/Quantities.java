package org.opengep.accounting.engine.unit;

import java.math.BigDecimal;
import java.util.Optional;
import org.opengep.accounting.engine.account.Amount;
import org.opengep.common.problem.Errors;

/** Checks a user-supplied amount against the unit a field expects and converts it. */
public final class Quantities {

    private Quantities() {}

    /**
     * The amount expressed in {@code expected}; an error is recorded (and empty returned) when the
     * amount has no value, an unknown unit, or a unit of another dimension.
     */
    public static Optional<BigDecimal> convert(Amount amount, Unit expected, String field, Errors errors) {
        if (amount == null || amount.value() == null) {
            errors.add(field, "a value is required");
            return Optional.empty();
        }
        String written = amount.unit() == null ? "" : amount.unit();
        Optional<Unit> unit = Unit.parse(written);
        if (unit.isEmpty()) {
            errors.add(field, "unknown unit '" + written + "'; expected a unit of " + expected.dimension()
                    + " such as " + expected.symbol());
            return Optional.empty();
        }
        if (!unit.get().sameDimension(expected)) {
            errors.add(field, "unit '" + written + "' measures " + unit.get().dimension() + " but this field needs "
                    + expected.dimension() + " (e.g. " + expected.symbol() + ")");
            return Optional.empty();
        }
        return Optional.of(unit.get().convert(amount.value(), expected));
    }
}
