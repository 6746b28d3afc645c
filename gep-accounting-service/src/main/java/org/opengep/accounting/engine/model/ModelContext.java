package org.opengep.accounting.engine.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.account.Amount;
import org.opengep.common.problem.Errors;
import org.opengep.accounting.engine.account.IndicatorInput;
import org.opengep.accounting.engine.account.Item;
import org.opengep.accounting.engine.catalogue.Indicator;
import org.opengep.accounting.engine.catalogue.InputSpec;
import org.opengep.accounting.engine.catalogue.InputSpec.Scope;
import org.opengep.accounting.engine.catalogue.LineSpec;
import org.opengep.accounting.engine.catalogue.MethodVersion;
import org.opengep.accounting.engine.price.PriceBook;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.engine.price.PriceKeys;
import org.opengep.accounting.engine.unit.Quantities;
import org.opengep.accounting.engine.unit.Unit;

/**
 * What a formula may read while it computes one indicator: the user's inputs (checked against the
 * catalogue and converted to canonical units), the extent table, the prices and parameters and the
 * method's rules. Every problem is recorded in {@link Errors} with the field it concerns; readers then
 * get an empty value and the formula carries on so that all problems are reported together.
 */
public final class ModelContext {

    private final Indicator indicator;
    private final IndicatorInput input;
    private final Map<String, BigDecimal> extentM2;
    private final PriceBook prices;
    private final MethodVersion method;
    private final int year;
    private final Errors errors;
    private final String path;
    private final List<String> notes = new ArrayList<>();

    public ModelContext(Indicator indicator, IndicatorInput input, Map<String, BigDecimal> extentM2, PriceBook prices,
            MethodVersion method, int year, Errors errors) {
        this.indicator = indicator;
        this.input = input;
        this.extentM2 = extentM2;
        this.prices = prices;
        this.method = method;
        this.year = year;
        this.errors = errors;
        this.path = "indicators." + indicator.code();
    }

    public Indicator indicator() {
        return indicator;
    }

    public IndicatorInput input() {
        return input;
    }

    public MethodVersion method() {
        return method;
    }

    public int year() {
        return year;
    }

    public Errors errors() {
        return errors;
    }

    public String path() {
        return path;
    }

    public List<String> notes() {
        return notes;
    }

    public void note(String note) {
        notes.add(note);
    }

    /** Inputs given once for the indicator. */
    public Inputs indicatorInputs() {
        return new Inputs(path + ".parameters", input.parameters(), Scope.INDICATOR);
    }

    /** Inputs per ecosystem type, in the order given; unknown types are reported by the engine. */
    public Map<String, Inputs> ecosystemInputs() {
        Map<String, Inputs> result = new LinkedHashMap<>();
        input.byEcosystem().forEach((type, values) ->
                result.put(type, new Inputs(path + ".byEcosystem." + type, values, Scope.ECOSYSTEM)));
        return result;
    }

    /** The items (products, lakes, sites) with their inputs. */
    public List<ItemInputs> items() {
        List<ItemInputs> result = new ArrayList<>();
        for (int i = 0; i < input.items().size(); i++) {
            Item item = input.items().get(i);
            String itemPath = path + ".items[" + i + "]";
            if (item.name() == null || item.name().isBlank()) {
                errors.add(itemPath + ".name", "each item needs a name");
            }
            result.add(new ItemInputs(item, new Inputs(itemPath + ".inputs", item.inputs(), Scope.ITEM), itemPath));
        }
        return result;
    }

    public record ItemInputs(Item item, Inputs inputs, String path) {}

    /**
     * The area of one ecosystem type in m²: its {@code area} input when given, else the extent table's
     * figure; an error when neither exists.
     */
    public Optional<BigDecimal> areaM2(String type, Inputs inputs) {
        Optional<BigDecimal> given = inputs.optional("area");
        if (given.isPresent()) {
            return given;
        }
        BigDecimal fromExtent = extentM2.get(type);
        if (fromExtent == null) {
            errors.add(inputs.path() + ".area", "no area for " + type + ": add it to the extent table or give 'area'");
            return Optional.empty();
        }
        return Optional.of(fromExtent);
    }

