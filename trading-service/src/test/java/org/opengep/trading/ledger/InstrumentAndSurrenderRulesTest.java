package org.opengep.trading.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.trading.ledger.SurrenderRules.Part;

/** What an instrument is (water-right kinds apart), what a surrender may use, and when things expire. */
class InstrumentAndSurrenderRulesTest {

    private static final LocalDate PERMIT_END = LocalDate.of(2030, 12, 31);

    @Test
    void theWaterRightKindsAndEachPermitsEndAreInstrumentsOfTheirOwn() {
        Instrument regional = new Instrument(RightType.WATER_RIGHT, 2025, null, WaterRightKind.REGIONAL, null);
        Instrument irrigation = new Instrument(RightType.WATER_RIGHT, 2025, null, WaterRightKind.IRRIGATION, null);
        Instrument permit = new Instrument(RightType.WATER_RIGHT, 2025, null, WaterRightKind.WITHDRAWAL_PERMIT, PERMIT_END);
        Instrument otherPermit = new Instrument(RightType.WATER_RIGHT, 2025, null, WaterRightKind.WITHDRAWAL_PERMIT, PERMIT_END.minusYears(1));
        assertThat(List.of(regional, irrigation, permit, otherPermit)).doesNotHaveDuplicates();
        assertThat(permit.variant()).isEqualTo("WITHDRAWAL_PERMIT until 2030-12-31");
        assertThat(Instrument.of(RightType.CCER, 2024).variant()).isEmpty();
        // the journal hash of an instrument without kinds is what it was before kinds were kept
        assertThat(new Instrument(RightType.POLLUTANT_EMISSION_RIGHT, 2025, Pollutant.SO2, null, null).variant()).isEqualTo("SO2");
        assertThatThrownBy(() -> new Instrument(RightType.WATER_RIGHT, 2025, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Instrument(RightType.WATER_RIGHT, 2025, null, WaterRightKind.WITHDRAWAL_PERMIT, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Instrument(RightType.CCER, 2025, null, WaterRightKind.REGIONAL, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestNamesItsInstrumentOrHearsWhichFieldIsWrong() {
        Errors errors = new Errors();
        assertThat(Instrument.from(errors, RightType.WATER_RIGHT, 2025, null, null, null)).isNull();
        assertThat(Instrument.from(errors, RightType.WATER_RIGHT, 2025, null, WaterRightKind.WITHDRAWAL_PERMIT, null)).isNull();
        assertThat(Instrument.from(errors, RightType.CCER, 2025, null, WaterRightKind.REGIONAL, null)).isNull();
        assertThat(Instrument.from(errors, RightType.WATER_RIGHT, 2025, null, WaterRightKind.REGIONAL, PERMIT_END)).isNull();
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                .extracting(error -> error.field()).containsExactly("waterRightKind", "permitValidUntil", "waterRightKind", "permitValidUntil"));
        Errors none = new Errors();
        assertThat(Instrument.from(none, RightType.WATER_RIGHT, 2025, null, WaterRightKind.WITHDRAWAL_PERMIT, PERMIT_END).permitValidUntil())
                .isEqualTo(PERMIT_END);
        assertThat(none.size()).isZero();
    }

    @Test
    void aSurrenderMeetsTheObligationExactlyWithCcerUpToItsShare() {
        Instrument allowance = Instrument.of(RightType.CARBON_ALLOWANCE, 2025);
        Instrument ccer = Instrument.of(RightType.CCER, 2024);
        BigDecimal share = new BigDecimal("0.05");
        Errors ok = new Errors();
        SurrenderRules.check(ok, 1000, List.of(new Part(allowance, 950), new Part(ccer, 50)), share);
        assertThat(ok.size()).isZero();
        Errors short1 = new Errors();
        SurrenderRules.check(short1, 1000, List.of(new Part(allowance, 999)), share);
        assertThatThrownBy(short1::throwIfAny).hasMessageContaining("not the obligation of 1000");
        Errors tooMuchCcer = new Errors();
        SurrenderRules.check(tooMuchCcer, 1000, List.of(new Part(allowance, 949), new Part(ccer, 51)), share);
        assertThat(tooMuchCcer.size()).isEqualTo(1);
        assertThat(SurrenderRules.surrenderable(RightType.FOREST_CARBON_SINK)).isFalse();
    }

    @Test
    void unitsExpireTheDayAfterTheirLastDayAndTwoPhaseTradesLapseAtTheirTime() {
        LocalDate last = LocalDate.of(2025, 12, 31);
        assertThat(ExpiryRules.expired(last, last)).isFalse();
        assertThat(ExpiryRules.expired(last, last.plusDays(1))).isTrue();
        assertThat(ExpiryRules.expired(null, last)).isFalse();
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(ExpiryRules.lapsesAt(at, null)).isEqualTo(at.plusHours(1));
        assertThat(ExpiryRules.lapsed(at, at)).isTrue();
        assertThat(ExpiryRules.lapsed(at, at.minusNanos(1000))).isFalse();
        assertThat(ExpiryRules.checkTwoPhase(false, 60L)).contains("only for two-phase trades");
        assertThat(ExpiryRules.checkTwoPhase(true, 0L)).isPresent();
        assertThat(ExpiryRules.checkTwoPhase(true, 60L)).isEmpty();
    }
}
