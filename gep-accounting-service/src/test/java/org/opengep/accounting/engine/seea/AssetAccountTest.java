package org.opengep.accounting.engine.seea;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.seea.AssetAccount.Flow;
import org.opengep.accounting.engine.seea.AssetAccount.Result;
import org.opengep.accounting.engine.seea.AssetAccount.Row;
import org.opengep.common.problem.Errors;

class AssetAccountTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** (1 − 1.05^−20) / 0.05 = 12.462210: the present value of 1 元 a year for 20 years at 5 %. */
    @Test
    void theAnnuityFactorIsThePresentValueOfOneYuanAYear() {
        assertThat(AssetAccount.annuityFactor(d("0.05"), 20)).isCloseTo(d("12.4622103425"), org.assertj.core.data.Offset.offset(d("1e-10")));
        assertThat(AssetAccount.annuityFactor(BigDecimal.ZERO, 30)).isEqualByComparingTo("30");
    }

    /**
     * Worked by hand with A = 12.46221034: forest 100 -> 110 km², flow 1 000 000 -> 1 200 000 元 at opening prices and
     * 1 320 000 元 at closing prices. Opening A x 1e6 = 12 462 210.34; extent A x (1e6 / 100) x 10 = 1 246 221.03;
     * revaluation A x 120 000 = 1 495 465.24; closing A x 1 320 000 = 16 450 117.65; flows the rest, 1 246 221.04.
     * Farmland is new (0 -> 5 km²): all its volume is extent, A x 50 000 = 623 110.52. A flow without an area (values
     * for the unit as a whole) changes by flows only.
     */
    @Test
    void theChangeSplitsIntoExtentFlowsAndRevaluationAndAddsUp() {
        Result r = AssetAccount.of(List.of(
                new Flow("FOREST", d("100"), d("110"), d("1000000"), d("1320000"), d("1200000")),
                new Flow("FARMLAND", d("0"), d("5"), d("0"), d("55000"), d("50000")),
                new Flow("UNALLOCATED", null, null, d("10000"), d("12000"), d("11000"))), d("0.05"), 20);
        Row forest = r.rows().get(0);
        assertThat(forest.openingValue()).isEqualByComparingTo("12462210.34");
        assertThat(forest.extentChange()).isEqualByComparingTo("1246221.03");
        assertThat(forest.revaluation()).isEqualByComparingTo("1495465.24");
        assertThat(forest.closingValue()).isEqualByComparingTo("16450117.65");
        assertThat(forest.flowChange()).isEqualByComparingTo("1246221.04");
        Row farmland = r.rows().get(1);
        assertThat(farmland.extentChange()).isEqualByComparingTo("623110.52");
        assertThat(farmland.flowChange()).isEqualByComparingTo("0.00");
        assertThat(farmland.revaluation()).isEqualByComparingTo("62311.05");
        Row unit = r.rows().get(2);
        assertThat(unit.extentChange()).isEqualByComparingTo("0");
        assertThat(unit.flowChange()).isEqualByComparingTo("12462.21");
        for (Row row : List.of(forest, farmland, unit, r.total())) {
            assertThat(row.openingValue().add(row.extentChange()).add(row.flowChange()).add(row.revaluation()))
                    .as(row.ecosystemType()).isEqualByComparingTo(row.closingValue());
        }
        assertThat(r.total().closingValue()).isEqualByComparingTo(forest.closingValue().add(farmland.closingValue()).add(unit.closingValue()));
    }

    @Test
    void aLostTypeLosesItsWholeValueToExtent() {
        Row lost = AssetAccount.of(List.of(new Flow("MARSH", d("10"), d("0"), d("1000"), d("0"), d("0"))), d("0.05"), 20).rows().get(0);
        assertThat(lost.extentChange()).isEqualByComparingTo(lost.openingValue().negate());
        assertThat(lost.flowChange()).isEqualByComparingTo("0");
    }

    @Test
    void ratesAndLivesOutsideTheirRangeAreNamed() {
        Errors errors = new Errors();
        AssetAccount.check(d("1"), 0, errors);
        assertThat(errors.size()).isEqualTo(2);
    }
}
