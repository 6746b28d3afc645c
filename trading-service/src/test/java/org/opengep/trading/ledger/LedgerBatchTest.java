package org.opengep.trading.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.rights.RightType;
import org.opengep.trading.ledger.LedgerBatch.Balance;
import org.opengep.trading.ledger.LedgerBatch.Leg;

/** The in-memory batch: movements one after the other on locked balances and blocks, each undone whole when it fails. */
class LedgerBatchTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final Instrument CCER = Instrument.of(RightType.CCER, 2024);
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    /** A holds 100 units in two stored blocks (1..60 and 101..140); B and C hold nothing yet. */
    private LedgerBatch batch() {
        LedgerBatch batch = new LedgerBatch(AT);
        batch.add(new Balance(a, CCER, new long[] {100, 0, 0, 0, 0, 0}, 2, new byte[] {1}, false));
        batch.add(new Balance(b, CCER, new long[6], 0, null, true));
        batch.add(new Balance(c, CCER, new long[6], 0, null, true));
        batch.add(block(1, 1, 60));
        batch.add(block(2, 101, 140));
        return batch;
    }

    private SerialBlock block(long id, long start, long end) {
        return new SerialBlock(id, a, CCER, UUID.randomUUID(), "330110", UUID.randomUUID(), "CCE-330110-1-2024", start, end, Bucket.AVAILABLE, null,
                null, AT.minusDays(1), null);
    }

    private static void trade(LedgerBatch batch, UUID from, UUID to, long units) {
        UUID id = UUID.randomUUID();
        batch.transfer(id, CCER, from, Bucket.AVAILABLE, null, to, Bucket.AVAILABLE, units);
        batch.post(id, CCER, List.of(new Leg(from, Bucket.AVAILABLE, -units), new Leg(to, Bucket.AVAILABLE, units)));
    }

    @Test
    void unitsReceivedInTheBatchMoveOnAndTheHistoryKeepsTheBlockHeldInBetween() {
        LedgerBatch batch = batch();
        trade(batch, a, b, 70);
        trade(batch, b, c, 70);
        assertThat(batch.balance(c, CCER).get(Bucket.AVAILABLE)).isEqualTo(70);
        assertThat(batch.endedStoredBlocks()).extracting(SerialBlock::id).containsExactly(1L, 2L);
        // A keeps 101..130; B held 1..60 and 131..140 for no time; C holds them now
        assertThat(batch.startedBlocks()).extracting(SerialBlock::serials, bl -> bl.holderId(), bl -> bl.heldUntil() != null).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CCE-330110-1-2024-101-130", a, false),
                org.assertj.core.groups.Tuple.tuple("CCE-330110-1-2024-1-60", b, true),
                org.assertj.core.groups.Tuple.tuple("CCE-330110-1-2024-131-140", b, true),
                org.assertj.core.groups.Tuple.tuple("CCE-330110-1-2024-1-60", c, false),
                org.assertj.core.groups.Tuple.tuple("CCE-330110-1-2024-131-140", c, false));
        assertThat(batch.journal()).extracting(LedgerBatch.JournalLine::chainSeq).containsExactly(3L, 1L, 2L, 1L);
        assertThat(batch.journal().get(2).previousHash()).isEqualTo(batch.journal().get(1).hash());
    }

    @Test
    void aMovementThatFailsIsUndoneWholeAndTheNextSeesTheBatchAsBefore() {
        LedgerBatch batch = batch();
        trade(batch, a, b, 10);
        LedgerBatch.Mark mark = batch.mark();
        byte[] head = batch.balance(a, CCER).head();
        trade(batch, a, c, 50);
        batch.rollback(mark);
        assertThat(batch.balance(a, CCER).get(Bucket.AVAILABLE)).isEqualTo(90);
        assertThat(batch.balance(a, CCER).head()).isEqualTo(head);
        assertThat(batch.balance(c, CCER).changed()).isFalse();
        assertThat(batch.balance(c, CCER).unused()).isTrue();
        assertThat(batch.journal()).hasSize(2);
        trade(batch, a, c, 90);
        assertThat(batch.balance(c, CCER).get(Bucket.AVAILABLE)).isEqualTo(90);
        assertThatThrownBy(() -> trade(batch, a, c, 1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("insufficient-balance"));
    }

    @Test
    void aHolderWithoutTheInstrumentHasNothingToGive() {
        LedgerBatch batch = batch();
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> trade(batch, stranger, a, 1)).isInstanceOf(ConflictException.class).hasMessageContaining("has 0");
        assertThatThrownBy(() -> batch.post(UUID.randomUUID(), CCER, List.of(new Leg(a, Bucket.RETIRED, -1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("below zero");
    }

    @Test
    void onlyBlocksPastTheirValidityExpire() {
        LedgerBatch batch = new LedgerBatch(AT);
        batch.add(new Balance(a, CCER, new long[] {30, 0, 0, 0, 0, 0}, 0, null, false));
        LocalDate today = LocalDate.of(2026, 12, 1);
        batch.add(new SerialBlock(1, a, CCER, UUID.randomUUID(), "330110", UUID.randomUUID(), "P", 1, 10, Bucket.AVAILABLE, null, today.minusDays(1),
                AT, null));
        batch.add(new SerialBlock(2, a, CCER, UUID.randomUUID(), "330110", UUID.randomUUID(), "P", 11, 30, Bucket.AVAILABLE, null, today, AT, null));
        assertThat(batch.expire(UUID.randomUUID(), a, CCER, today)).isEqualTo(10);
        assertThat(batch.startedBlocks()).singleElement().satisfies(bl -> assertThat(bl.state()).isEqualTo(Bucket.EXPIRED));
    }
}
