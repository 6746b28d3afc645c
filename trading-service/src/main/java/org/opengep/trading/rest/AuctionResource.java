package org.opengep.trading.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.market.Auction;
import org.opengep.trading.rest.CentreRequests.NewAuction;
import org.opengep.trading.rest.CentreRequests.NewBid;
import org.opengep.trading.rest.CentreViews.AuctionView;
import org.opengep.trading.rest.CentreViews.BidView;
import org.opengep.trading.service.AuctionService;
import org.opengep.trading.service.AuctionService.Standing;
import org.opengep.trading.store.InstrumentStore;

@Path("/api/v1/auctions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trading centre: auctions", description = "One-way auctions (单向竞价) of a seller's lot or a buyer's demand")
@APIResponse(responseCode = "409", description = "Not running (before its start, after its end, allocated), the instrument suspended, insufficient "
        + "cash or units, the cap per bidder, the position limit, the holding period, a self-trade, not ended yet, or the key still in use",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "Below the minimum bid, the reserve not met, or the Idempotency-Key was used for another request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The ledger is busy or the registry cannot confirm a holder or right; nothing was recorded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuctionResource {

    @Inject
    AuctionService auctions;

    @Inject
    InstrumentStore instruments;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "openAuction", summary = "Open a one-way auction", description = "For a seller's lot (SELL: its units are reserved now; "
            + "bids are buys that freeze cash) or a buyer's demand (BUY: its cash at the reserve price, with the fee, is frozen now; bids are offers "
            + "that reserve units). Reserve price, minimum bid, cap per bidder, window and pricing (PAY_AS_BID or UNIFORM) are announced with it.")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = AuctionView.class)))
    public Response open(NewAuction auction, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        return auctions.open(Problems.requireBody(auction), caller, idempotency.request(caller, key, true, "POST", uri, auction),
                a -> AuctionView.of(a, instruments.known(a.instrumentId()), 0, List.of()));
    }

    @GET
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.MARKET_READER, Roles.Trading.PLATFORM})
    @Operation(operationId = "getAuctions", summary = "Auctions, newest first", description = "Every trading role may read them.")
    @APIResponse(responseCode = "200", description = "The auctions (without their bids)")
    public List<AuctionView> list(@QueryParam("limit") @Parameter(description = "At most this many (default 100, at most 1000)") Integer limit,
            @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("limit"));
        Errors errors = new Errors();
        int max = Parameters.limit(limit, 100, 1000, errors);
        errors.throwIfAny();
        return auctions.list(max).stream().map(a -> AuctionView.of(a, instruments.known(a.instrumentId()), 0, List.of())).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.MARKET_READER, Roles.Trading.PLATFORM})
    @Operation(operationId = "getAuction", summary = "An auction and, once allocated, its results", description = "Bids are sealed until the "
            + "allocation: a trader sees its own bids only, the operator and the auditor see all, a market reader and a platform see none (the "
            + "number of bids is public). Once allocated, every bid and what it won are published.")
    @APIResponse(responseCode = "200", description = "The auction")
    public AuctionView get(@PathParam("id") UUID id) {
        return view(auctions.standing(id), callers.current());
    }

    @POST
    @Path("{id}/bids")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "bidInAuction", summary = "Bid (irrevocably)", description = "Within the window, at least the minimum bid, in whole "
            + "lots, meeting the reserve, within the cap per bidder: a bid for a lot freezes price x quantity and the buyer's fee, an offer for a demand "
            + "reserves its units.")
    @APIResponse(responseCode = "201", description = "The bid", content = @Content(schema = @Schema(implementation = BidView.class)))
    public Response bid(@PathParam("id") UUID id, NewBid bid, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        Instrument instrument = instruments.known(auctions.find(id).instrumentId());
        return auctions.bid(id, Problems.requireBody(bid), caller, idempotency.request(caller, key, true, "POST", uri, bid), b -> BidView.of(b, instrument));
    }

    @POST
    @Path("{id}/allocation")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "allocateAuction", summary = "Allocate an auction that has ended", description = "What the system also does after the "
            + "end: by price then time, no bidder beyond the cap, at each bid's price or one clearing price; each award delivered against payment, "
            + "what is left released. The results are published.")
    @APIResponse(responseCode = "200", description = "The auction with its results", content = @Content(schema = @Schema(implementation = AuctionView.class)))
    public Response allocate(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return auctions.allocate(id, idempotency.request(caller, key, true, "POST", uri, null), s -> view(s, caller));
    }

    private static AuctionView view(Standing s, Caller caller) {
        Auction a = s.auction();
        Instrument i = s.listing().instrument();
        // sealed until allocated: the operator and the auditor see every bid, a trader its own holder's, any other role none
        boolean all = a.status() != Auction.Status.OPEN || caller.hasAny(Roles.Trading.ACROSS_HOLDERS);
        UUID own = caller.has(Roles.Trading.TRADER) ? caller.holderId() : null;
        List<BidView> shown = s.bids().stream().filter(b -> all || (own != null && b.bidderId().equals(own))).map(b -> BidView.of(b, i)).toList();
        return AuctionView.of(a, i, s.bids().size(), shown);
    }
}
