package org.opengep.trading.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fill: units from seller to buyer against the amount from buyer to seller, each side's fee to the centre
 * (delivery versus payment). PENDING until delivered where the instrument settles at the end of the day.
 */
public record Fill(UUID id, long seq, int instrumentId, FillMode mode, UUID sellerId, UUID buyerId, long units, BigDecimal price, long amountFen,
        long sellerFeeFen, long buyerFeeFen, UUID sourceId, String platform, String platformReference, Status status, LocalDate tradingDay,
        OffsetDateTime at, OffsetDateTime settledAt) {

    @Schema(name = "FillStatus")
    public enum Status {
        PENDING,
        SETTLED
    }

    public Fill settled(OffsetDateTime when) {
        return new Fill(id, seq, instrumentId, mode, sellerId, buyerId, units, price, amountFen, sellerFeeFen, buyerFeeFen, sourceId, platform,
                platformReference, Status.SETTLED, tradingDay, at, when);
    }

    /** What the buyer pays: the amount and its fee. */
    public long buyerPays() {
        return amountFen + buyerFeeFen;
    }
}
