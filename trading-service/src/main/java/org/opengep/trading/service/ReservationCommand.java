package org.opengep.trading.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.LedgerBatch.Leg;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.MovementStatus;

/** A pledge to a pledgee or a freeze: the holder's available units become PLEDGED or FROZEN (OPEN until resolved). */
record ReservationCommand(MovementKind kind, UUID holder, UUID pledgee, Instrument instrument, long units, String reason, String by)
        implements LedgerCommand<Movement> {

    @Override
    public void declare(Needs needs, Map<UUID, Movement> reservations) {
        needs.takes(holder, instrument, units);
    }

    @Override
    public Movement apply(BatchWork work) {
        LedgerBatch ledger = work.ledger;
        UUID id = UUID.randomUUID();
        Bucket into = kind.reservedBucket();
        LedgerBatch.Moved moved = ledger.transfer(id, instrument, holder, Bucket.AVAILABLE, null, holder, into, units);
        ledger.post(id, instrument, List.of(new Leg(holder, Bucket.AVAILABLE, -units), new Leg(holder, into, units)));
        Movement movement = new Movement(id, kind, MovementStatus.OPEN, holder, pledgee, instrument, units, null, null, null, reason, null, null,
                ledger.at(), by, moved.serials());
        work.record(movement);
        return movement;
    }
}
