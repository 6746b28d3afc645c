package org.opengep.trading.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.market.Auction;
import org.opengep.trading.market.AuctionBid;
import org.opengep.trading.market.AuctionPricing;
import org.opengep.trading.market.BandRounding;
import org.opengep.trading.market.BlockProposal;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.FillMode;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Money;
import org.opengep.trading.market.Order;
import org.opengep.trading.market.OrderBook;
import org.opengep.trading.market.OrderStatus;
import org.opengep.trading.market.Session;
import org.opengep.trading.market.Settlement;
import org.opengep.trading.market.Side;
import org.opengep.trading.store.CashStore;

/** What the trading centre's API answers: quantities in the right's unit, money in 元. */
public final class CentreViews {

    private CentreViews() {}

    static BigDecimal quantityOf(long units, Instrument i) {
        return Units.quantity(units, i.rightType());
    }

    @Schema(name = "PriceBand")
    public record Band(BigDecimal low, BigDecimal high) {}

    @Schema(name = "Listing", description = "An instrument at the trading centre, its rules and today's base price and bands")
    public record ListingView(int instrumentId, RightType rightType, int vintage, Pollutant pollutant, WaterRightKind waterRightKind,
            LocalDate permitValidUntil, String unit, @Schema(description = "LISTED or SUSPENDED") String status, BigDecimal tick, BigDecimal lot,
            BigDecimal listedBand, BigDecimal blockBand, BigDecimal blockThreshold, BigDecimal buyerFeeRate, BigDecimal sellerFeeRate, String sessions,
            int holdingPeriodDays, BigDecimal positionLimit, BigDecimal largeHolderThreshold, Settlement settlement, BandRounding bandRounding,
            @Schema(description = "The base price (基准价), and the trading day it applies from") BigDecimal basePrice, LocalDate basePriceFrom,
            @Schema(description = "Today's listed band, when today has a base price") Band listedBandToday, Band blockBandToday) {

        public static ListingView of(Listing l, LocalDate today) {
            Instrument i = l.instrument();
            BigDecimal base = l.basePriceOn(today).orElse(null);
            return new ListingView(l.instrumentId(), i.rightType(), i.vintage(), i.pollutant(), i.waterRightKind(), i.permitValidUntil(), i.unit(),
                    l.suspended() ? "SUSPENDED" : "LISTED", l.tick(), quantityOf(l.lot(), i), l.listedBand(), l.blockBand(), quantityOf(l.blockThreshold(), i),
                    l.buyerFeeRate(), l.sellerFeeRate(), Session.format(l.sessions()), l.holdingDays(),
                    l.positionLimit() == null ? null : quantityOf(l.positionLimit(), i),
                    l.largeHolderThreshold() == null ? null : quantityOf(l.largeHolderThreshold(), i), l.settlement(), l.bandRounding(), l.basePrice(),
                    l.basePriceFrom(),
                    base == null ? null : band(l.band(base, l.listedBand())), base == null ? null : band(l.band(base, l.blockBand())));
        }
    }

    public static Band band(Listing.Band b) {
        return new Band(b.low(), b.high());
    }

    @Schema(name = "Order", description = "A listed order and what it has done")
    public record OrderView(UUID id, int instrumentId, UUID ownerId, Side side, BigDecimal price, BigDecimal quantity, BigDecimal filled,
            BigDecimal remaining, OrderStatus status, @Schema(description = "Buy orders: cash still frozen for the rest, 元") BigDecimal frozenCash,
            @Schema(description = "The amount of the fills so far, 元") BigDecimal filledAmount, @Schema(description = "The owner's fees so far, 元") BigDecimal fees,
            LocalDate tradingDay, OffsetDateTime createdAt, OffsetDateTime endedAt) {

        public static OrderView of(Order o, Instrument i) {
            return new OrderView(o.id, o.instrumentId, o.ownerId, o.side, o.price, quantityOf(o.units, i), quantityOf(o.filled(), i), quantityOf(o.remaining(), i),
                    o.status(), Money.yuan(o.frozenFen()), Money.yuan(o.amountFen()), Money.yuan(o.feesFen()), o.tradingDay, o.createdAt, o.endedAt());
        }
    }

