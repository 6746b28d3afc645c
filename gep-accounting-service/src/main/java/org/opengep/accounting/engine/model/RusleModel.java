package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Soil retention by RUSLE, valued twice over: the reservoir siltation it avoids (λ x SR / ρ_soil m³ at the
 * dredging cost) and the nitrogen and phosphorus it keeps out of water (SR x content at their cost).
 */
public final class RusleModel implements IndicatorModel {

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        ctx.ecosystemInputs().forEach((type, in) -> {
            List<Optional<BigDecimal>> f = Stream.of("erosivity", "erodibility", "slopeLength", "slopeSteepness", "cover",
                    "practice").map(in::required).toList();
            Optional<BigDecimal> area = ctx.areaM2(type, in);
            if (f.stream().allMatch(Optional::isPresent) && area.isPresent()) {
                parts.put(type, Formulas.soilRetention(f.get(0).get(), f.get(1).get(), f.get(2).get(), f.get(3).get(),
                        f.get(4).get(), f.get(5).get(), area.get()));
            }
        });
        return Map.of("SOIL_RETENTION", Split.ofParts(parts));
    }

    @Override
    public List<LineAmount> value(Map<String, Split> quantities, ModelContext ctx) {
        Split retained = quantities.get("SOIL_RETENTION");
        Optional<BigDecimal> lambda = ctx.parameter("SILTATION_COEFFICIENT");
        Optional<BigDecimal> density = ctx.parameter("SOIL_BULK_DENSITY");
        Optional<BigDecimal> nitrogen = ctx.parameter("SOIL_N_CONTENT");
        Optional<BigDecimal> phosphorus = ctx.parameter("SOIL_P_CONTENT");
        List<LineAmount> lines = new ArrayList<>();
        if (retained == null) {
            ctx.errors().add(ctx.path() + ".quantities.SOIL_RETENTION", "soil retained (t) is needed to value soil retention");
            return lines;
        }
        if (lambda.isPresent() && density.isPresent()) {
            BigDecimal m3PerT = Formulas.siltationVolume(BigDecimal.ONE, lambda.get(), density.get());
            IndicatorModel.priced(ctx, IndicatorModel.line(ctx, "SILTATION"), retained.times(m3PerT)).ifPresent(lines::add);
        }
        nitrogen.flatMap(n -> IndicatorModel.priced(ctx, IndicatorModel.line(ctx, "NITROGEN"), retained.times(n)))
                .ifPresent(lines::add);
        phosphorus.flatMap(p -> IndicatorModel.priced(ctx, IndicatorModel.line(ctx, "PHOSPHORUS"), retained.times(p)))
                .ifPresent(lines::add);
        return lines;
    }
}
