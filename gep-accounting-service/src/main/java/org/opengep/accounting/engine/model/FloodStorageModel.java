package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.model.ModelContext.Inputs;
import org.opengep.accounting.engine.model.ModelContext.ItemInputs;

/**
 * Flood regulation storage of lakes (e^a A^b T), reservoirs (0.35 x total storage) and marshes (area x
 * storage depth), each item named so the result can be traced; vegetation storm retention is accepted
 * as a quantity only.
 */
public final class FloodStorageModel implements IndicatorModel {

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        Map<String, BigDecimal> byKind = new LinkedHashMap<>();
        for (ItemInputs item : ctx.items()) {
            String kind = item.item().kind();
            Optional<BigDecimal> storage = switch (kind == null ? "" : kind) {
                case "LAKE" -> lake(ctx, item.inputs());
                case "RESERVOIR" -> item.inputs().required("totalStorage")
                        .flatMap(total -> ctx.parameter("RESERVOIR_FLOOD_FACTOR").map(f -> Formulas.reservoirStorage(total, f)));
                case "MARSH" -> marsh(ctx, item.inputs());
                default -> {
                    ctx.errors().add(item.path() + ".kind", "kind must be LAKE, RESERVOIR or MARSH");
                    yield Optional.empty();
                }
            };
            storage.ifPresent(s -> byKind.merge(kind, s, BigDecimal::add));
        }
        Map<String, Split> result = new LinkedHashMap<>();
        // the storage of lakes is the LAKE ecosystem's, and so on, so each kind is split onto its type
        byKind.forEach((kind, storage) -> result.put(kind, Split.ofParts(Map.of(kind, storage))));
        return result;
    }

    private static Optional<BigDecimal> lake(ModelContext ctx, Inputs in) {
        Optional<BigDecimal> area = in.required("area");
        Optional<BigDecimal> turnover = in.required("turnover");
        Optional<BigDecimal> a = in.has("a") ? in.optional("a") : ctx.parameter("LAKE_FLOOD_A");
        Optional<BigDecimal> b = in.has("b") ? in.optional("b") : ctx.parameter("LAKE_FLOOD_B");
        if (area.isEmpty() || turnover.isEmpty() || a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Formulas.lakeStorage(area.get(), turnover.get(), a.get(), b.get()));
    }

    private static Optional<BigDecimal> marsh(ModelContext ctx, Inputs in) {
        Optional<BigDecimal> area = in.required("area");
        Optional<BigDecimal> depth = in.has("storageDepth") ? in.optional("storageDepth") : ctx.parameter("MARSH_STORAGE_DEPTH");
        if (area.isEmpty() || depth.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Formulas.marshStorage(area.get(), depth.get()));
    }
}
