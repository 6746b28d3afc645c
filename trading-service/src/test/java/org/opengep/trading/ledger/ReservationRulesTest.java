package org.opengep.trading.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.RefusedException;
import org.opengep.common.rights.RightType;
import org.opengep.trading.ledger.ReservationRules.Asker;
import org.opengep.trading.ledger.ReservationRules.Reservation;
import org.opengep.trading.ledger.ReservationRules.Resolution;

class ReservationRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final UUID SELLER = UUID.randomUUID();
    private static final UUID BUYER = UUID.randomUUID();
    private static final Asker OPERATOR = new Asker(true, null);
    private static final Asker SELLERS_TRADER = new Asker(false, SELLER);
    private static final Asker BUYERS_TRADER = new Asker(false, BUYER);
    private static final Asker STRANGER = new Asker(false, UUID.randomUUID());

    private static Reservation trade(OffsetDateTime expiresAt) {
        return new Reservation(UUID.randomUUID(), MovementKind.TRADE, MovementStatus.OPEN, SELLER, BUYER, Instrument.of(RightType.CCER, 2024), 100,
                expiresAt);
    }

    private static Reservation of(MovementKind kind) {
        return new Reservation(UUID.randomUUID(), kind, MovementStatus.OPEN, SELLER, kind == MovementKind.FREEZE ? null : BUYER,
                Instrument.of(RightType.CCER, 2024), 100, null);
    }

    @Test
    void thePartiesSettleOrCancelATradeTheOperatorExpiresIt() {
        Reservation t = trade(NOW.plusHours(1));
        assertThat(ReservationRules.decide(t, Resolution.SETTLED, null, BUYERS_TRADER, NOW).delivered()).isEqualTo(100);
        assertThat(ReservationRules.decide(t, Resolution.CANCELLED, null, SELLERS_TRADER, NOW).returned()).isEqualTo(100);
        assertThat(ReservationRules.decide(t, Resolution.SETTLED, null, OPERATOR, NOW).status()).isEqualTo(MovementStatus.SETTLED);
        assertThatThrownBy(() -> ReservationRules.decide(t, Resolution.SETTLED, null, STRANGER, NOW)).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> ReservationRules.decide(t, Resolution.EXPIRED, null, BUYERS_TRADER, NOW)).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> ReservationRules.decide(t, Resolution.RELEASED, null, OPERATOR, NOW)).isInstanceOf(RefusedException.class);
    }

    @Test
    void aTradePastItsTimeCanNoLongerBeSettledButExpiresOrIsCancelled() {
        Reservation t = trade(NOW);
        assertThatThrownBy(() -> ReservationRules.decide(t, Resolution.SETTLED, null, BUYERS_TRADER, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("trade-expired"));
        assertThat(ReservationRules.decide(t, Resolution.EXPIRED, null, OPERATOR, NOW).returned()).isEqualTo(100);
        assertThat(ReservationRules.decide(t, Resolution.CANCELLED, null, SELLERS_TRADER, NOW).returned()).isEqualTo(100);
        Reservation later = trade(NOW.plusNanos(1000));
        assertThat(ReservationRules.decide(later, Resolution.SETTLED, null, BUYERS_TRADER, NOW).delivered()).isEqualTo(100);
        assertThatThrownBy(() -> ReservationRules.decide(later, Resolution.EXPIRED, null, OPERATOR, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("not-expired"));
    }

    @Test
    void aPartialSettlementReturnsTheRestAndNeverDeliversMoreThanReserved() {
        Reservation t = trade(NOW.plusHours(1));
        var partial = ReservationRules.decide(t, Resolution.SETTLED, new BigDecimal("40"), BUYERS_TRADER, NOW);
        assertThat(partial.delivered()).isEqualTo(40);
        assertThat(partial.returned()).isEqualTo(60);
        assertThatThrownBy(() -> ReservationRules.decide(t, Resolution.SETTLED, new BigDecimal("101"), BUYERS_TRADER, NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ReservationRules.decide(t, Resolution.SETTLED, new BigDecimal("1.5"), BUYERS_TRADER, NOW))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theyResolveOnce() {
        Reservation settled = new Reservation(UUID.randomUUID(), MovementKind.TRADE, MovementStatus.SETTLED, SELLER, BUYER,
                Instrument.of(RightType.CCER, 2024), 100, NOW.plusHours(1));
        assertThatThrownBy(() -> ReservationRules.decide(settled, Resolution.CANCELLED, null, SELLERS_TRADER, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("already-resolved"));
    }

    @Test
    void thePledgeeReleasesAPledgeTheOperatorEnforcesItAndReleasesFreezes() {
        Reservation pledge = of(MovementKind.PLEDGE);
        assertThat(ReservationRules.decide(pledge, Resolution.RELEASED, null, BUYERS_TRADER, NOW).returned()).isEqualTo(100);
        assertThatThrownBy(() -> ReservationRules.decide(pledge, Resolution.RELEASED, null, SELLERS_TRADER, NOW)).isInstanceOf(RefusedException.class);
        assertThat(ReservationRules.decide(pledge, Resolution.ENFORCED, null, OPERATOR, NOW).delivered()).isEqualTo(100);
        assertThatThrownBy(() -> ReservationRules.decide(pledge, Resolution.ENFORCED, null, BUYERS_TRADER, NOW)).isInstanceOf(RefusedException.class);
        Reservation freeze = of(MovementKind.FREEZE);
        assertThat(ReservationRules.decide(freeze, Resolution.RELEASED, null, OPERATOR, NOW).returned()).isEqualTo(100);
        assertThatThrownBy(() -> ReservationRules.decide(freeze, Resolution.RELEASED, null, SELLERS_TRADER, NOW)).isInstanceOf(RefusedException.class);
    }
}
