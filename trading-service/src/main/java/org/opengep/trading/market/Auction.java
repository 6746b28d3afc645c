package org.opengep.trading.market;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A one-way auction (单向竞价): a seller's lot (SELL: its units wait in PENDING blocks tagged with the auction's id) or
 * a buyer's demand (BUY: the demand's cash at the reserve price, with the buyer's fee, is frozen). Bidders bid within
 * [startsAt, endsAt); bids are irrevocable; at the end the lot is allocated.
 */
public record Auction(UUID id, int instrumentId, Side side, UUID principalId, long units, BigDecimal reservePrice, long minBidUnits, long maxPerBidder,
        AuctionPricing pricing, OffsetDateTime startsAt, OffsetDateTime endsAt, Status status, long frozenFen, BigDecimal clearingPrice, long allocated,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime allocatedAt) {

    @Schema(name = "AuctionStatus")
    public enum Status {
        OPEN,
        ALLOCATED,
        CANCELLED
    }

    public Auction allocated(BigDecimal clearing, long units, OffsetDateTime at) {
        return new Auction(id, instrumentId, side, principalId, this.units, reservePrice, minBidUnits, maxPerBidder, pricing, startsAt, endsAt,
                Status.ALLOCATED, 0, clearing, units, createdAt, createdBy, at);
    }

    /** Whether a bid at {@code price} respects the reserve: at least it for a lot, at most it for a demand. */
    public boolean meetsReserve(BigDecimal price) {
        return side == Side.SELL ? price.compareTo(reservePrice) >= 0 : price.compareTo(reservePrice) <= 0;
    }
}
