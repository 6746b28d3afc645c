package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.model.ModelContext.Inputs;

/**
 * Water conservation by the water-balance method: Q_i = A_i (P_i − R_i − ET_i) with R_i = α_i P_i.
 * Canonical units make the guideline's 1e-3 (mm to m) implicit: A in m², P and ET in m, Q in m³. A type
 * whose runoff and evapotranspiration exceed its rain contributes a negative amount, as the balance says.
 */
public final class WaterBalanceModel implements IndicatorModel {

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        ctx.ecosystemInputs().forEach((type, in) -> retained(ctx, type, in).ifPresent(q -> parts.put(type, q)));
        return Map.of("WATER_CONSERVATION", Split.ofParts(parts));
    }

    static Optional<BigDecimal> retained(ModelContext ctx, String type, Inputs in) {
        Optional<BigDecimal> p = in.required("precipitation");
        Optional<BigDecimal> et = in.required("evapotranspiration");
        Optional<BigDecimal> alpha = in.required("runoffCoefficient");
        Optional<BigDecimal> area = ctx.areaM2(type, in);
        if (p.isEmpty() || et.isEmpty() || alpha.isEmpty() || area.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Formulas.waterConservation(area.get(), p.get(), alpha.get(), et.get()));
    }
}
