package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.account.Amount;
import org.opengep.accounting.engine.account.IndicatorResult.InputLevel;
import org.opengep.accounting.engine.model.ModelContext.ItemInputs;
import org.opengep.accounting.engine.model.ModelContext.Priced;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.engine.unit.Unit;

/**
 * Provisioning products valued at market prices: one line per product, quantity in whatever unit the
 * product is counted in (t, m³, head...) and a price per that unit. Statistics that give output value
 * directly use the value level instead.
 */
public final class ProductsModel implements IndicatorModel {

    @Override
    public InputLevel detailedLevel() {
        return InputLevel.QUANTITY;
    }

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        return Map.of();
    }

    @Override
    public List<LineAmount> value(Map<String, Split> quantities, ModelContext ctx) {
        List<LineAmount> lines = new ArrayList<>();
        for (ItemInputs item : ctx.items()) {
            Optional<Amount> quantity = item.inputs().raw("quantity");
            Optional<Amount> price = item.inputs().raw("price");
            String field = item.path() + ".inputs";
            if (quantity.isEmpty() || price.isEmpty()) {
                ctx.errors().add(field, "each product needs 'quantity' and 'price'");
                continue;
            }
            Optional<Unit> quantityUnit = Unit.parse(quantity.get().unit());
            Optional<Unit> priceUnit = Unit.parse(price.get().unit());
            if (quantityUnit.isEmpty()) {
                ctx.errors().add(field + ".quantity", "unknown unit '" + quantity.get().unit() + "'");
                continue;
            }
            String expected = "MONEY/" + quantityUnit.get().dimension();
            if (priceUnit.isEmpty() || !priceUnit.get().dimension().equals(expected)) {
                ctx.errors().add(field + ".price", "price unit '" + price.get().unit() + "' must be 元 per unit of "
                        + quantityUnit.get().dimension() + " (e.g. 元/" + quantityUnit.get().symbol() + ")");
                continue;
            }
            if (quantity.get().value() == null || price.get().value() == null
                    || quantity.get().value().signum() < 0 || price.get().value().signum() < 0) {
                ctx.errors().add(field, "quantity and price must be given and not negative");
                continue;
            }
            BigDecimal canonicalQuantity = quantity.get().value().multiply(quantityUnit.get().factor(), Unit.MC);
            BigDecimal canonicalPrice = price.get().value().multiply(priceUnit.get().factor(), Unit.MC);
            PriceEntry entry = new PriceEntry(item.item().name(), price.get().value(), price.get().unit(), ctx.year(),
                    "market price supplied with the input");
            Split q = Split.of(canonicalQuantity);
            lines.add(new LineAmount(item.item().name(), item.item().name(), item.item().name(), quantity.get().unit(), q,
                    new Priced(entry, canonicalPrice), null, q.times(canonicalPrice)));
        }
        return lines;
    }
}
