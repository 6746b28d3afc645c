package org.opengep.registry.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengep.common.rights.RightType;
import org.opengep.registry.rules.CreditCapacity.Binding;
import org.opengep.registry.rules.CreditCapacity.Block;
import org.opengep.registry.rules.CreditCapacity.Income;
import org.opengep.registry.rules.CreditCapacity.Policy;
import org.opengep.registry.rules.CreditCapacity.RegionGep;
import org.opengep.registry.rules.CreditCapacity.Result;

class CreditCapacityTest {

    private static final UUID PLEDGE = UUID.fromString("00000000-0000-4000-8000-0000000000aa");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Policy policy(String max) {
        return new Policy(Map.of(RightType.FOREST_CARBON_SINK, d("0.7"), RightType.WATER_RIGHT, d("0.5")), d("3"), d("0.3"),
                max == null ? null : d(max), 5);
    }

    private static final List<Block> BLOCKS = List.of(
            new Block("FCS-1", "FCS-1000", d("1000"), "tCO2e", RightType.FOREST_CARBON_SINK, null, "331181", null, d("80"), "close"),
            new Block("FCS-2001", "FCS-2500", d("500"), "tCO2e", RightType.FOREST_CARBON_SINK, null, "331181", null, d("60"), "valuation"),
            new Block("WR-1", "WR-10000", d("10000"), "m³", RightType.WATER_RIGHT, null, "331181", null, null, null),
            new Block("FCS-1001", "FCS-1200", d("200"), "tCO2e", RightType.FOREST_CARBON_SINK, null, "331181", PLEDGE, d("80"), "close"),
            new Block("GEC-1", "GEC-100", d("100"), "MWh", RightType.GREEN_POWER_CERTIFICATE, null, "331181", null, d("50"), "valuation"));

    /**
     * Worked by hand: 1 000 t x 80 元 x 0.7 = 56 000; 500 t x 60 x 0.7 = 21 000; the water right is not valued and the
     * policy lends nothing against green power certificates; 3 x 100 000 元 of compensation = 300 000; secured 377 000.
     * 30 % of a GEP of 1 000 000 元 = 300 000 caps it. The 200 t already pledged (16 000 元) are listed, not counted.
     */
    @Test
    void theGepCapBindsWhenTheSecurityIsLarger() {
        Result r = CreditCapacity.of(policy(null), BLOCKS, new Income(d("100000"), 2025, "income"),
                List.of(new RegionGep("331181", d("1000000"), 2025, "gep")));
        assertThat(r.collateralLendable()).isEqualByComparingTo("77000");
        assertThat(r.collateral()).hasSize(4);
        assertThat(r.collateral().get(0).lendable()).isEqualByComparingTo("56000");
        assertThat(r.collateral().get(2).note()).contains("not valued");
        assertThat(r.collateral().get(3).note()).contains("nothing against GREEN_POWER_CERTIFICATE");
        assertThat(r.alreadyPledged()).singleElement().satisfies(p -> {
            assertThat(p.pledgeId()).isEqualTo(PLEDGE);
            assertThat(p.value()).isEqualByComparingTo("16000");
        });
        assertThat(r.compensation().lendable()).isEqualByComparingTo("300000");
        assertThat(r.secured()).isEqualByComparingTo("377000");
        assertThat(r.cap()).isEqualByComparingTo("300000");
        assertThat(r.limit()).isEqualByComparingTo("300000");
        assertThat(r.binding()).isEqualTo(Binding.GEP_CAP);
        assertThat(r.arithmetic()).contains("min(77000.00").contains("3 × yearly compensation 100000").contains("= 300000 元, for up to 5 years");
    }

    @Test
    void theSecurityOrThePolicyMaximumBindsOtherwise() {
        List<RegionGep> rich = List.of(new RegionGep("331181", d("10000000"), 2025, "gep"));
        Result secured = CreditCapacity.of(policy(null), BLOCKS, new Income(d("100000"), 2025, "income"), rich);
        assertThat(secured.limit()).isEqualByComparingTo("377000");
        assertThat(secured.binding()).isEqualTo(Binding.SECURITY);
        Result capped = CreditCapacity.of(policy("300000"), BLOCKS, null, rich);
        assertThat(capped.compensation()).isNull();
        assertThat(capped.limit()).isEqualByComparingTo("77000");
        Result maximum = CreditCapacity.of(policy("50000.50"), BLOCKS, null, rich);
        assertThat(maximum.binding()).isEqualTo(Binding.POLICY_MAXIMUM);
        assertThat(maximum.limit()).isEqualByComparingTo("50000");
    }

    @Test
    void nothingRegisteredSupportsNothing() {
        Result r = CreditCapacity.of(policy(null), List.of(), null, List.of());
        assertThat(r.limit()).isEqualByComparingTo("0");
    }
}
