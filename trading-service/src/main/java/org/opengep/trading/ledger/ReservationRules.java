package org.opengep.trading.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.RefusedException;

/**
 * How an OPEN reservation ends, exactly once: a two-phase trade is SETTLED (all, or part with the rest returned),
 * CANCELLED, or EXPIRED once its time is past (from then on it can no longer be settled, whether or not the expiry job
 * has run); a pledge is RELEASED to its holder or ENFORCED to the pledgee; a freeze is RELEASED. Who may: the parties
 * settle or cancel a trade, the pledgee releases a pledge, the operator does the rest.
 */
public final class ReservationRules {

    public enum Resolution {
        SETTLED,
        CANCELLED,
        EXPIRED,
        RELEASED,
        ENFORCED;

        public MovementStatus status() {
            return MovementStatus.valueOf(name());
        }
    }

    /** A reservation as stored: its holder (the seller, pledgor or frozen holder) and counterparty (buyer or pledgee). */
    public record Reservation(UUID id, MovementKind kind, MovementStatus status, UUID holderId, UUID counterpartyId, Instrument instrument,
            long units, OffsetDateTime expiresAt) {}

    /** Who asks: the operator, or a trader acting for a holder. */
    public record Asker(boolean operator, UUID holderId) {}

    /** What the resolution moves: units delivered to the counterparty, and units returned to the holder. */
    public record Decision(MovementStatus status, long delivered, long returned) {}

    private ReservationRules() {}

    /**
     * The decision for {@code resolution} of {@code r} asked by {@code asker} at {@code now}; {@code quantity} is what
     * a settlement delivers (null: all that is reserved).
     */
    public static Decision decide(Reservation r, Resolution resolution, BigDecimal quantity, Asker asker, OffsetDateTime now) {
        if (!allowed(r, resolution, asker)) {
            throw new RefusedException("not-allowed", "a " + name(r) + " cannot be " + resolution + " by this caller");
        }
        if (r.status() != MovementStatus.OPEN) {
            throw new ConflictException("already-resolved", "this " + name(r) + " was " + r.status() + " already");
        }
        boolean lapsed = ExpiryRules.lapsed(r.expiresAt(), now);
        if (resolution == Resolution.EXPIRED && !lapsed) {
            throw new ConflictException("not-expired", "the trade expires at " + r.expiresAt());
        }
        if (resolution == Resolution.SETTLED && lapsed) {
            throw new ConflictException("trade-expired", "the trade expired at " + r.expiresAt() + " and can no longer be settled");
        }
        long delivered = switch (resolution) {
            case SETTLED -> settled(quantity, r);
            case ENFORCED -> r.units();
            default -> 0;
        };
        return new Decision(resolution.status(), delivered, r.units() - delivered);
    }

    static boolean allowed(Reservation r, Resolution resolution, Asker asker) {
        boolean party = asker.holderId() != null && (asker.holderId().equals(r.holderId()) || asker.holderId().equals(r.counterpartyId()));
        boolean pledgee = asker.holderId() != null && asker.holderId().equals(r.counterpartyId());
        return switch (r.kind()) {
            case TRADE -> (resolution == Resolution.SETTLED || resolution == Resolution.CANCELLED) && (party || asker.operator())
                    || resolution == Resolution.EXPIRED && asker.operator();
            case PLEDGE -> resolution == Resolution.RELEASED && (asker.operator() || pledgee) || resolution == Resolution.ENFORCED && asker.operator();
            case FREEZE -> resolution == Resolution.RELEASED && asker.operator();
            default -> false;
        };
    }

    private static long settled(BigDecimal quantity, Reservation r) {
        if (quantity == null) {
            return r.units();
        }
        Errors errors = new Errors();
        Units.check(quantity, r.instrument().rightType()).ifPresent(p -> errors.add("quantity", p));
        errors.throwIfAny();
        long units = Units.of(quantity, r.instrument().rightType());
        if (units > r.units()) {
            errors.add("quantity", "at most the " + Units.quantity(r.units(), r.instrument().rightType()).toPlainString() + " reserved");
            errors.throwIfAny();
        }
        return units;
    }

    private static String name(Reservation r) {
        return r.kind().name().toLowerCase();
    }
}
