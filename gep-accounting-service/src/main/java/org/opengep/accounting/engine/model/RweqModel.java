package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Sand fixation by RWEQ, valued as the sandified land it avoids at the sand-control cost per m². */
public final class RweqModel implements IndicatorModel {

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        Optional<BigDecimal> z = ctx.indicatorInputs().required("downwindDistance");
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        ctx.ecosystemInputs().forEach((type, in) -> {
            List<Optional<BigDecimal>> f = Stream.of("weatherFactor", "erodibleFraction", "crustFactor", "roughnessFactor",
                    "vegetationFactor").map(in::required).toList();
            Optional<BigDecimal> area = ctx.areaM2(type, in);
            if (z.isPresent() && f.stream().allMatch(Optional::isPresent) && area.isPresent()) {
                parts.put(type, Formulas.sandFixation(f.get(0).get().doubleValue(), f.get(1).get().doubleValue(),
                        f.get(2).get().doubleValue(), f.get(3).get().doubleValue(), f.get(4).get().doubleValue(),
                        z.get().doubleValue(), area.get()));
            }
        });
        return Map.of("SAND_FIXATION", Split.ofParts(parts));
    }

    @Override
    public List<LineAmount> value(Map<String, Split> quantities, ModelContext ctx) {
        Split fixed = quantities.get("SAND_FIXATION");
        List<LineAmount> lines = new ArrayList<>();
        if (fixed == null) {
            ctx.errors().add(ctx.path() + ".quantities.SAND_FIXATION", "sand fixed (t) is needed to value sand fixation");
            return lines;
        }
        Optional<BigDecimal> density = ctx.parameter("SAND_BULK_DENSITY");
        Optional<BigDecimal> thickness = ctx.parameter("SANDIFIED_LAND_THICKNESS");
        if (density.isPresent() && thickness.isPresent()) {
            BigDecimal m2PerT = Formulas.sandifiedArea(BigDecimal.ONE, density.get(), thickness.get());
            IndicatorModel.priced(ctx, IndicatorModel.line(ctx, "AVOIDED_SANDIFIED_LAND"), fixed.times(m2PerT))
                    .ifPresent(lines::add);
        }
        return lines;
    }
}
