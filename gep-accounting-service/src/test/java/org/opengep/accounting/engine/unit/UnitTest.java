package org.opengep.accounting.engine.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengep.accounting.engine.account.Amount;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;

class UnitTest {

    @ParameterizedTest(name = "{0} {1} = {3} {2}")
    @CsvSource({
        "19.18, 亿m³, m³, 1918000000",
        "680.95, 亿kWh, kWh, 68095000000",
        "1303.82, 亿元, 元, 130382000000",
        "3.5, 万元, 元, 35000",
        "1, km², hm², 100",
        "1, km2, m², 1000000",
        "250, hm2, km², 2.5",
        "15, 亩, hm², 1",
        "1, ha, m2, 10000",
        "1800, mm, m, 1.8",
        "2.5, 万t, kg, 25000000",
        "320, 万人次, 人次, 3200000",
        "3600, kJ, kWh, 1",
        "2450, J/g, kWh/t, 680.5555555556",
        "3.1, t/hm², t/km², 310",
        "7.06, 元/m³, 元/万m³, 70600",
        "0.37, %, 1, 0.0037",
        "2800, kJ/m²/d, kWh/m²/d, 0.7777777778"
    })
    void convertsBetweenUnitsOfTheSameDimension(String amount, String from, String to, String expected) {
        BigDecimal converted = Unit.of(from).convert(new BigDecimal(amount), Unit.of(to));
        assertThat(converted.setScale(10, RoundingMode.HALF_UP))
                .isEqualByComparingTo(new BigDecimal(expected).setScale(10, RoundingMode.HALF_UP));
    }

    @Test
    void aQuantityInTheWrongUnitIsAnErrorNotAFactor() {
        Errors errors = new Errors();
        Optional<BigDecimal> result = Quantities.convert(Amount.of("19.18", "亿元"), Unit.of("m³"), "quantities.WATER", errors);
        assertThat(result).isEmpty();
        assertThat(errorsOf(errors)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("quantities.WATER");
            assertThat(e.message()).contains("MONEY").contains("VOLUME");
        });
    }

    @Test
    void unknownUnitsAndMissingValuesAreErrors() {
        Errors errors = new Errors();
        assertThat(Quantities.convert(Amount.of("1", "furlong"), Unit.of("m"), "a", errors)).isEmpty();
        assertThat(Quantities.convert(new Amount(null, "m"), Unit.of("m"), "b", errors)).isEmpty();
        assertThat(errorsOf(errors)).extracting(e -> e.field()).containsExactly("a", "b");
    }

    @Test
    void prefixesApplyToUnitsButNotToBareNumbers() {
        assertThat(Unit.parse("亿1")).isEmpty();
        assertThat(Unit.parse("万")).isEmpty();
        assertThat(Unit.parse("元/")).isEmpty();
        assertThat(Unit.parse("万元/t").orElseThrow().dimension()).isEqualTo("MONEY/MASS");
    }

    private static java.util.List<InputError> errorsOf(Errors errors) {
        try {
            errors.throwIfAny();
            return java.util.List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }
}
