package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.opengep.accounting.engine.model.ModelContext.Inputs;

/**
 * Carbon sequestration (44/12 x NEP) and oxygen release (32/12 x NEP). NEP per ecosystem type is taken
 * as given, else NPP minus soil heterotrophic respiration, else the sequestration rate times the area.
 */
public final class NepModel implements IndicatorModel {

    private final String quantityCode;
    private final UnaryOperator<BigDecimal> fromNep;

    private NepModel(String quantityCode, UnaryOperator<BigDecimal> fromNep) {
        this.quantityCode = quantityCode;
        this.fromNep = fromNep;
    }

    public static NepModel carbon() {
        return new NepModel("CO2", Formulas::co2FromNep);
    }

    public static NepModel oxygen() {
        return new NepModel("O2", Formulas::o2FromNep);
    }

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        ctx.ecosystemInputs().forEach((type, in) -> nep(ctx, type, in).ifPresent(nep -> parts.put(type, fromNep.apply(nep))));
        return Map.of(quantityCode, Split.ofParts(parts));
    }

    private static Optional<BigDecimal> nep(ModelContext ctx, String type, Inputs in) {
        if (in.has("nep")) {
            return in.optional("nep");
        }
        if (in.has("npp") || in.has("soilRespiration")) {
            Optional<BigDecimal> npp = in.required("npp");
            Optional<BigDecimal> rh = in.required("soilRespiration");
            return npp.flatMap(n -> rh.map(n::subtract));
        }
        if (in.has("sequestrationRate")) {
            Optional<BigDecimal> rate = in.optional("sequestrationRate");
            return rate.flatMap(r -> ctx.areaM2(type, in).map(r::multiply));
        }
        ctx.errors().add(in.path(), "give nep, or npp with soilRespiration, or sequestrationRate for " + type);
        return Optional.empty();
    }
}
