package org.opengep.trading.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.NotFoundException;
import org.opengep.common.problem.TypedProblem;
import org.opengep.common.security.Caller;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.market.Auction;
import org.opengep.trading.market.AuctionBid;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Side;
import org.opengep.trading.rest.CentreRequests.NewAuction;
import org.opengep.trading.rest.CentreRequests.NewBid;
import org.opengep.trading.store.AuctionStore;

/** One-way auctions (单向竞价): opened by the operator for a principal's lot or demand, bid by participants, allocated at the end. */
@ApplicationScoped
public class AuctionService {

    private static final Logger LOG = Logger.getLogger(AuctionService.class);

    /** An auction and its bids as committed. */
    public record Standing(Auction auction, Listing listing, List<AuctionBid> bids) {}

    @Inject
    LedgerWriter writer;

    @Inject
    ListingService listings;

    @Inject
    AuctionStore auctions;

    @Inject
    Participants participants;

    @Inject
    MarketClock clock;

    @Inject
    DataSource dataSource;

    public Response open(NewAuction r, Caller caller, KeyedRequest key, Function<Auction, Object> view) {
        Errors errors = new Errors();
        errors.required("instrumentId", r.instrumentId());
        errors.required("side", r.side());
        errors.required("principalId", r.principalId());
        errors.required("pricing", r.pricing());
        ListingService.requirePrice(errors, "reservePrice", r.reservePrice());
        errors.required("startsAt", r.startsAt());
        errors.required("endsAt", r.endsAt());
        errors.throwIfAny();
        if (!r.endsAt().isAfter(r.startsAt())) {
            errors.add("endsAt", "after startsAt");
        }
        if (r.endsAt().isBefore(clock.now()) || Duration.between(r.startsAt(), r.endsAt()).toDays() > 31) {
            errors.add("endsAt", "in the future, at most 31 days after startsAt");
        }
        Listing listing = listings.get(r.instrumentId());
        var type = listing.instrument().rightType();
        long units = Units.from(errors, r.quantity(), type);
        long minBid = Units.from(errors, "minBidQuantity", r.minBidQuantity(), type);
        long cap = Units.from(errors, "maxPerBidder", r.maxPerBidder(), type);
        errors.throwIfAny();
        if (minBid > units) {
            errors.add("minBidQuantity", "at most the auction's quantity");
        }
        if (cap < minBid) {
            errors.add("maxPerBidder", "at least the minimum bid");
        }
        errors.throwIfAny();
        participants.requireActive(r.principalId(), "principal");
        if (r.side() == Side.SELL) {
            participants.readySeller(r.principalId(), listing.instrument());
        }
        return writer.submit(new AuctionCommands.Open(listing.instrument(), listing.instrumentId(), r.side(), r.principalId(), units, r.reservePrice(),
                minBid, cap, r.pricing(), r.startsAt(), r.endsAt(), caller.name()), key, 201, view);
    }

    public Response bid(UUID auctionId, NewBid r, Caller caller, KeyedRequest key, Function<AuctionBid, Object> view) {
        Auction a = find(auctionId);
        Listing listing = listings.get(a.instrumentId());
        Errors errors = new Errors();
        ListingService.requirePrice(errors, "price", r.price());
        long units = Units.from(errors, r.quantity(), listing.instrument().rightType());
        if (r.quantity() == null) {
            errors.add("quantity", "required");
        }
        errors.throwIfAny();
        UUID bidder = participants.self(caller);
        Side bidderSide = a.side().opposite();
        participants.checkHoldingPeriod(listing, bidder, bidderSide);
        if (bidderSide == Side.SELL) {
            participants.readySeller(bidder, listing.instrument());
        }
        return writer.submit(new AuctionCommands.Bid(auctionId, a.instrumentId(), listing.instrument(), a.side(), bidder, r.price(), units, caller.name()),
                key, 201, view);
    }

    /** Allocates an auction that has ended; its bids are read first to know whose accounts to lock (a bid added meanwhile makes it try again). */
    public Response allocate(UUID auctionId, KeyedRequest key, Function<Standing, Object> view) {
        Standing s = standing(auctionId);
        Auction a = s.auction();
        AuctionCommands.Allocate command = new AuctionCommands.Allocate(auctionId, a.instrumentId(), s.listing().instrument(), a.side(), a.principalId(),
                s.bids().stream().map(AuctionBid::id).toList(), s.bids().stream().map(AuctionBid::bidderId).distinct().toList());
        return writer.submit(command, key, 200, view);
    }

    /** Allocates the auctions whose end has passed. */
    @Scheduled(every = "${trading.market.centre.close-check-every:30s}", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void allocateDue() {
        for (Auction a : Transactions.jdbc(dataSource, c -> auctions.list(c, clock.now(), 100))) {
            try {
                allocate(a.id(), null, s -> s.auction().id());
            } catch (TypedProblem e) {
                LOG.warnf("auction %s not allocated: %s", a.id(), e.getMessage());
            }
        }
    }

    public Auction find(UUID id) {
        return Transactions.jdbc(dataSource, c -> auctions.find(c, id)).orElseThrow(() -> new NotFoundException("auction " + id));
    }

    public Standing standing(UUID id) {
        Auction a = find(id);
        return new Standing(a, listings.get(a.instrumentId()), Transactions.jdbc(dataSource, c -> auctions.bids(c, List.of(id))));
    }

    /** Auctions, newest first (without their bids). */
    public List<Auction> list(int limit) {
        return Transactions.jdbc(dataSource, c -> auctions.list(c, null, limit));
    }
}
