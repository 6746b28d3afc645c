package org.opengep.trading.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.trading.ledger.SerialSplit.Block;

class LedgerRulesTest {

    @Test
    void wholeBlocksMoveOldestFirstAndTheLastIsSplitKeepingTheFirstSubRange() {
        var result = SerialSplit.take(List.of(new Block(1, 1, 100), new Block(2, 501, 600), new Block(3, 900, 999)), 150);
        assertThat(result.moved()).containsExactly(new Block(1, 1, 100), new Block(2, 551, 600));
        assertThat(result.kept()).isEqualTo(new Block(2, 501, 550));
        assertThat(result.ended()).containsExactly(1L, 2L);
        var exact = SerialSplit.take(List.of(new Block(7, 10, 19)), 10);
        assertThat(exact.kept()).isNull();
        assertThatThrownBy(() -> SerialSplit.take(List.of(new Block(1, 1, 5)), 6)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unitsCountTheRightsPrecision() {
        assertThat(Units.of(new BigDecimal("12.345"), RightType.POLLUTANT_EMISSION_RIGHT)).isEqualTo(12_345);
        assertThat(Units.of(new BigDecimal("7.000"), RightType.CCER)).isEqualTo(7);
        assertThat(Units.check(new BigDecimal("7.5"), RightType.CCER)).hasValueSatisfying(p -> assertThat(p).contains("0 decimal place"));
        assertThat(Units.check(BigDecimal.ZERO, RightType.CCER)).contains("must be positive");
        assertThat(Units.quantity(12_345, RightType.ENERGY_USE_RIGHT)).isEqualByComparingTo("12.345");
    }

    @Test
    void theChainHashCoversEveryFieldAndThePreviousHash() {
        var at = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 123_456_000, ZoneOffset.UTC);
        var entry = new JournalChain.Entry(UUID.randomUUID(), UUID.randomUUID(), new Instrument(RightType.POLLUTANT_EMISSION_RIGHT, 2025, Pollutant.SO2, null, null),
                "AVAILABLE", 10, 1, at);
        byte[] first = JournalChain.hash(null, entry);
        assertThat(JournalChain.hash(null, entry)).isEqualTo(first);
        assertThat(JournalChain.hash(first, entry)).isNotEqualTo(first);
        var otherUnits = new JournalChain.Entry(entry.movementId(), entry.holderId(), entry.instrument(), "AVAILABLE", 11, 1, at);
        assertThat(JournalChain.hash(null, otherUnits)).isNotEqualTo(first);
        var otherTime = new JournalChain.Entry(entry.movementId(), entry.holderId(), entry.instrument(), "AVAILABLE", 10, 1, at.plusNanos(1000));
        assertThat(JournalChain.hash(null, otherTime)).isNotEqualTo(first);
    }
}
