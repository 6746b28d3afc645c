package org.opengep.registry.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengep.common.problem.ConflictException;
import org.opengep.registry.rules.Valuation.PricedLine;

class ValuationTest {

    private static PricedLine line(String code, String unit, String price) {
        return new PricedLine(code, unit, price == null ? null : new BigDecimal(price), "元/" + unit, 2010, code + "_PRICE", "RCEES");
    }

    @Test
    void tonnesOfCo2EquivalentAtTheCarbonPrice() {
        var choice = Valuation.choose("CARBON_SEQUESTRATION", List.of(line("CO2", "t", "380")), null, "tCO2e");
        assertThat(Valuation.value(new BigDecimal("12000"), choice)).isEqualByComparingTo("4560000.00");
    }

    @Test
    void unitsConvertToTheLinesUnit() {
        var hydropower = Valuation.choose("ECO_ENERGY", List.of(line("HYDROPOWER", "kWh", "0.53"), line("BIOMASS", "t", null)), null, "MWh");
        assertThat(hydropower.unitFactor()).isEqualByComparingTo("1000");
        assertThat(Valuation.value(new BigDecimal("1.5"), hydropower)).isEqualByComparingTo("795.00");
        var lead = Valuation.choose("WATER_PURIFICATION", List.of(line("COD", "t", "700")), null, "kg/a");
        assertThat(Valuation.value(new BigDecimal("2500"), lead)).isEqualByComparingTo("1750.00");
    }

    @Test
    void severalUsableLinesNeedTheProductToNameOne() {
        List<PricedLine> water = List.of(line("DOMESTIC", "m³", "2.6"), line("INDUSTRIAL", "m³", "3.6"), line("AGRICULTURAL", "m³", "0.07"));
        assertThatThrownBy(() -> Valuation.choose("WATER_SUPPLY", water, null, "m³"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("ambiguous-value-line"));
        var industrial = Valuation.choose("WATER_SUPPLY", water, "INDUSTRIAL", "m³");
        assertThat(Valuation.value(new BigDecimal("1000000"), industrial)).isEqualByComparingTo("3600000.00");
    }

    @Test
    void noPriceOrNoConvertibleUnitIsAConflict() {
        assertThatThrownBy(() -> Valuation.choose("ECO_ENERGY", List.of(line("HYDROPOWER", "kWh", "0.53")), null, "tce"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("no-unit-price"));
        assertThatThrownBy(() -> Valuation.choose("CARBON_SEQUESTRATION", List.of(line("CO2", "t", null)), null, "tCO2e"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("no unit price"));
    }
}
