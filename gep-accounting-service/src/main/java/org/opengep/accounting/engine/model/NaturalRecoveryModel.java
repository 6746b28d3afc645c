package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengep.accounting.engine.model.ModelContext.Inputs;

/**
 * Pest control (病虫害控制): the natural forest and natural grassland that keep pests and diseases in check without
 * treatment. Per type, the natural area less the part of it where pests had to be treated that year (the forestry or
 * grassland station's 防治面积): Q_i = S_natural,i − S_treated,i (hm²). The prevention cost per hm² values it. Planted
 * forest does not count: the natural area is an input, never the extent table's figure.
 */
public final class NaturalRecoveryModel implements IndicatorModel {

    private static final Set<String> TYPES = Set.of("FOREST", "GRASSLAND");

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        Map<String, Split> quantities = new LinkedHashMap<>();
        ctx.ecosystemInputs().forEach((type, in) -> {
            if (!TYPES.contains(type)) {
                ctx.errors().add(in.path(), "pest control counts natural FOREST and GRASSLAND only");
                return;
            }
            recovering(ctx, type, in).ifPresent(q -> quantities.put(type, Split.ofParts(Map.of(type, q))));
        });
        return quantities;
    }

    private static Optional<BigDecimal> recovering(ModelContext ctx, String type, Inputs in) {
        Optional<BigDecimal> natural = in.required("naturalArea");
        BigDecimal treated = in.optional("treatedArea").orElse(BigDecimal.ZERO);
        if (natural.isEmpty()) {
            return Optional.empty();
        }
        Optional<BigDecimal> extent = ctx.extentM2(type);
        if (extent.isPresent() && natural.get().compareTo(extent.get()) > 0) {
            ctx.errors().add(in.path() + ".naturalArea", "more natural " + type + " than the extent table's " + type);
            return Optional.empty();
        }
        if (treated.compareTo(natural.get()) > 0) {
            ctx.errors().add(in.path() + ".treatedArea", "more treated than natural area");
            return Optional.empty();
        }
        return Optional.of(Formulas.naturallyRecovering(natural.get(), treated));
    }
}
