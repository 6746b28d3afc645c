package org.opengep.trading.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.ExpiryRules;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.LedgerBatch.Leg;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.MovementStatus;

/**
 * A checked trade: units from the seller's available blocks to the buyer at once (SETTLED), or two-phase into the
 * seller's PENDING bucket until the trade is settled, cancelled or lapses (OPEN). Every product whose units move must
 * still be REGISTERED.
 */
record TradeCommand(UUID seller, UUID buyer, Instrument instrument, long units, boolean twoPhase,
        Long expiresInSeconds, String by) implements LedgerCommand<Movement> {

    @Override
    public void declare(Needs needs, Map<UUID, Movement> reservations) {
        needs.takes(seller, instrument, units);
        if (!twoPhase) {
            needs.receiver(buyer, instrument);
        }
    }

    @Override
    public Movement apply(BatchWork work) {
        LedgerBatch ledger = work.ledger;
        UUID id = UUID.randomUUID();
        UUID receiver = twoPhase ? seller : buyer;
        Bucket into = twoPhase ? Bucket.PENDING : Bucket.AVAILABLE;
        LedgerBatch.Moved moved = ledger.transfer(id, instrument, seller, Bucket.AVAILABLE, null, receiver, into, units);
        work.requireRegistered(moved.products());
        ledger.post(id, instrument, List.of(new Leg(seller, Bucket.AVAILABLE, -units), new Leg(receiver, into, units)));
        Movement movement = twoPhase
                ? new Movement(id, MovementKind.TRADE, MovementStatus.OPEN, seller, buyer, instrument, units, null, null, null, null, null,
                        ExpiryRules.lapsesAt(ledger.at(), expiresInSeconds), ledger.at(), by, moved.serials())
                : new Movement(id, MovementKind.TRADE, MovementStatus.SETTLED, seller, buyer, instrument, units, units, null, null, null, null, null,
                        ledger.at(), by, moved.serials());
        work.record(movement);
        return movement;
    }
}
