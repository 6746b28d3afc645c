package org.opengep.accounting.engine.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.compensation.FactorAllocation.Factor;
import org.opengep.accounting.engine.compensation.FactorAllocation.FactorValue;
import org.opengep.accounting.engine.compensation.FactorAllocation.GrowthAdjustment;
import org.opengep.accounting.engine.compensation.FactorAllocation.RegionAmount;
import org.opengep.accounting.engine.compensation.FactorAllocation.Result;
import org.opengep.common.problem.InvalidInputException;

class FactorAllocationTest {

    private static final List<String> REGIONS = List.of("A", "B", "C");

    private static Factor factor(String name, String weight, String a, String b, String c) {
        Map<String, FactorValue> values = new LinkedHashMap<>();
        values.put("A", new FactorValue(new BigDecimal(a), name + " of A"));
        values.put("B", new FactorValue(new BigDecimal(b), name + " of B"));
        values.put("C", new FactorValue(new BigDecimal(c), name + " of C"));
        return new Factor(name, new BigDecimal(weight), "unit", values);
    }

    private static final List<Factor> TWO_FACTORS = List.of(factor("REGULATING_GEP", "0.6", "200", "300", "500"),
            factor("POPULATION", "0.4", "50", "30", "20"));

    /**
     * Worked by hand: base shares A = 0.6 x 0.2 + 0.4 x 0.5 = 0.32, B = 0.18 + 0.12 = 0.30, C = 0.30 + 0.08 = 0.38; growth +20 %
     * (capped at 10 %), -5 % and 0 with coefficient 0.5 give 1.05, 0.975 and 1; adjusted 0.336, 0.2925, 0.38 (sum 1.0085);
     * 10 000 000 元 x each / 1.0085 = 3 331 680.71, 2 900 347.05, 3 767 972.24: floors add up to 9 999 999, and the largest
     * remainder (A's 0.71) gets the last 元.
     */
    @Test
    void weightedFactorsWithAGrowthAdjustmentAddUpToTheFundExactly() {
        Result r = FactorAllocation.allocate(new BigDecimal("10000000"), REGIONS, TWO_FACTORS,
                new GrowthAdjustment(new BigDecimal("0.5"), new BigDecimal("0.1")),
                Map.of("A", new BigDecimal("0.20"), "B", new BigDecimal("-0.05"), "C", BigDecimal.ZERO));
        RegionAmount a = r.regions().get(0);
        RegionAmount b = r.regions().get(1);
        RegionAmount c = r.regions().get(2);
        assertThat(a.baseShare()).isEqualByComparingTo("0.32");
        assertThat(b.baseShare()).isEqualByComparingTo("0.30");
        assertThat(c.baseShare()).isEqualByComparingTo("0.38");
        assertThat(a.appliedGrowth()).isEqualByComparingTo("0.1");
        assertThat(a.adjustmentFactor()).isEqualByComparingTo("1.05");
        assertThat(b.adjustmentFactor()).isEqualByComparingTo("0.975");
        assertThat(a.exactAmount()).isEqualByComparingTo("3331680.71");
        assertThat(b.exactAmount()).isEqualByComparingTo("2900347.05");
        assertThat(c.exactAmount()).isEqualByComparingTo("3767972.24");
        assertThat(a.amount()).isEqualByComparingTo("3331681");
        assertThat(b.amount()).isEqualByComparingTo("2900347");
        assertThat(c.amount()).isEqualByComparingTo("3767972");
        assertThat(r.regions().stream().map(RegionAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("10000000");
        assertThat(a.factors().get(0).factorShare()).isEqualByComparingTo("0.2");
        assertThat(a.factors().get(1).weightedShare()).isEqualByComparingTo("0.2");
        assertThat(a.arithmetic()).contains("0.6 × 200 / 1000 (REGULATING_GEP)").contains("= 0.320000").contains("1 + 0.5 × 0.100000")
                .contains("rounded to 3331681 元");
    }

    @Test
    void withoutAnAdjustmentTheBaseSharesShareTheFund() {
        Result r = FactorAllocation.allocate(new BigDecimal("1000"), REGIONS, TWO_FACTORS, null, Map.of());
        assertThat(r.regions()).extracting(RegionAmount::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("320"), new BigDecimal("300"), new BigDecimal("380"));
        assertThat(r.regions().get(0).adjustmentFactor()).isNull();
    }

    /** The horizontal split: 7 500 000 元 by water use 60 : 30 : 10. */
    @Test
    void oneMeasureWithWeightOneIsTheBeneficiaryPaysSplit() {
        Result r = FactorAllocation.allocate(new BigDecimal("7500000"), REGIONS, List.of(factor("WATER_USE", "1", "60", "30", "10")), null, Map.of());
        assertThat(r.regions()).extracting(RegionAmount::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4500000"), new BigDecimal("2250000"), new BigDecimal("750000"));
    }

    @Test
    void equalRemaindersGoInTheRegionsOrder() {
        Result r = FactorAllocation.allocate(new BigDecimal("100"), REGIONS, List.of(factor("EQUAL", "1", "1", "1", "1")), null, Map.of());
        assertThat(r.regions()).extracting(RegionAmount::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("34"), new BigDecimal("33"), new BigDecimal("33"));
    }

    @Test
    void weightsThatDoNotAddUpToOneAreNamed() {
        List<Factor> factors = List.of(factor("GEP", "0.6", "1", "1", "1"), factor("POPULATION", "0.3", "1", "1", "1"));
        assertThatThrownBy(() -> FactorAllocation.allocate(new BigDecimal("100"), REGIONS, factors, null, Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("the weights add up to 0.9, not to 1");
    }

    @Test
    void aMissingOrNegativeFactorValueIsNamedWithItsRegion() {
        Factor gaps = new Factor("DATASET 红线面积", BigDecimal.ONE, "km²", Map.of("A", new FactorValue(BigDecimal.ONE, "s"),
                "B", new FactorValue(new BigDecimal("-2"), "s")));
        assertThatThrownBy(() -> FactorAllocation.allocate(new BigDecimal("100"), REGIONS, List.of(gaps), null, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().toString())
                        .contains("DATASET 红线面积 has no value for region C").contains("of region B is negative"));
    }

    @Test
    void aFractionalFundAndAMissingGrowthAreRefused() {
        assertThatThrownBy(() -> FactorAllocation.allocate(new BigDecimal("100.5"), REGIONS, TWO_FACTORS,
                new GrowthAdjustment(BigDecimal.ONE, new BigDecimal("0.1")), Map.of("A", BigDecimal.ZERO)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().toString()).contains("whole, non-negative number of 元")
                        .contains("no comparable-price GEP growth for region B"));
    }
}