    @Schema(name = "Fill", description = "A fill: units seller to buyer against the amount buyer to seller, less each side's fee (delivery versus payment)")
    public record FillView(UUID id, long seq, int instrumentId, FillMode mode, UUID sellerId, UUID buyerId, BigDecimal quantity, BigDecimal price,
            BigDecimal amount, BigDecimal sellerFee, BigDecimal buyerFee,
            @Schema(description = "PENDING: waits for the close to deliver (END_OF_DAY instruments); SETTLED: delivered") Fill.Status status,
            @Schema(description = "The order taken, the block proposal or the auction") UUID sourceId, String platform, String platformReference,
            LocalDate tradingDay, OffsetDateTime at, OffsetDateTime settledAt) {

        public static FillView of(Fill f, Instrument i) {
            return new FillView(f.id(), f.seq(), f.instrumentId(), f.mode(), f.sellerId(), f.buyerId(), quantityOf(f.units(), i), f.price(),
                    Money.yuan(f.amountFen()), Money.yuan(f.sellerFeeFen()), Money.yuan(f.buyerFeeFen()), f.status(), f.sourceId(), f.platform(),
                    f.platformReference(), f.tradingDay(), f.at(), f.settledAt());
        }
    }

    @Schema(name = "BookLevel", description = "One price level; its first order (the earliest) is the one a take at this price names")
    public record Level(BigDecimal price, BigDecimal quantity, int orders,
            @Schema(description = "The earliest order at this price: on the best level, the order to take") UUID firstOrderId) {}

