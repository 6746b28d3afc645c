package org.opengep.trading.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.LedgerBatch.Leg;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.MovementStatus;
import org.opengep.trading.ledger.SurrenderRules.Part;

/**
 * Units retired for good (a retirement, or the parts of a compliance surrender, all or none): each part moves from
 * the holder's available blocks to RETIRED, and its products must still be REGISTERED.
 */
record RetirementCommand(MovementKind kind, UUID holder, List<Part> parts, String purpose, String beneficiary, String by)
        implements LedgerCommand<List<Movement>> {

    @Override
    public void declare(Needs needs, Map<UUID, Movement> reservations) {
        parts.forEach(p -> needs.takes(holder, p.instrument(), p.units()));
    }

    @Override
    public List<Movement> apply(BatchWork work) {
        LedgerBatch ledger = work.ledger;
        List<Movement> retired = new ArrayList<>();
        for (Part part : parts) {
            UUID id = UUID.randomUUID();
            LedgerBatch.Moved moved = ledger.transfer(id, part.instrument(), holder, Bucket.AVAILABLE, null, holder, Bucket.RETIRED, part.units());
            work.requireRegistered(moved.products());
            ledger.post(id, part.instrument(), List.of(new Leg(holder, Bucket.AVAILABLE, -part.units()), new Leg(holder, Bucket.RETIRED, part.units())));
            Movement movement = new Movement(id, kind, MovementStatus.DONE, holder, null, part.instrument(), part.units(), null, null, null, purpose,
                    beneficiary, null, ledger.at(), by, moved.serials());
            work.record(movement);
            retired.add(movement);
        }
        return retired;
    }

    @Override
    public int size() {
        return parts.size();
    }
}
