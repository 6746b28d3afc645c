package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.catalogue.MethodVersion;

/**
 * Climate regulation: the electricity air conditioners (and, where the method counts them, humidifiers)
 * would use to do the cooling that plant transpiration and water-surface evaporation do.
 */
public final class ClimateModel implements IndicatorModel {

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        Map<String, Split> result = new LinkedHashMap<>();
        var indicatorInputs = ctx.indicatorInputs();
        if (!ctx.ecosystemInputs().isEmpty()) {
            Optional<BigDecimal> days = indicatorInputs.required("hotDays");
            Optional<BigDecimal> ratio = ctx.parameter("AC_EFFICIENCY_RATIO");
            Map<String, BigDecimal> parts = new LinkedHashMap<>();
            ctx.ecosystemInputs().forEach((type, in) -> {
                Optional<BigDecimal> heat = in.required("heatAbsorption");
                Optional<BigDecimal> area = ctx.areaM2(type, in);
                if (heat.isPresent() && area.isPresent() && days.isPresent() && ratio.isPresent()) {
                    parts.put(type, Formulas.transpirationEnergy(heat.get(), area.get(), days.get(), ratio.get()));
                }
            });
            result.put("TRANSPIRATION", Split.ofParts(parts));
        }
        if (indicatorInputs.has("waterEvaporation")) {
            Optional<BigDecimal> evaporation = indicatorInputs.optional("waterEvaporation");
            Optional<BigDecimal> density = ctx.parameter("WATER_DENSITY");
            Optional<BigDecimal> latentHeat = ctx.parameter("LATENT_HEAT_VAPORISATION");
            Optional<BigDecimal> humidifier = ctx.method().rule(MethodVersion.CLIMATE_INCLUDES_HUMIDIFIER)
                    ? ctx.parameter("HUMIDIFIER_ELECTRICITY") : Optional.of(BigDecimal.ZERO);
            if (evaporation.isPresent() && density.isPresent() && latentHeat.isPresent() && humidifier.isPresent()) {
                result.put("EVAPORATION", Split.of(Formulas.evaporationEnergy(evaporation.get(), density.get(),
                        latentHeat.get(), humidifier.get())));
            }
        }
        if (result.isEmpty()) {
            ctx.errors().add(ctx.path(), "give heatAbsorption per ecosystem type and/or waterEvaporation");
        }
        return result;
    }
}