    @Schema(name = "OrderBook", description = "The public book: five price levels per side, best first; 委比 and 委差 over those levels")
    public record BookView(int instrumentId, List<Level> bids, List<Level> asks,
            @Schema(description = "委差: bid quantity - ask quantity") BigDecimal difference,
            @Schema(description = "委比: (bid - ask) / (bid + ask) x 100 %; null without orders") BigDecimal ratioPercent, BigDecimal basePrice,
            Band listedBand) {

        public static BookView of(Listing listing, OrderBook book, LocalDate today) {
            List<Level> bids = levels(book, Side.BUY, listing);
            List<Level> asks = levels(book, Side.SELL, listing);
            BigDecimal bid = bids.stream().map(Level::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal ask = asks.stream().map(Level::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = bid.add(ask);
            BigDecimal base = listing.basePriceOn(today).orElse(null);
            return new BookView(listing.instrumentId(), bids, asks, bid.subtract(ask), total.signum() == 0 ? null
                    : bid.subtract(ask).multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_UP), base,
                    base == null ? null : band(listing.band(base, listing.listedBand())));
        }

        private static List<Level> levels(OrderBook book, Side side, Listing listing) {
            return book.levels(side, 5).stream().map(l -> new Level(l.price(), quantityOf(l.units(), listing.instrument()), l.orders(), l.firstOrderId()))
                    .toList();
        }
    }

    @Schema(name = "BlockProposal", description = "A block agreement proposal and its outcome")
    public record ProposalView(UUID id, int instrumentId, UUID initiatorId, UUID counterpartyId, Side initiatorSide, BigDecimal price, BigDecimal quantity,
            BlockProposal.Status status, OffsetDateTime expiresAt, OffsetDateTime createdAt, OffsetDateTime endedAt, UUID fillId) {

        public static ProposalView of(BlockProposal p, Instrument i) {
            return new ProposalView(p.id(), p.instrumentId(), p.initiatorId(), p.counterpartyId(), p.initiatorSide(), p.price(), quantityOf(p.units(), i),
                    p.status(), p.expiresAt(), p.createdAt(), p.endedAt(), p.fillId());
        }
    }

    @Schema(name = "AuctionBid")
    public record BidView(UUID id, UUID auctionId, long seq, UUID bidderId, BigDecimal price, BigDecimal quantity, BigDecimal frozenCash,
            @Schema(description = "What the bid won, once allocated") BigDecimal allocated, AuctionBid.Status status, OffsetDateTime createdAt) {

        public static BidView of(AuctionBid b, Instrument i) {
            return new BidView(b.id(), b.auctionId(), b.seq(), b.bidderId(), b.price(), quantityOf(b.units(), i), Money.yuan(b.frozenFen()),
                    quantityOf(b.allocated(), i), b.status(), b.createdAt());
        }
    }

    @Schema(name = "Auction", description = "A one-way auction; once allocated, its results: every bid with what it won")
    public record AuctionView(UUID id, int instrumentId, Side side, UUID principalId, BigDecimal quantity, BigDecimal reservePrice, BigDecimal minBidQuantity,
            BigDecimal maxPerBidder, AuctionPricing pricing, OffsetDateTime startsAt, OffsetDateTime endsAt, Auction.Status status,
            @Schema(description = "UNIFORM auctions: the price every winner pays") BigDecimal clearingPrice, BigDecimal allocated, int bids,
            OffsetDateTime allocatedAt, @Schema(description = "The results, once allocated (before: the caller's own bids)") List<BidView> results) {

        public static AuctionView of(Auction a, Instrument i, int bids, List<BidView> shown) {
            return new AuctionView(a.id(), a.instrumentId(), a.side(), a.principalId(), quantityOf(a.units(), i), a.reservePrice(), quantityOf(a.minBidUnits(), i),
                    quantityOf(a.maxPerBidder(), i), a.pricing(), a.startsAt(), a.endsAt(), a.status(), a.clearingPrice(), quantityOf(a.allocated(), i), bids,
                    a.allocatedAt(), shown);
        }
    }

    @Schema(name = "CashAccount", description = "A participant's cash at the centre, 元")
    public record CashView(UUID participantId, BigDecimal available, BigDecimal frozen) {}

    @Schema(name = "CashTransfer")
    public record TransferView(UUID id, UUID participantId, String kind, BigDecimal amount, String bankReference, OffsetDateTime at, LocalDate tradingDay) {

        public static TransferView of(CashStore.Transfer t) {
            return new TransferView(t.id(), t.participantId(), t.kind(), Money.yuan(t.fen()), t.bankReference(), t.at(), t.tradingDay());
        }
    }

    @Schema(name = "Membership")
    public record MembershipView(String platform, UUID participantId, OffsetDateTime grantedAt) {}

    @Schema(name = "MarketDay", description = "An instrument's day from its fills: the close is the VWAP of the day's listed fills, and becomes the next "
            + "day's base price (carried forward on a day without)")
    public record MarketDay(int instrumentId, LocalDate day, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal last, BigDecimal volume,
            @Schema(description = "元") BigDecimal amount, BigDecimal vwap, long fills, BigDecimal close, BigDecimal nextBasePrice, Band nextListedBand) {}

    @Schema(name = "StatementUnits", description = "One instrument in a daily statement")
    public record StatementUnits(int instrumentId, String instrument, BigDecimal opening, BigDecimal bought, BigDecimal sold, BigDecimal closing) {}

    @Schema(name = "DailyStatement", description = "A participant's day: cash (available + frozen, 元) and units at the opening and the close, "
            + "deposits, withdrawals, fills and fees")
    public record Statement(UUID participantId, LocalDate day, BigDecimal openingCash, BigDecimal deposits, BigDecimal withdrawals,
            @Schema(description = "Paid for fills whose cash moved here (listed, block, auction)") BigDecimal bought,
            @Schema(description = "Received for fills whose cash moved here") BigDecimal sold, BigDecimal fees, BigDecimal closingCash,
            @Schema(description = "Paid on platforms for the trades they reported: the units moved here, the cash did not") BigDecimal boughtOnPlatforms,
            @Schema(description = "Received on platforms for the trades they reported") BigDecimal soldOnPlatforms,
            List<StatementUnits> units, List<FillView> fills) {}

    @Schema(name = "LargeHolder")
    public record LargeHolder(UUID holderId, BigDecimal quantity) {}

    @Schema(name = "LargeHolderReport", description = "Holders of at least the listing's threshold (available, pending, pledged and frozen units)")
    public record LargeHolders(int instrumentId, BigDecimal threshold, List<LargeHolder> holders) {}
}
