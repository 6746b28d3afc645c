package org.opengep.trading.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.common.problem.NotFoundException;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.LedgerBatch.Leg;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.ReservationRules.Asker;
import org.opengep.trading.ledger.ReservationRules.Decision;
import org.opengep.trading.ledger.ReservationRules.Reservation;
import org.opengep.trading.ledger.ReservationRules.Resolution;
import org.opengep.trading.ledger.ReservationRules;
import org.opengep.trading.store.MovementStore.Resolved;

/**
 * Resolves an OPEN reservation under the lock of its row, as {@link ReservationRules} decides: the delivered units
 * go to the counterparty (their products must still be REGISTERED), the rest return to the holder's available units.
 */
record ResolutionCommand(UUID id, Resolution resolution, BigDecimal quantity, Asker asker, String by) implements LedgerCommand<Movement> {

    @Override
    public List<UUID> reservations() {
        return List.of(id);
    }

    @Override
    public void declare(Needs needs, Map<UUID, Movement> reservations) {
        Movement m = reservations.get(id);
        if (m == null) {
            return;
        }
        needs.reservation(id);
        needs.giver(m.holderId(), m.instrument());
        if (m.counterpartyId() != null && (resolution == Resolution.SETTLED || resolution == Resolution.ENFORCED)) {
            needs.receiver(m.counterpartyId(), m.instrument());
        }
    }

    @Override
    public Movement apply(BatchWork work) {
        Movement m = work.reservations.get(id);
        if (m == null) {
            throw new NotFoundException("reservation " + id);
        }
        LedgerBatch ledger = work.ledger;
        Decision decision = ReservationRules.decide(new Reservation(m.id(), m.kind(), m.status(), m.holderId(), m.counterpartyId(), m.instrument(),
                m.units(), m.expiresAt()), resolution, quantity, asker, ledger.at());
        Bucket reserved = m.kind().reservedBucket();
        List<Leg> legs = new ArrayList<>(List.of(new Leg(m.holderId(), reserved, -m.units())));
        List<String> serials = new ArrayList<>();
        if (decision.delivered() > 0) {
            LedgerBatch.Moved moved = ledger.transfer(id, m.instrument(), m.holderId(), reserved, id, m.counterpartyId(), Bucket.AVAILABLE,
                    decision.delivered());
            work.requireRegistered(moved.products());
            serials.addAll(moved.serials());
            legs.add(new Leg(m.counterpartyId(), Bucket.AVAILABLE, decision.delivered()));
        }
        if (decision.returned() > 0) {
            serials.addAll(ledger.transfer(id, m.instrument(), m.holderId(), reserved, id, m.holderId(), Bucket.AVAILABLE, decision.returned()).serials());
            legs.add(new Leg(m.holderId(), Bucket.AVAILABLE, decision.returned()));
        }
        ledger.post(id, m.instrument(), legs);
        Long settled = m.kind() == MovementKind.TRADE ? decision.delivered() : null;
        Movement resolved = m.resolved(decision.status(), settled, ledger.at(), serials);
        work.resolve(new Resolved(id, decision.status(), settled, ledger.at(), by), resolved);
        return resolved;
    }
}
