package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.catalogue.MethodVersion;
import org.opengep.accounting.engine.catalogue.QuantitySpec;

/**
 * Air and water purification: Σ_i capacity_ik x A_i for each pollutant k, capped at the emission or load
 * actually there when the method says so (a forest cannot clean SO2 that nobody emitted). Pollutant
 * inputs are named after the quantity code: {@code so2Capacity} per ecosystem, {@code so2Emission} or
 * {@code codLoad} for the indicator.
 */
public final class PurificationModel implements IndicatorModel {

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        boolean capped = ctx.method().rule(MethodVersion.CAP_PURIFICATION_AT_LOAD);
        Map<String, Split> result = new LinkedHashMap<>();
        for (QuantitySpec pollutant : ctx.indicator().quantities()) {
            String prefix = pollutant.code().toLowerCase(Locale.ROOT);
            String capacityName = prefix + "Capacity";
            boolean required = ctx.indicator().input(capacityName).orElseThrow().required();
            boolean given = ctx.ecosystemInputs().values().stream().anyMatch(in -> in.has(capacityName));
            if (!required && !given) {
                continue;
            }
            Map<String, BigDecimal> parts = new LinkedHashMap<>();
            ctx.ecosystemInputs().forEach((type, in) -> {
                Optional<BigDecimal> capacity = in.required(capacityName);
                Optional<BigDecimal> area = ctx.areaM2(type, in);
                if (capacity.isPresent() && area.isPresent()) {
                    parts.put(type, capacity.get().multiply(area.get()));
                }
            });
            Split potential = Split.ofParts(parts);
            if (capped) {
                String loadName = ctx.indicator().input(prefix + "Emission").isPresent() ? prefix + "Emission" : prefix + "Load";
                Optional<BigDecimal> load = ctx.indicatorInputs().required(loadName);
                if (load.isPresent() && load.get().compareTo(potential.total()) < 0) {
                    ctx.note(pollutant.code() + ": capacity " + potential.total().toPlainString() + " t capped at the "
                            + loadName + " of " + load.get().toPlainString() + " t");
                    potential = potential.scaledTo(load.get());
                }
            }
            result.put(pollutant.code(), potential);
        }
        return result;
    }
}
