package org.opengep.trading.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.trading.market.AuctionPricing;
import org.opengep.trading.market.BandRounding;
import org.opengep.trading.market.Settlement;
import org.opengep.trading.market.Side;

/** What the trading centre's API takes: the request bodies, with the limits the OpenAPI document states. */
public final class CentreRequests {

    private CentreRequests() {}

    static final String PRICE = "元 per unit, on the instrument's tick (at most two decimals)";

    @Schema(name = "NewListing", description = "An instrument listed at the trading centre with its trading rules; omitted rules take the defaults shown")
    public record NewListing(@Schema(required = true) RightType rightType, @Schema(required = true, examples = "2025") Integer vintage,
            @Schema(description = "Pollutant emission rights only") Pollutant pollutant,
            @Schema(description = Requests.WATER_KIND) WaterRightKind waterRightKind, @Schema(description = Requests.PERMIT_END) LocalDate permitValidUntil,
            @Schema(description = "Price tick in 元 (default 0.01)", examples = "0.01") BigDecimal tick,
            @Schema(description = "Lot: orders are whole lots of this quantity (default 1)", examples = "1") BigDecimal lot,
            @Schema(description = "Listed orders: the largest deviation from the base price (default 0.10)", examples = "0.10") BigDecimal listedBand,
            @Schema(description = "Block agreements: the largest deviation from the base price (default 0.30)", examples = "0.30") BigDecimal blockBand,
            @Schema(description = "Block agreements are for at least this quantity (default 100000)", examples = "100000") BigDecimal blockThreshold,
            @Schema(description = "The buyer's fee, a share of the amount (default trading.market.centre.buyer-fee-rate, 0.005)") BigDecimal buyerFeeRate,
            @Schema(description = "The seller's fee, a share of the amount (default 0.005)") BigDecimal sellerFeeRate,
            @Schema(description = "Sessions in market time (Asia/Shanghai), default 09:30-11:30,13:00-15:00", examples = "09:30-11:30,13:00-15:00",
                    maxLength = 200) String sessions,
            @Schema(description = "Trading days between a buy and a sale of the instrument, and between a sale and a buy (default 0; CCER: 5)")
            Integer holdingPeriodDays,
            @Schema(description = "The most a participant may hold and bid for (default: no limit)") BigDecimal positionLimit,
            @Schema(description = "Holders of at least this quantity are in the large-holder report (default: none)") BigDecimal largeHolderThreshold,
            @Schema(description = "When fills deliver: AT_FILL (default) or END_OF_DAY") Settlement settlement,
            @Schema(description = "How the band's limit prices are put on the tick: HALF_UP (四舍五入, the exchanges' convention; default "
                    + "trading.market.centre.band-rounding) or INWARD (the low limit up, the high down)") BandRounding bandRounding,
            @Schema(description = "For an instrument with a market price elsewhere (e.g. carried over from a pilot exchange): the base price from today. "
                    + "Without it the first seller proposes the first base price, which applies from the next trading day") BigDecimal openingBasePrice) {}

    @Schema(name = "NewBasePrice", description = "A first seller's proposal of a new instrument's first base price")
    public record NewBasePrice(@Schema(required = true, description = PRICE, examples = "52.00") BigDecimal price) {}

    @Schema(name = "NewOrder", description = "A listed order (挂牌): within the listed band of today's base price; a sell order freezes the units, a buy "
            + "order price x quantity and the buyer's fee")
    public record NewOrder(@Schema(required = true) Integer instrumentId, @Schema(required = true) Side side,
            @Schema(required = true, description = PRICE, examples = "52.10") BigDecimal price,
            @Schema(required = true, description = "Whole lots", examples = "100") BigDecimal quantity) {}

    @Schema(name = "NewTake", description = "Taking (摘牌) all or part of the best order of a side")
    public record NewTake(@Schema(description = "At most what is left of the order (default: all of it)", examples = "40") BigDecimal quantity) {}

    @Schema(name = "NewBlockProposal", description = "A block agreement (大宗协议) proposed to a named counterparty: at least the block threshold, "
            + "within the block band; nothing is frozen until the counterparty confirms")
    public record NewBlockProposal(@Schema(required = true) Integer instrumentId, @Schema(required = true) UUID counterpartyId,
            @Schema(required = true, description = "The initiator's side") Side side, @Schema(required = true, description = PRICE) BigDecimal price,
            @Schema(required = true) BigDecimal quantity,
            @Schema(description = "Seconds the counterparty has to confirm (default 3600; at most trading.market.centre.max-proposal-life, 1 day)")
            Long expiresInSeconds) {}

    @Schema(name = "NewAuction", description = "A one-way auction (单向竞价): a seller's lot (SELL, bids are buys) or a buyer's demand (BUY, bids are "
            + "offers to sell)")
    public record NewAuction(@Schema(required = true) Integer instrumentId, @Schema(required = true) Side side,
            @Schema(required = true, description = "The seller of the lot or the buyer of the demand") UUID principalId,
            @Schema(required = true) BigDecimal quantity,
            @Schema(required = true, description = "A lot's lowest price, a demand's highest") BigDecimal reservePrice,
            @Schema(required = true, description = "The smallest bid") BigDecimal minBidQuantity,
            @Schema(required = true, description = "The most one bidder may bid for (e.g. half the lot)") BigDecimal maxPerBidder,
            @Schema(required = true) AuctionPricing pricing, @Schema(required = true) OffsetDateTime startsAt,
            @Schema(required = true) OffsetDateTime endsAt) {}

    @Schema(name = "NewBid", description = "A bid (irrevocable): for a lot it freezes price x quantity and the buyer's fee, for a demand the units")
    public record NewBid(@Schema(required = true, description = PRICE) BigDecimal price, @Schema(required = true) BigDecimal quantity) {}

    @Schema(name = "NewCashTransfer", description = "Money into or out of a participant's cash account, as the bank transferred it")
    public record NewCashTransfer(@Schema(required = true, description = "元, at most two decimals", examples = "1000000.00", minimum = "0.01",
            maximum = "1e14") BigDecimal amount,
            @Schema(required = true, description = "The bank's reference of the transfer", maxLength = 100, examples = "ICBC-20261201-0001")
            String bankReference) {}

    @Schema(name = "NewMembership", description = "A participant whose trades the platform may report")
    public record NewMembership(@Schema(required = true) UUID participantId) {}

    @Schema(name = "NewPlatformTrade", description = "A trade a platform matched between two of its members, with the platform's reference; the "
            + "units move here, the cash was settled on the platform")
    public record NewPlatformTrade(@Schema(required = true) Integer instrumentId, @Schema(required = true) UUID sellerId,
            @Schema(required = true) UUID buyerId, @Schema(required = true) BigDecimal quantity,
            @Schema(required = true, description = "元 per unit, at most two decimals") BigDecimal price,
            @Schema(required = true, maxLength = 100) String platformReference) {}
}
