package org.opengep.trading.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.LedgerBatch.Leg;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.MovementStatus;

/** A holder's available units of an instrument whose validity ended before {@code today} become EXPIRED; answers how many. */
record RightsExpiryCommand(UUID holder, Instrument instrument, LocalDate today, String by) implements LedgerCommand<Long> {

    @Override
    public void declare(Needs needs, Map<UUID, Movement> reservations) {
        needs.takes(holder, instrument, Long.MAX_VALUE);
    }

    @Override
    public Long apply(BatchWork work) {
        UUID id = UUID.randomUUID();
        long units = work.ledger.expire(id, holder, instrument, today);
        if (units > 0) {
            work.ledger.post(id, instrument, List.of(new Leg(holder, Bucket.AVAILABLE, -units), new Leg(holder, Bucket.EXPIRED, units)));
            work.record(new Movement(id, MovementKind.EXPIRY, MovementStatus.DONE, holder, null, instrument, units, null, null, null, null, null, null,
                    work.ledger.at(), by, List.of()));
        }
        return units;
    }
}
