package org.opengep.trading.market;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bid in an auction (for a buyer's demand: an offer, its units waiting in PENDING blocks tagged with the bid's id). */
public record AuctionBid(UUID id, UUID auctionId, long seq, UUID bidderId, BigDecimal price, long units, long frozenFen, long allocated, Status status,
        OffsetDateTime createdAt, String createdBy) {

    @Schema(name = "BidStatus")
    public enum Status {
        OPEN,
        WON,
        LOST
    }

    public AuctionBid ended(long won) {
        return new AuctionBid(id, auctionId, seq, bidderId, price, units, 0, won, won > 0 ? Status.WON : Status.LOST, createdAt, createdBy);
    }
}
