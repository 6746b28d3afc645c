package org.opengep.accounting.engine.unit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A unit of measure as users write it ("亿m³", "元/t", "kJ/m2/d", "t/km²"), with its dimension and the
 * factor that converts one of it into the canonical unit of that dimension.
 *
 * <p>Canonical units: 元 (money), m³ (volume), t (mass), kWh (energy), m² (area), m (length),
 * 1 (count and dimensionless), d (time). A compound unit is a numerator divided by one or more
 * denominators; its dimension is written the same way, e.g. {@code MONEY/VOLUME}.
 */
public record Unit(String symbol, String dimension, BigDecimal factor) {

    public static final MathContext MC = MathContext.DECIMAL128;

    private record Base(String dimension, BigDecimal factor) {}

    private static final Map<String, Base> BASES = new LinkedHashMap<>();
    private static final Map<String, BigDecimal> PREFIXES = Map.of("万", new BigDecimal("1e4"), "亿", new BigDecimal("1e8"));

    static {
        base("MONEY", "1", "元", "CNY", "yuan");
        base("VOLUME", "1", "m³", "m3");
        base("VOLUME", "0.001", "L");
        base("MASS", "1", "t");
        base("MASS", "0.001", "kg");
        base("MASS", "0.000001", "g");
        base("ENERGY", "1", "kWh");
        base("ENERGY", new BigDecimal(1).divide(new BigDecimal("3600000"), MC).toPlainString(), "J");
        base("ENERGY", new BigDecimal(1).divide(new BigDecimal("3600"), MC).toPlainString(), "kJ");
        base("ENERGY", new BigDecimal(1).divide(new BigDecimal("3.6"), MC).toPlainString(), "MJ");
        base("AREA", "1", "m²", "m2");
        base("AREA", "10000", "hm²", "hm2", "ha");
        base("AREA", "1000000", "km²", "km2");
        base("AREA", new BigDecimal("10000").divide(new BigDecimal("15"), MC).toPlainString(), "亩", "mu");
        base("LENGTH", "1", "m");
        base("LENGTH", "0.001", "mm");
        base("LENGTH", "1000", "km");
        base("COUNT", "1", "人次", "visits", "个", "count", "人", "户");
        base("TIME", "1", "d", "day");
        base("TIME", "365", "a", "yr");
        base("DIMENSIONLESS", "1", "1", "");
        base("DIMENSIONLESS", "0.01", "%");
    }

    private static void base(String dimension, String factor, String... symbols) {
        for (String s : symbols) {
            BASES.put(s, new Base(dimension, new BigDecimal(factor)));
        }
    }

    /** Units already parsed (at most {@link #CACHE_LIMIT}: unit strings come from users). */
    private static final Map<String, Unit> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 10_000;

    /** Parses a unit expression; empty when it is not a unit this engine knows. */
    public static Optional<Unit> parse(String expression) {
        String text = expression == null ? "" : expression.strip();
        Unit cached = PARSED.get(text);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Unit> parsed = parseUncached(text);
        if (parsed.isPresent() && PARSED.size() < CACHE_LIMIT) {
            PARSED.put(text, parsed.get());
        }
        return parsed;
    }

    private static Optional<Unit> parseUncached(String text) {
        String[] parts = text.split("/", -1);
        StringBuilder dimension = new StringBuilder();
        BigDecimal factor = BigDecimal.ONE;
        for (int i = 0; i < parts.length; i++) {
            Optional<Base> part = simple(parts[i].strip());
            if (part.isEmpty() || (i > 0 && parts[i].isBlank())) {
                return Optional.empty();
            }
            if (i == 0) {
                dimension.append(part.get().dimension());
                factor = part.get().factor();
            } else {
                dimension.append('/').append(part.get().dimension());
                factor = factor.divide(part.get().factor(), MC);
            }
        }
        return Optional.of(new Unit(text, dimension.toString(), factor));
    }

    /** Parses a unit the caller knows to be valid (catalogue and built-in data). */
    public static Unit of(String expression) {
        return parse(expression).orElseThrow(() -> new IllegalArgumentException("unknown unit " + expression));
    }

    private static Optional<Base> simple(String symbol) {
        Base base = BASES.get(symbol);
        if (base != null) {
            return Optional.of(base);
        }
        for (Map.Entry<String, BigDecimal> prefix : PREFIXES.entrySet()) {
            if (symbol.startsWith(prefix.getKey())) {
                Base rest = BASES.get(symbol.substring(prefix.getKey().length()));
                if (rest != null && !rest.dimension().equals("DIMENSIONLESS")) {
                    return Optional.of(new Base(rest.dimension(), rest.factor().multiply(prefix.getValue())));
                }
            }
        }
        return Optional.empty();
    }

    public boolean sameDimension(Unit other) {
        return dimension.equals(other.dimension);
    }

    /** Converts an amount in this unit to the given unit of the same dimension. */
    public BigDecimal convert(BigDecimal amount, Unit target) {
        if (!sameDimension(target)) {
            throw new IllegalArgumentException(symbol + " is " + dimension + ", not " + target.dimension);
        }
        if (factor.compareTo(target.factor) == 0) {
            return amount;
        }
        BigDecimal base = amount.multiply(factor, MC);
        return target.factor.compareTo(BigDecimal.ONE) == 0 ? base : base.divide(target.factor, MC);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
