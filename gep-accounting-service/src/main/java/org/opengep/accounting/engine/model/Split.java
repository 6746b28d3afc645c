package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengep.accounting.engine.unit.Unit;

/**
 * An amount in a canonical unit with, where the formula works per ecosystem type, its parts by type
 * (which then add up to the total).
 */
public record Split(BigDecimal total, Map<String, BigDecimal> byEcosystem) {

    public static Split of(BigDecimal total) {
        return new Split(total, Map.of());
    }

    public static Split ofParts(Map<String, BigDecimal> parts) {
        BigDecimal total = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Split(total, Collections.unmodifiableMap(new LinkedHashMap<>(parts)));
    }

    /** Every part multiplied by the same factor (all valuations here are linear in the quantity). */
    public Split times(BigDecimal factor) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        byEcosystem.forEach((type, v) -> parts.put(type, v.multiply(factor, Unit.MC)));
        return new Split(total.multiply(factor, Unit.MC), parts);
    }

    /** Scales the parts so that they add up to {@code newTotal} (used by demand caps). */
    public Split scaledTo(BigDecimal newTotal) {
        if (total.signum() == 0) {
            return Split.of(newTotal);
        }
        return times(newTotal.divide(total, Unit.MC));
    }
}
