package org.opengep.trading.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Serials first..last of one issuance, held by a holder in a bucket from {@code heldFrom} until {@code heldUntil}
 * (null: still held). A movement never edits a block's range: it ends the block and starts others, so the blocks are
 * the history of every serial. {@code id} is 0 for a block started in the batch at hand (not stored yet).
 */
public final class SerialBlock {

    final long id;
    final UUID holderId;
    final Instrument instrument;
    final UUID productId;
    final String regionCode;
    final UUID issuanceId;
    final String serialPrefix;
    final long start;
    final long end;
    final Bucket state;
    final UUID movementId;
    final LocalDate validUntil;
    final OffsetDateTime heldFrom;
    OffsetDateTime heldUntil;

    public SerialBlock(long id, UUID holderId, Instrument instrument, UUID productId, String regionCode, UUID issuanceId, String serialPrefix,
            long start, long end, Bucket state, UUID movementId, LocalDate validUntil, OffsetDateTime heldFrom, OffsetDateTime heldUntil) {
        this.id = id;
        this.holderId = holderId;
        this.instrument = instrument;
        this.productId = productId;
        this.regionCode = regionCode;
        this.issuanceId = issuanceId;
        this.serialPrefix = serialPrefix;
        this.start = start;
        this.end = end;
        this.state = state;
        this.movementId = movementId;
        this.validUntil = validUntil;
        this.heldFrom = heldFrom;
        this.heldUntil = heldUntil;
    }

    /** The same serials' sub-range start..end, now held by {@code holder} in {@code state} since {@code at}. */
    SerialBlock part(long from, long to, UUID holder, Bucket toState, UUID movement, OffsetDateTime at) {
        return new SerialBlock(0, holder, instrument, productId, regionCode, issuanceId, serialPrefix, from, to, toState, movement, validUntil, at, null);
    }

    public long units() {
        return end - start + 1;
    }

    /** The range as a serial range: {@code <prefix>-<first>-<last>}. */
    public String serials() {
        return serialPrefix + "-" + start + "-" + end;
    }

    public long id() {
        return id;
    }

    public UUID holderId() {
        return holderId;
    }

    public Instrument instrument() {
        return instrument;
    }

    public UUID productId() {
        return productId;
    }

    public String regionCode() {
        return regionCode;
    }

    public UUID issuanceId() {
        return issuanceId;
    }

    public String serialPrefix() {
        return serialPrefix;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public Bucket state() {
        return state;
    }

    public UUID movementId() {
        return movementId;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public OffsetDateTime heldFrom() {
        return heldFrom;
    }

    public OffsetDateTime heldUntil() {
        return heldUntil;
    }
}
