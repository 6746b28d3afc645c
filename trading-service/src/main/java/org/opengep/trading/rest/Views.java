package org.opengep.trading.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.problem.Problem;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.MovementStatus;
import org.opengep.trading.ledger.SerialBlock;
import org.opengep.trading.ledger.TradeMode;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.service.TradeService.Outcome;

/** What the API answers: the response bodies, as the OpenAPI document describes them. Quantities are in the right's unit. */
public final class Views {

    private Views() {}

    @Schema(name = "Movement", description = "A recorded movement and the serial ranges that moved. status: SETTLED or DONE; OPEN for "
            + "reservations (two-phase trades, pledges, freezes) until they are SETTLED, CANCELLED, EXPIRED, RELEASED or ENFORCED")
    public record MovementView(UUID id, MovementKind kind, MovementStatus status, UUID sellerId,
            @Schema(description = "The buyer, or the pledgee") UUID buyerId, RightType rightType, int vintage, Pollutant pollutant,
            WaterRightKind waterRightKind, LocalDate permitValidUntil, BigDecimal quantity,
            @Schema(description = "Two-phase trades: what was delivered") BigDecimal settledQuantity, BigDecimal price, TradeMode mode, String purpose,
            String beneficiary, List<String> serials, OffsetDateTime at, OffsetDateTime expiresAt) {

        public static MovementView of(Movement m) {
            Instrument i = m.instrument();
            RightType type = i.rightType();
            return new MovementView(m.id(), m.kind(), m.status(), m.holderId(), m.counterpartyId(), type, i.vintage(), i.pollutant(),
                    i.waterRightKind(), i.permitValidUntil(), Units.quantity(m.units(), type),
                    m.settledUnits() == null ? null : Units.quantity(m.settledUnits(), type), m.price(), m.mode(), m.purpose(), m.beneficiary(),
                    m.serials(), m.at(), m.expiresAt());
        }
    }

    @Schema(name = "TradeOutcome", description = "status 201 with the movement, or the problem that kept the trade from being recorded")
    public record OutcomeView(int index, int status, MovementView movement, Problem problem) {}

    @Schema(name = "TradeBatchResult")
    public record BatchView(int recorded, int failed, List<OutcomeView> outcomes) {

        static BatchView of(List<Outcome> outcomes) {
            List<OutcomeView> views = outcomes.stream()
                    .map(o -> new OutcomeView(o.index(), o.status(), o.movement() == null ? null : MovementView.of(o.movement()), o.problem()))
                    .toList();
            int recorded = (int) views.stream().filter(o -> o.status() == 201).count();
            return new BatchView(recorded, views.size() - recorded, views);
        }
    }

    @Schema(name = "Balance", description = "Quantities in the right's unit")
    public record BalanceView(RightType rightType, int vintage, String pollutant, WaterRightKind waterRightKind, LocalDate permitValidUntil,
            BigDecimal available, BigDecimal pending, BigDecimal pledged, BigDecimal frozen, BigDecimal retired, BigDecimal expired) {

        public static BalanceView of(LedgerBatch.Balance b) {
            Instrument i = b.instrument();
            RightType t = i.rightType();
            return new BalanceView(t, i.vintage(), i.pollutant() == null ? null : i.pollutant().name(), i.waterRightKind(), i.permitValidUntil(),
                    q(b.get(Bucket.AVAILABLE), t), q(b.get(Bucket.PENDING), t), q(b.get(Bucket.PLEDGED), t), q(b.get(Bucket.FROZEN), t),
                    q(b.get(Bucket.RETIRED), t), q(b.get(Bucket.EXPIRED), t));
        }
    }

    @Schema(name = "SerialBlock", description = "Serials first..last of a block, held by a holder in a state from heldFrom (until heldUntil)")
    public record Block(String first, String last, long units, UUID holderId, RightType rightType, int vintage, String pollutant,
            WaterRightKind waterRightKind, LocalDate permitValidUntil, UUID productId, String regionCode, String state, UUID movementId,
            OffsetDateTime heldFrom, OffsetDateTime heldUntil) {

        public static Block of(SerialBlock b) {
            Instrument i = b.instrument();
            return new Block(b.serialPrefix() + "-" + b.start(), b.serialPrefix() + "-" + b.end(), b.units(), b.holderId(), i.rightType(), i.vintage(),
                    i.pollutant() == null ? null : i.pollutant().name(), i.waterRightKind(), i.permitValidUntil(), b.productId(), b.regionCode(),
                    b.state().name(), b.movementId(), b.heldFrom(), b.heldUntil());
        }
    }

    @Schema(name = "JournalVerification")
    public record Verification(boolean intact, long entries, long chains,
            @Schema(description = "The first entry whose stored hash differs from the recomputed one, or a chain whose head disagrees") BrokenLink firstBroken,
            @Schema(description = "The cash journal: lines and chains (one per account)") long cashEntries, long cashChains,
            @Schema(description = "The first broken link of the cash journal") BrokenLink firstBrokenCash) {}

    @Schema(name = "BrokenLink")
    public record BrokenLink(long entryId, UUID holderId, String instrument, long chainSeq, String expected, String found) {}

    @Schema(name = "Reconciliation")
    public record Reconciliation(boolean clean, long feedPosition, List<InstrumentTotals> instruments, CashTotals cash, List<String> drift) {}

    @Schema(name = "CashTotals", description = "The trading centre's cash, 元: deposits = participants + fees + withdrawals")
    public record CashTotals(BigDecimal deposits, BigDecimal withdrawals, BigDecimal participants, BigDecimal fees) {}

    @Schema(name = "InstrumentTotals", description = "issued = available + pending + pledged + frozen + retired + expired")
    public record InstrumentTotals(RightType rightType, int vintage, String pollutant, WaterRightKind waterRightKind, LocalDate permitValidUntil,
            BigDecimal issued, BigDecimal available, BigDecimal reserved, BigDecimal retired, BigDecimal expired) {}

    @Schema(name = "RealisedValue", description = "Value the trading centre's fills delivered from a region's products in a year (元): first sales "
            + "out of the holder the units were issued to (primary, what the value-realisation rate counts) apart from resales")
    public record Realised(String regionCode, int year, RightType rightType, BigDecimal primaryQuantity, BigDecimal primaryValue, BigDecimal resaleQuantity,
            BigDecimal resaleValue) {}

    @Schema(name = "Sync", description = "Where the import of the registry's issuance feed stands")
    public record Sync(long position, int imported, int pages) {}

    @Schema(name = "Expired", description = "What an expiry run ended: two-phase trades, and units of rights past their validity")
    public record Expired(int trades, long rightsUnits) {}

    private static BigDecimal q(long units, RightType type) {
        return Units.quantity(units, type);
    }
}
