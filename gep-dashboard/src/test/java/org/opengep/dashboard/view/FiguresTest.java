package org.opengep.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void valuesReadIn亿元And万元WithSeparators() {
        assertThat(Figures.yi(new BigDecimal("9318885274.08"))).isEqualTo("93.19");
        assertThat(Figures.yi(new BigDecimal("1234567890123.45"))).isEqualTo("12,345.68");
        assertThat(Figures.yi(new BigDecimal("4999999"))).as("half up at the second decimal").isEqualTo("0.05");
        assertThat(Figures.wan(new BigDecimal("12342894.40"))).isEqualTo("1,234.29");
        assertThat(Figures.yuan(new BigDecimal("8471.7"))).isEqualTo("8,471.70");
        assertThat(Figures.yi(null)).isEqualTo("—");
    }

    @Test
    void ratiosArePercentagesAndTinyOnesKeepTheirDigits() {
        assertThat(Figures.percent(new BigDecimal("0.1136"))).isEqualTo("11.36%");
        assertThat(Figures.percent(new BigDecimal("0.00001883"))).as("below 0.01 %: four decimals, not 0.00%").isEqualTo("0.0019%");
        assertThat(Figures.percent(BigDecimal.ZERO)).isEqualTo("0.00%");
        assertThat(Figures.growth(new BigDecimal("0.0526"))).isEqualTo("+5.26%");
        assertThat(Figures.growth(new BigDecimal("-0.031"))).isEqualTo("−3.10%");
    }

    @Test
    void quantitiesLoseTrailingZerosOnly() {
        assertThat(Figures.quantity(new BigDecimal("3000.000"))).isEqualTo("3,000");
        assertThat(Figures.quantity(new BigDecimal("0.010"))).isEqualTo("0.01");
        assertThat(Figures.quantity(new BigDecimal("1E+3"))).isEqualTo("1,000");
    }

    @Test
    void chartValuesKeepFourDecimalsSoThatSmallCountiesDoNotDrawAsZero() {
        assertThat(Figures.yiValue(new BigDecimal("123456"))).isEqualByComparingTo("0.0012");
    }
}
