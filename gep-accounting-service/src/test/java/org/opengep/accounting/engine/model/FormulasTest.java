package org.opengep.accounting.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** Each formula on a case worked by hand (the arithmetic is in the comments). */
class FormulasTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static void assertClose(BigDecimal actual, String expected) {
        assertThat(actual.setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo(d(expected).setScale(4, RoundingMode.HALF_UP));
    }

    @Test
    void waterBalance() {
        // 1 km² = 1e6 m²; P 1000 mm, runoff 10 % = 100 mm, ET 500 mm -> 400 mm = 0.4 m retained -> 400 000 m³
        assertClose(Formulas.waterConservation(d("1000000"), d("1.0"), d("0.1"), d("0.5")), "400000");
        // more ET than rain leaves a negative balance, as the formula says
        assertThat(Formulas.waterConservation(d("1000000"), d("0.3"), d("0.1"), d("0.5")).signum()).isNegative();
    }

    @Test
    void rusleSoilRetention() {
        // potential 3000 x 0.02 x 1.5 x 2 = 180 t/hm²; actual 180 x 0.1 x 0.5 = 9; retained 171 t/hm² x 100 hm² = 17 100 t
        assertClose(Formulas.soilRetention(d("3000"), d("0.02"), d("1.5"), d("2"), d("0.1"), d("0.5"), d("1000000")), "17100");
    }

    @Test
    void siltationAndNutrients() {
        // 0.24 x 17 100 t / 1.125 t/m³ = 3 648 m³; N 0.37 % -> 63.27 t; P 0.108 % -> 18.468 t
        assertClose(Formulas.siltationVolume(d("17100"), d("0.24"), d("1.125")), "3648");
        assertClose(Formulas.nutrient(d("17100"), d("0.0037")), "63.27");
        assertClose(Formulas.nutrient(d("17100"), d("0.00108")), "18.468");
    }

    @Test
    void rweqSandFixation() {
        // WF 10, EF 0.5, SCF 0.5, K' 1, z 50 m: potential (C = 1) F = 2.5, Q_max = 274.5, s = 150.71 x 2.5^-0.3711 = 107.04,
        // S_L = 2 x 50 / s² x Q_max x e^-(50/s)² = 1.91977 kg/m²; actual (C = 0.2) 0.13530 kg/m²;
        // fixed (1.91977 - 0.13530) kg/m² x 1e6 m² = 1 784.47 t
        assertThat(Formulas.windSoilLoss(10, 0.5, 0.5, 1, 1, 50)).isCloseTo(1.919767, within(1e-6));
        assertThat(Formulas.sandFixation(10, 0.5, 0.5, 1, 0.2, 50, d("1000000")).doubleValue()).isCloseTo(1784.4706, within(1e-3));
        // 1 784.47 t / (1.28 t/m³ x 0.1 m) = 13 941.2 m² of sandified land avoided
        assertClose(Formulas.sandifiedArea(d("1784.47"), d("1.28"), d("0.1")), "13941.171875");
        assertThat(Formulas.windSoilLoss(0, 0.5, 0.5, 1, 1, 50)).isZero();
    }

    @Test
    void floodStorage() {
        // lake 100 km², T 2, plateau a 6.636 b 0.678: e^6.636 x 100^0.678 x 2 = 34 594.59 万m³
        assertThat(Formulas.lakeStorage(d("100000000"), d("2"), d("6.636"), d("0.678")).doubleValue())
                .isCloseTo(345945891.77, within(1.0));
        assertClose(Formulas.reservoirStorage(d("100000000"), d("0.35")), "35000000");
        // marsh 10 km² x 0.3 m = 3e6 m³
        assertClose(Formulas.marshStorage(d("10000000"), d("0.3")), "3000000");
    }

    @Test
    void carbonAndOxygenFromNep() {
        assertClose(Formulas.co2FromNep(d("12")), "44");
        assertClose(Formulas.o2FromNep(d("12")), "32");
    }

    @Test
    void climateRegulation() {
        // EPP 3600 kJ/m²/d = 1 kWh/m²/d over 1 km² for 100 days with r = 3: 1 x 1e6 x 100 / 3 = 33 333 333.33 kWh
        assertClose(Formulas.transpirationEnergy(d("1"), d("1000000"), d("100"), d("3")), "33333333.3333");
        // 1000 m³ x 1 t/m³ x 2450 J/g (= 680.5556 kWh/t) = 680 555.56 kWh; with humidifiers + 1000 x 120
        BigDecimal q = d("2450").multiply(d("1000000")).divide(d("3600000"), 12, RoundingMode.HALF_UP);
        assertClose(Formulas.evaporationEnergy(d("1000"), d("1"), q, BigDecimal.ZERO), "680555.5556");
        assertClose(Formulas.evaporationEnergy(d("1000"), d("1"), q, d("120")), "800555.5556");
    }

    @Test
    void travelCost() {
        // 4 h x 50 元/h x 0.3 = 60 元 of time + transport 100 + lodging 200 + food 80 + tickets 50 = 490 元 per visit
        assertClose(Formulas.travelCostPerVisit(d("4"), d("50"), d("0.3"), d("100"), d("200"), d("80"), d("50")), "490");
    }
}
