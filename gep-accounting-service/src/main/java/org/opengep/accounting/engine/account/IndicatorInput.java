package org.opengep.accounting.engine.account;

import java.util.List;
import java.util.Map;

/**
 * What a user supplies for one indicator, at one of three levels; the engine takes the deepest given:
 * <ol>
 *   <li>biophysical inputs ({@code parameters}, {@code byEcosystem}, {@code items}), from which the
 *       engine computes the physical quantities with the indicator's formula;</li>
 *   <li>physical quantities computed elsewhere ({@code quantities}, or {@code quantitiesByEcosystem}
 *       to keep the split by ecosystem type), which the engine values;</li>
 *   <li>a value ({@code value}, or {@code values} per sub-item).</li>
 * </ol>
 */
public record IndicatorInput(
        Amount value,
        Map<String, Amount> values,
        Map<String, Amount> quantities,
        Map<String, Map<String, Amount>> quantitiesByEcosystem,
        Map<String, Amount> parameters,
        Map<String, Map<String, Amount>> byEcosystem,
        List<Item> items) {

    public IndicatorInput {
        values = values == null ? Map.of() : values;
        quantities = quantities == null ? Map.of() : quantities;
        quantitiesByEcosystem = quantitiesByEcosystem == null ? Map.of() : quantitiesByEcosystem;
        parameters = parameters == null ? Map.of() : parameters;
        byEcosystem = byEcosystem == null ? Map.of() : byEcosystem;
        items = items == null ? List.of() : items;
    }

    public boolean hasBiophysical() {
        return !parameters.isEmpty() || !byEcosystem.isEmpty() || !items.isEmpty();
    }

    public boolean hasQuantities() {
        return !quantities.isEmpty() || !quantitiesByEcosystem.isEmpty();
    }

    public boolean hasValue() {
        return value != null || !values.isEmpty();
    }
}
