package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.catalogue.LineSpec;
import org.opengep.accounting.engine.model.ModelContext.Inputs;
import org.opengep.accounting.engine.model.ModelContext.ItemInputs;
import org.opengep.accounting.engine.model.ModelContext.Priced;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.engine.unit.Unit;

/**
 * Recreation by the travel-cost method: visits to each nature-based site times the cost of a visit
 * (time at a share of the wage, transport, lodging, food, tickets). Given visits only, the price set's
 * average travel cost per visit values them.
 */
public final class TravelCostModel implements IndicatorModel {

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        BigDecimal visits = BigDecimal.ZERO;
        for (ItemInputs site : ctx.items()) {
            visits = visits.add(site.inputs().required("visits").orElse(BigDecimal.ZERO));
        }
        return Map.of("VISITS", Split.of(visits));
    }

    @Override
    public List<LineAmount> value(Map<String, Split> quantities, ModelContext ctx) {
        if (ctx.input().items().isEmpty()) {
            return IndicatorModel.super.value(quantities, ctx);
        }
        BigDecimal visits = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (ItemInputs site : ctx.items()) {
            Optional<BigDecimal> siteVisits = site.inputs().required("visits");
            Optional<BigDecimal> cost = costPerVisit(site.inputs());
            if (siteVisits.isPresent() && cost.isPresent()) {
                visits = visits.add(siteVisits.get());
                value = value.add(siteVisits.get().multiply(cost.get(), Unit.MC));
            }
        }
        if (visits.signum() == 0) {
            return List.of();
        }
        LineSpec line = IndicatorModel.line(ctx, "VISITS");
        BigDecimal average = value.divide(visits, Unit.MC);
        PriceEntry entry = new PriceEntry(line.price(), average, "元/人次", ctx.year(),
                "travel-cost method: visit-weighted average of the sites' costs");
        Split q = Split.of(visits);
        return List.of(new LineAmount(line.code(), line.nameZh(), line.nameEn(), line.unit(), q, new Priced(entry, average), null,
                Split.of(value)));
    }

    private static Optional<BigDecimal> costPerVisit(Inputs in) {
        BigDecimal hours = in.optional("travelTime").orElse(BigDecimal.ZERO);
        Optional<BigDecimal> wage = hours.signum() > 0 ? in.required("hourlyWage") : Optional.of(BigDecimal.ZERO);
        Optional<BigDecimal> share = hours.signum() > 0 ? in.required("wageShare") : Optional.of(BigDecimal.ZERO);
        if (wage.isEmpty() || share.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Formulas.travelCostPerVisit(hours, wage.get(), share.get(),
                in.optional("transport").orElse(BigDecimal.ZERO), in.optional("lodging").orElse(BigDecimal.ZERO),
                in.optional("food").orElse(BigDecimal.ZERO), in.optional("tickets").orElse(BigDecimal.ZERO)));
    }
}
