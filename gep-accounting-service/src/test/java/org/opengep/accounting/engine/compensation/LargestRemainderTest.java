package org.opengep.accounting.engine.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    /** Random shares of random funds always round to amounts that add up to the fund, each within 1 元 of its exact value. */
    @Test
    void roundedAmountsAlwaysAddUpToTheTotal() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            BigDecimal total = BigDecimal.valueOf(random.nextInt(1_000_000_000));
            int n = 1 + random.nextInt(40);
            BigDecimal[] weights = new BigDecimal[n];
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                weights[i] = BigDecimal.valueOf(1 + random.nextInt(10_000));
                sum = sum.add(weights[i]);
            }
            Map<String, BigDecimal> exact = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                exact.put("r" + i, total.multiply(weights[i]).divide(sum, java.math.MathContext.DECIMAL128));
            }
            Map<String, BigDecimal> rounded = LargestRemainder.round(total, exact);
            assertThat(rounded.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("seed " + seed).isEqualByComparingTo(total);
            exact.forEach((k, v) -> assertThat(rounded.get(k).subtract(v).abs()).as("seed " + seed).isLessThan(BigDecimal.ONE));
        }
    }

    @Test
    void aFractionalTotalIsRefused() {
        assertThatThrownBy(() -> LargestRemainder.round(new BigDecimal("1.5"), Map.of("a", new BigDecimal("1.5"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
