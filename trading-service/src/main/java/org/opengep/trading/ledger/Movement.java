package org.opengep.trading.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A movement as recorded, and the serial ranges the request moved. {@code holderId} gives the units (the seller, or
 * the holder who retires, pledges or is frozen); {@code counterpartyId} receives them (the buyer, or the pledgee).
 * {@code settledUnits} for trades: what was delivered (two-phase: once settled).
 */
public record Movement(UUID id, MovementKind kind, MovementStatus status, UUID holderId, UUID counterpartyId, Instrument instrument, long units,
        Long settledUnits, BigDecimal price, TradeMode mode, String purpose, String beneficiary, OffsetDateTime expiresAt, OffsetDateTime at,
        String by, List<String> serials) {

    /** The same reservation resolved at {@code when}, with the ranges the resolution moved. */
    public Movement resolved(MovementStatus newStatus, Long settled, OffsetDateTime when, List<String> moved) {
        return new Movement(id, kind, newStatus, holderId, counterpartyId, instrument, units, settled, price, mode, purpose, beneficiary, expiresAt, when,
                by, moved);
    }
}
