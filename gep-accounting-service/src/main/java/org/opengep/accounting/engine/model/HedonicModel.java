package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.catalogue.LineSpec;
import org.opengep.accounting.engine.model.ModelContext.ItemInputs;
import org.opengep.accounting.engine.model.ModelContext.Priced;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.engine.unit.Unit;

/**
 * Landscape value (景观价值) by hedonic pricing: per residential area that benefits from a green or blue view, its floor
 * area times the premium per m² the view adds, V = Σ_j A_j x P_j. An area's own premium (from a hedonic study of its
 * prices) is used when given, else the price set's HEDONIC_PREMIUM. The item's kind names the ecosystem type of the
 * view (FOREST, WETLAND, URBAN green space, OCEAN), to which the value is attributed.
 */
public final class HedonicModel implements IndicatorModel {

    private static final String LINE = "FLOOR_AREA";

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        Map<String, BigDecimal> byView = new LinkedHashMap<>();
        for (ItemInputs area : ctx.items()) {
            Optional<BigDecimal> floor = area.inputs().required("floorArea");
            String view = view(ctx, area);
            if (area.item().kind() != null && !ctx.indicator().ecosystemTypes().contains(view)) {
                ctx.errors().add(area.path() + ".kind", "the view's ecosystem type: one of " + ctx.indicator().ecosystemTypes());
            }
            floor.ifPresent(f -> byView.merge(view, f, BigDecimal::add));
        }
        return Map.of(LINE, Split.ofParts(byView));
    }

    @Override
    public List<LineAmount> value(Map<String, Split> quantities, ModelContext ctx) {
        if (ctx.input().items().isEmpty()) {
            return IndicatorModel.super.value(quantities, ctx);
        }
        LineSpec line = IndicatorModel.line(ctx, LINE);
        Optional<Priced> setPremium = ctx.items().stream().anyMatch(a -> !a.inputs().has("premium")) ? ctx.price(line) : Optional.empty();
        BigDecimal floor = BigDecimal.ZERO;
        Map<String, BigDecimal> valueByView = new LinkedHashMap<>();
        for (ItemInputs area : ctx.items()) {
            Optional<BigDecimal> a = area.inputs().optional("floorArea");
            Optional<BigDecimal> premium = area.inputs().has("premium") ? area.inputs().optional("premium")
                    : setPremium.map(Priced::perCanonicalUnit);
            if (a.isPresent() && premium.isPresent()) {
                floor = floor.add(a.get());
                valueByView.merge(view(ctx, area), Formulas.landscapePremium(a.get(), premium.get()), BigDecimal::add);
            }
        }
        if (floor.signum() == 0) {
            return List.of();
        }
        Split value = Split.ofParts(valueByView);
        BigDecimal average = value.total().divide(floor, Unit.MC);
        PriceEntry entry = new PriceEntry(line.price(), average, "元/m²", setPremium.map(p -> p.entry().priceYear()).orElse(ctx.year()),
                "hedonic pricing: floor-area-weighted premium of the residential areas"
                        + setPremium.map(p -> " (price set's premium: " + p.entry().source() + ")").orElse(""));
        return List.of(new LineAmount(line.code(), line.nameZh(), line.nameEn(), line.unit(), quantities.get(LINE),
                new Priced(entry, average), line.price(), value));
    }

    /** The ecosystem type the area's value is attributed to: the item's kind (checked once, in {@link #physical}). */
    private static String view(ModelContext ctx, ItemInputs area) {
        String kind = area.item().kind();
        if (kind == null) {
            return ctx.indicator().ecosystemTypes().size() == 1 ? ctx.indicator().ecosystemTypes().get(0) : GepEngine.UNALLOCATED;
        }
        return kind;
    }
}
