package org.opengep.registry.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengep.common.problem.ConflictException;

/**
 * Values a product's verified quantity with the unit price of one value line of its GEP indicator in the
 * official figure: value (元, to the fen) = quantity x unit factor x unit price.
 */
public final class Valuation {

    /** A value line of the official figure, as the accounting service reports it. */
    public record PricedLine(String code, String unit, BigDecimal unitPrice, String priceUnit, Integer priceYear,
            String priceKey, String priceSource) {}

    /** The line chosen and how many of its units one product unit is. */
    public record Choice(PricedLine line, BigDecimal unitFactor) {}

    /** Product units that are a fixed multiple of a line unit: tonnes of CO2 equivalent are tonnes of CO2, and so on. */
    private static final Map<String, Map<String, BigDecimal>> FACTORS = Map.of(
            "tCO2e", Map.of("t", BigDecimal.ONE),
            "t/a", Map.of("t", BigDecimal.ONE),
            "kg/a", Map.of("t", new BigDecimal("0.001")),
            "kg", Map.of("t", new BigDecimal("0.001")),
            "MWh", Map.of("kWh", new BigDecimal("1000")),
            "hm²", Map.of("m²", new BigDecimal("10000")),
            "km²", Map.of("m²", new BigDecimal("1000000"), "hm²", new BigDecimal("100")));

    private Valuation() {}

    public static Optional<BigDecimal> unitFactor(String productUnit, String lineUnit) {
        if (productUnit.equals(lineUnit)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(FACTORS.getOrDefault(productUnit, Map.of()).get(lineUnit));
    }

    /**
     * The line named by the product, else the indicator's only priced line in a unit the product's quantity
     * converts to. Anything else is a conflict the registrar resolves by naming the line.
     */
    public static Choice choose(String indicator, List<PricedLine> lines, String wantedLine, String productUnit) {
        List<PricedLine> candidates = lines.stream()
                .filter(l -> wantedLine == null || wantedLine.equals(l.code()))
                .filter(l -> l.unitPrice() != null && l.unit() != null)
                .filter(l -> unitFactor(productUnit, l.unit()).isPresent())
                .toList();
        if (candidates.size() == 1) {
            PricedLine line = candidates.get(0);
            return new Choice(line, unitFactor(productUnit, line.unit()).orElseThrow());
        }
        String available = lines.stream().map(l -> l.code() + " (" + l.unit() + (l.unitPrice() == null ? ", no unit price" : "") + ")").toList().toString();
        if (candidates.isEmpty()) {
            throw new ConflictException("no-unit-price", "the official figure has no priced line of " + indicator
                    + (wantedLine != null ? " named " + wantedLine : "") + " in a unit " + productUnit + " converts to; its lines: " + available);
        }
        throw new ConflictException("ambiguous-value-line", indicator + " has several priced lines in units " + productUnit
                + " converts to; name one as the product's valueLine: " + available);
    }

    public static BigDecimal value(BigDecimal quantity, Choice choice) {
        return quantity.multiply(choice.unitFactor()).multiply(choice.line().unitPrice()).setScale(2, RoundingMode.HALF_UP);
    }
}
