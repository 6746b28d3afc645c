package org.opengep.accounting.engine.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.compensation.HorizontalAmount.Derivation;
import org.opengep.common.problem.InvalidInputException;

class HorizontalAmountTest {

    /** 5 % of (1.2 亿 + 0.3 亿) of water conservation and purification = 7 500 000 元; 0.5 元 rounds up. */
    @Test
    void theAmountIsTheShareOfTheFlowingServicesValue() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("WATER_CONSERVATION", new BigDecimal("120000000.00"));
        values.put("WATER_PURIFICATION", new BigDecimal("30000000.10"));
        Derivation d = HorizontalAmount.fromGep(values, new BigDecimal("0.05"), "account x");
        assertThat(d.sum()).isEqualByComparingTo("150000000.10");
        assertThat(d.amount()).isEqualByComparingTo("7500000");
        assertThat(d.arithmetic()).isEqualTo("0.05 × (120000000.00 WATER_CONSERVATION + 30000000.10 WATER_PURIFICATION) = 7500000.01 元, "
                + "rounded to 7500000 元");
        assertThat(HorizontalAmount.fromGep(Map.of("X", new BigDecimal("10")), new BigDecimal("0.05"), "s").amount()).isEqualByComparingTo("1");
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> HorizontalAmount.fromGep(Map.of("X", BigDecimal.TEN), new BigDecimal("1.5"), "s"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("gepShare");
    }
}