    /** The extent table's area of one ecosystem type in m², when the account has one. */
    public Optional<BigDecimal> extentM2(String type) {
        return Optional.ofNullable(extentM2.get(type));
    }

    /** A formula parameter in canonical units, from the price set (or the account's overrides). */
    public Optional<BigDecimal> parameter(String key) {
        Optional<PriceEntry> entry = prices.parameter(key);
        if (entry.isEmpty()) {
            errors.add("priceSet.parameters." + key, indicator.code() + " needs parameter " + key
                    + " but the price set has none; add it to the price set or to priceOverrides");
            return Optional.empty();
        }
        return Quantities.convert(new Amount(entry.get().value(), entry.get().unit()),
                canonical(PriceKeys.PARAMETERS.get(key)), "priceSet.parameters." + key, errors);
    }

    /** The price of a value line in 元 per canonical unit of the line's quantity, with its entry. */
    public Optional<Priced> price(LineSpec line) {
        Optional<PriceEntry> entry = prices.price(line.price());
        String field = "priceSet.prices." + line.price();
        if (entry.isEmpty()) {
            errors.add(field, indicator.code() + "." + line.code() + " needs price " + line.price()
                    + " but the price set has none; add it to the price set or to priceOverrides");
            return Optional.empty();
        }
        return Quantities.convert(new Amount(entry.get().value(), entry.get().unit()),
                        canonical(PriceKeys.priceUnit(line).symbol()), field, errors)
                .map(perCanonicalUnit -> new Priced(entry.get(), perCanonicalUnit));
    }

    public record Priced(PriceEntry entry, BigDecimal perCanonicalUnit) {}

    /**
     * The canonical unit (factor 1) of the dimension of {@code unit}; it keeps the catalogue's symbol, which
     * only ever appears in error messages ("expected a unit of AREA such as km²").
     */
    public static Unit canonical(String unit) {
        Unit u = Unit.of(unit);
        return new Unit(u.symbol(), u.dimension(), BigDecimal.ONE);
    }

    /** Reads named inputs of one scope, converting each to the canonical unit of its catalogue unit. */
    public final class Inputs {

        private final String path;
        private final Map<String, Amount> values;
        private final Scope scope;

        Inputs(String path, Map<String, Amount> values, Scope scope) {
            this.path = path;
            this.values = values == null ? Map.of() : values;
            this.scope = scope;
            for (String name : this.values.keySet()) {
                Optional<InputSpec> spec = indicator.input(name);
                if (spec.isEmpty() || spec.get().scope() != scope) {
                    errors.add(path + "." + name, "unknown input '" + name + "' for " + indicator.code()
                            + "; expected one of " + names());
                }
            }
        }

        private List<String> names() {
            return indicator.inputs().stream().filter(i -> i.scope() == scope).map(InputSpec::name).toList();
        }

        public String path() {
            return path;
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        /** The input in canonical units; a missing required input is an error naming it. */
        public Optional<BigDecimal> required(String name) {
            if (!values.containsKey(name)) {
                errors.add(path + "." + name, "missing input '" + name + "' (" + spec(name).description() + ")");
                return Optional.empty();
            }
            return optional(name);
        }

        public Optional<BigDecimal> optional(String name) {
            Amount amount = values.get(name);
            if (amount == null) {
                return Optional.empty();
            }
            Optional<BigDecimal> converted = Quantities.convert(amount, canonical(spec(name).unit()), path + "." + name, errors);
            if (converted.isPresent() && converted.get().signum() < 0) {
                errors.add(path + "." + name, "must not be negative");
                return Optional.empty();
            }
            return converted;
        }

        private InputSpec spec(String name) {
            return indicator.input(name).orElseThrow(() ->
                    new IllegalStateException(indicator.code() + " reads undeclared input " + name));
        }

        /** The raw amount as given, for inputs whose unit is free (product quantities). */
        public Optional<Amount> raw(String name) {
            return Optional.ofNullable(values.get(name));
        }
    }
}
