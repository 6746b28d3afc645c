package org.opengep.trading.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.UnprocessableException;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.market.Auction;
import org.opengep.trading.market.AuctionAllocation;
import org.opengep.trading.market.AuctionBid;
import org.opengep.trading.market.AuctionPricing;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.FillMode;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Money;
import org.opengep.trading.market.Side;

/** The commands of one-way auctions (单向竞价): open one, bid, allocate at the end. */
final class AuctionCommands {

    private AuctionCommands() {}

    /** Opens an auction: a seller's lot is reserved (PENDING, tagged with the auction); a buyer's demand freezes its cash at the reserve price. */
    record Open(Instrument instrument, int instrumentId, Side side, UUID principalId, long units, BigDecimal reservePrice, long minBidUnits,
            long maxPerBidder, AuctionPricing pricing, OffsetDateTime startsAt, OffsetDateTime endsAt, String by) implements LedgerCommand<Auction> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            if (side == Side.SELL) {
                needs.takes(principalId, instrument, units);
            } else {
                needs.cash(principalId);
            }
        }

        @Override
        public Auction apply(BatchWork work) {
            MarketWork.Book book = work.market.book(instrumentId);
            Listing listing = book.listing;
            if (listing.suspended()) {
                throw new ConflictException("instrument-suspended", instrument + " is suspended");
            }
            listing.checkTickAndLot(reservePrice, units);
            listing.checkTickAndLot(reservePrice, minBidUnits);
            UUID id = UUID.randomUUID();
            long frozen = 0;
            if (side == Side.SELL) {
                Delivery.reserve(work, instrument, principalId, id, units);
            } else {
                long amount = OrderCommands.amount(listing, reservePrice, units);
                // each award's amount and fee are rounded to the fen on their own: up to a fen each above the whole's
                long awardsAtMost = units / minBidUnits + 1;
                frozen = amount + Money.fee(amount, listing.buyerFeeRate()) + 2 * awardsAtMost;
                work.market.cash.freeze(id, principalId, frozen);
            }
            Auction a = new Auction(id, instrumentId, side, principalId, units, reservePrice, minBidUnits, maxPerBidder, pricing, startsAt, endsAt,
                    Auction.Status.OPEN, frozen, null, 0, work.ledger.at(), by, null);
            work.market.put(a);
            return a;
        }
    }

    /** A bid (irrevocable) within the window: for a lot it freezes cash, for a demand (an offer) its units. */
    record Bid(UUID auctionId, int instrumentId, Instrument instrument, Side auctionSide, UUID bidderId, BigDecimal price, long units, String by)
            implements LedgerCommand<AuctionBid> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
            needs.auctionBidder(auctionId, bidderId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            if (auctionSide == Side.SELL) {
                needs.receiver(bidderId, instrument);
                needs.cash(bidderId);
            } else {
                needs.takes(bidderId, instrument, units);
            }
        }

        @Override
        public AuctionBid apply(BatchWork work) {
            MarketWork market = work.market;
            MarketWork.Book book = market.book(instrumentId);
            Auction a = market.auction(auctionId);
            OffsetDateTime now = work.ledger.at();
            if (a.status() != Auction.Status.OPEN || now.isBefore(a.startsAt()) || !now.isBefore(a.endsAt())) {
                throw new ConflictException("auction-not-running", "auction " + auctionId + " takes bids from " + a.startsAt() + " until " + a.endsAt()
                        + " (" + a.status() + ")");
            }
            if (book.listing.suspended()) {
                throw new ConflictException("instrument-suspended", instrument + " is suspended");
            }
            if (bidderId.equals(a.principalId())) {
                throw new ConflictException("self-trade", "the auction's principal cannot bid in it");
            }
            book.listing.checkTickAndLot(price, units);
            if (units < a.minBidUnits()) {
                throw new UnprocessableException("below-minimum-bid", "a bid is for at least " + a.minBidUnits() + " units");
            }
            if (!a.meetsReserve(price)) {
                throw new UnprocessableException("reserve-not-met", "the reserve price is " + a.reservePrice().toPlainString() + " 元: bids "
                        + (a.side() == Side.SELL ? "at least" : "at most") + " that");
            }
            long bidding = market.bidUnits(auctionId, bidderId);
            if (bidding + units > a.maxPerBidder()) {
                throw new ConflictException("bidder-cap", bidderId + " bids for " + bidding + " units already; the cap per bidder is " + a.maxPerBidder());
            }
            UUID id = UUID.randomUUID();
            long frozen = 0;
            if (a.side() == Side.SELL) {
                market.checkPosition(book, work.ledger, bidderId, units);
                long amount = OrderCommands.amount(book.listing, price, units);
                frozen = amount + Money.fee(amount, book.listing.buyerFeeRate());
                market.cash.freeze(id, bidderId, frozen);
            } else {
                Delivery.reserve(work, instrument, bidderId, id, units);
            }
            AuctionBid bid = new AuctionBid(id, auctionId, book.nextSeq(), bidderId, price, units, frozen, 0, AuctionBid.Status.OPEN, now, by);
            market.put(bid);
            return bid;
        }
    }

    /** At the end: the lot (or demand) is allocated by price then time, the awards delivered against payment, the rest released. */
    record Allocate(UUID auctionId, int instrumentId, Instrument instrument, Side side, UUID principalId, List<UUID> bidIds, List<UUID> bidders)
            implements LedgerCommand<AuctionService.Standing> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
            needs.auctionWithBids(auctionId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            needs.cash(principalId, CashBook.FEE_ACCOUNT);
            if (side == Side.SELL) {
                needs.reservation(auctionId);
                needs.receiver(principalId, instrument);
            } else {
                needs.receiver(principalId, instrument);
                bidIds.forEach(needs::reservation);
            }
            for (UUID bidder : bidders) {
                needs.receiver(bidder, instrument);
                needs.cash(bidder);
            }
        }

        @Override
        public int size() {
            return Math.max(1, bidIds.size());
        }

        @Override
        public AuctionService.Standing apply(BatchWork work) {
            MarketWork market = work.market;
            MarketWork.Book book = market.book(instrumentId);
            Auction a = market.auction(auctionId);
            if (a.status() != Auction.Status.OPEN) {
                throw new ConflictException("auction-ended", "auction " + auctionId + " is " + a.status());
            }
            if (work.ledger.at().isBefore(a.endsAt())) {
                throw new ConflictException("auction-not-ended", "auction " + auctionId + " takes bids until " + a.endsAt());
            }
            List<AuctionBid> bids = new ArrayList<>(market.bidsOf(auctionId));
            if (!bids.stream().map(AuctionBid::id).toList().equals(bidIds)) {
                throw new ConflictException("auction-changed", "bids of auction " + auctionId + " changed while it was being allocated; allocate again");
            }
            AuctionAllocation.Result result = AuctionAllocation.allocate(a.side(), a.units(), book.listing.lot(), a.maxPerBidder(), a.pricing(),
                    bids.stream().map(b -> new AuctionAllocation.Bid(b.id(), b.seq(), b.bidderId(), b.price(), b.units())).toList());
            if (a.side() == Side.SELL) {
                deliverLot(work, book, a, bids, result);
            } else {
                deliverDemand(work, book, a, bids, result);
            }
            Auction allocated = a.allocated(result.clearingPrice(), result.allocated(), work.ledger.at());
            market.put(allocated);
            return new AuctionService.Standing(allocated, book.listing, List.copyOf(market.bidsOf(auctionId)));
        }

        /**
         * A seller's lot: what a bidder won at one price is one fill (its bids at that price together), delivered from
         * the lot's reserved blocks against the bidder's frozen cash; each bidder's cash frozen beyond what it pays is
         * released at once, and the units nobody won return to the seller.
         */
        private void deliverLot(BatchWork work, MarketWork.Book book, Auction a, List<AuctionBid> bids, AuctionAllocation.Result result) {
            MarketWork market = work.market;
            record Won(UUID bidder, BigDecimal price) {}
            Map<Won, Long> won = new LinkedHashMap<>();
            Map<UUID, Long> frozen = new LinkedHashMap<>();
            Map<UUID, Long> awarded = new HashMap<>();
            bids.forEach(b -> frozen.merge(b.bidderId(), b.frozenFen(), Long::sum));
            for (AuctionAllocation.Award award : result.awards()) {
                if (award.units() > 0) {
                    won.merge(new Won(award.bid().bidderId(), award.price()), award.units(), Long::sum);
                }
                awarded.put(award.bid().id(), award.units());
            }
            Map<UUID, Long> paid = new HashMap<>();
            won.forEach((w, units) -> {
                long amount = OrderCommands.amount(book.listing, w.price(), units);
                long buyerFee = Money.fee(amount, book.listing.buyerFeeRate());
                Delivery.fill(work, book, new Delivery.Terms(FillMode.AUCTION, a.principalId(), Delivery.UnitsFrom.reserved(a.id()), w.bidder(), true,
                        units, w.price(), amount, Money.fee(amount, book.listing.sellerFeeRate()), buyerFee, a.id(), null, null));
                paid.merge(w.bidder(), amount + buyerFee, Long::sum);
            });
            frozen.forEach((bidder, fen) -> market.cash.release(a.id(), bidder, fen - paid.getOrDefault(bidder, 0L)));
            bids.forEach(b -> market.put(b.ended(awarded.getOrDefault(b.id(), 0L))));
            if (result.unallocated() > 0) {
                Delivery.release(work, instrument, a.principalId(), a.id(), result.unallocated());
            }
        }

        /** A buyer's demand: each winning offer is a fill from its own reserved blocks against the demand's frozen cash; the rest is released. */
        private void deliverDemand(BatchWork work, MarketWork.Book book, Auction a, List<AuctionBid> bids, AuctionAllocation.Result result) {
            MarketWork market = work.market;
            Map<UUID, AuctionBid> byId = new HashMap<>();
            bids.forEach(b -> byId.put(b.id(), b));
            long paid = 0;
            for (AuctionAllocation.Award award : result.awards()) {
                AuctionBid bid = byId.get(award.bid().id());
                long won = award.units();
                if (won > 0) {
                    long amount = OrderCommands.amount(book.listing, award.price(), won);
                    long buyerFee = Money.fee(amount, book.listing.buyerFeeRate());
                    Delivery.fill(work, book, new Delivery.Terms(FillMode.AUCTION, bid.bidderId(), Delivery.UnitsFrom.reserved(bid.id()), a.principalId(),
                            true, won, award.price(), amount, Money.fee(amount, book.listing.sellerFeeRate()), buyerFee, a.id(), null, null));
                    paid += amount + buyerFee;
                }
                if (won < bid.units()) {
                    Delivery.release(work, instrument, bid.bidderId(), bid.id(), bid.units() - won);
                }
                market.put(bid.ended(won));
            }
            market.cash.release(a.id(), a.principalId(), a.frozenFen() - paid);
        }
    }
}
