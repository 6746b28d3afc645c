package org.opengep.accounting.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.account.IndicatorResult.InputLevel;
import org.opengep.accounting.engine.catalogue.LineSpec;

/**
 * The formula of one kind of indicator, in two steps: biophysical inputs to physical quantities, then
 * physical quantities to values. Users who have quantities from elsewhere skip the first step.
 */
public interface IndicatorModel {

    /** The level reported when detailed inputs (parameters, per-ecosystem inputs, items) are given. */
    default InputLevel detailedLevel() {
        return InputLevel.BIOPHYSICAL;
    }

    /** Physical quantities by the catalogue's quantity code, in canonical units. */
    Map<String, Split> physical(ModelContext ctx);

    /** Values the quantities. By default each quantity is priced on the value line of the same code. */
    default List<LineAmount> value(Map<String, Split> quantities, ModelContext ctx) {
        List<LineAmount> lines = new ArrayList<>();
        for (LineSpec line : ctx.indicator().lines()) {
            Split quantity = quantities.get(line.code());
            if (quantity != null) {
                priced(ctx, line, quantity).ifPresent(lines::add);
            }
        }
        return lines;
    }

    /** quantity x price for one line. */
    static Optional<LineAmount> priced(ModelContext ctx, LineSpec line, Split quantity) {
        return ctx.price(line).map(p -> new LineAmount(line.code(), line.nameZh(), line.nameEn(), line.unit(),
                quantity, p, line.price(), quantity.times(p.perCanonicalUnit())));
    }

    /** The line spec the catalogue must have for a model that values a fixed sub-item. */
    static LineSpec line(ModelContext ctx, String code) {
        return ctx.indicator().line(code).orElseThrow(() ->
                new IllegalStateException(ctx.indicator().code() + " has no line " + code + " in the catalogue"));
    }
}
