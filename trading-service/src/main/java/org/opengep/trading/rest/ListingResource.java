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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
import org.opengep.trading.rest.CentreRequests.NewBasePrice;
import org.opengep.trading.rest.CentreRequests.NewListing;
import org.opengep.trading.rest.CentreViews.BookView;
import org.opengep.trading.rest.CentreViews.FillView;
import org.opengep.trading.rest.CentreViews.LargeHolders;
import org.opengep.trading.rest.CentreViews.ListingView;
import org.opengep.trading.rest.CentreViews.MarketDay;
import org.opengep.trading.service.DayClose;
import org.opengep.trading.service.ListingService;
import org.opengep.trading.service.MarketClock;
import org.opengep.trading.service.MarketData;
import org.opengep.trading.service.OrderService;
import org.opengep.trading.service.Statements;
import org.opengep.trading.store.InstrumentStore;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trading centre: instruments and market data", description = "Instruments listed with their trading rules, the public book, "
        + "market data, the trade tape, the large-holder report and the close of the day")
@APIResponse(responseCode = "409", description = "The instrument is listed already, has a base price already, or the day is closed already",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The ledger is busy or the registry cannot confirm a holder; nothing was recorded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ListingResource {

    private static final String READERS_DESCRIPTION = "Every trading role may read it.";

    @Inject
    ListingService listings;

    @Inject
    OrderService orders;

    @Inject
    MarketData market;

    @Inject
    Statements statements;

    @Inject
    DayClose dayClose;

    @Inject
    MarketClock clock;

    @Inject
    InstrumentStore instruments;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("instruments")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "listInstrument", summary = "List an instrument at the trading centre", description = "A right type and vintage (with its "
            + "pollutant or water-right kind) and its trading rules as data. Its first base price comes from its first seller (it applies from the next "
            + "trading day) unless the operator gives an opening base price for an instrument with a market price elsewhere.")
    @APIResponse(responseCode = "201", description = "Listed", content = @Content(schema = @Schema(implementation = ListingView.class)))
    public Response list(NewListing listing, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        NewListing body = Problems.requireBody(listing);
        return idempotency.execute(caller, key, true, "POST", uri, body,
                () -> Response.status(201).entity(ListingView.of(listings.list(body, caller), clock.today())).build());
    }

    @GET
    @Path("instruments")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.MARKET_READER, Roles.Trading.PLATFORM})
    @Operation(operationId = "getInstruments", summary = "The listed instruments", description = "With their rules, status, base price and today's bands. "
            + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The listings")
    public List<ListingView> all() {
        LocalDate today = clock.today();
        return listings.all().stream().map(l -> ListingView.of(l, today)).toList();
    }

    @GET
    @Path("instruments/{instrumentId}")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.MARKET_READER, Roles.Trading.PLATFORM})
    @Operation(operationId = "getInstrument", summary = "A listed instrument", description = READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The listing")
    public ListingView get(@PathParam("instrumentId") int id) {
        return ListingView.of(listings.get(id), clock.today());
    }

    @POST
    @Path("instruments/{instrumentId}/suspension")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "suspendInstrument", summary = "Suspend trading", description = "Nothing can be posted, taken, confirmed or bid until it "
            + "is resumed; what is open stays open (owners may cancel).")
    @APIResponse(responseCode = "200", description = "Suspended", content = @Content(schema = @Schema(implementation = ListingView.class)))
    public Response suspend(@PathParam("instrumentId") int id, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        return suspension(id, true, key, uri);
    }

    @POST
    @Path("instruments/{instrumentId}/resumption")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "resumeInstrument", summary = "Resume trading")
    @APIResponse(responseCode = "200", description = "Listed again", content = @Content(schema = @Schema(implementation = ListingView.class)))
    public Response resume(@PathParam("instrumentId") int id, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        return suspension(id, false, key, uri);
    }

    @POST
    @Path("instruments/{instrumentId}/base-price")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "proposeFirstBasePrice", summary = "Propose a new instrument's first base price", description = "By a holder of its units "
            + "(its first seller), once: it applies from the next trading day; from then on the closes set it.")
    @APIResponse(responseCode = "200", description = "The listing with its first base price", content = @Content(schema = @Schema(implementation = ListingView.class)))
    public Response proposeBasePrice(@PathParam("instrumentId") int id, NewBasePrice price,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        LocalDate today = clock.today();
        return listings.proposeBasePrice(id, Problems.requireBody(price), caller, idempotency.request(caller, key, true, "POST", uri, price),
                l -> ListingView.of(l, today));
    }

    @GET
    @Path("instruments/{instrumentId}/book")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.MARKET_READER, Roles.Trading.PLATFORM})
    @Operation(operationId = "getOrderBook", summary = "The public order book", description = "Five price levels per side (best first) with the "
            + "quantity and number of orders at each, 委差 and 委比 over them, and today's base price and listed band. " + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The book")
    public BookView book(@PathParam("instrumentId") int id) {
        return BookView.of(listings.get(id), orders.book(id), clock.today());
    }

    @GET
    @Path("instruments/{instrumentId}/market-data")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.MARKET_READER, Roles.Trading.PLATFORM})
    @Operation(operationId = "getMarketData", summary = "Daily market data of an instrument", description = "Per trading day (Asia/Shanghai), from "
            + "the centre's fills: open, high, low, last, volume, amount, VWAP, fills, the close (VWAP of the day's listed fills) and the next day's "
            + "base price and listed band. Transfers between holders count for nothing here. " + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The days with fills or a close, oldest first")
    public List<MarketDay> marketData(@PathParam("instrumentId") int id, @QueryParam("from") @Parameter(description = "First day (default: 30 days ago)",
            example = "2026-11-01") String from, @QueryParam("to") @Parameter(description = "Last day (default: today)") String to, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("from", "to"));
        Errors errors = new Errors();
        LocalDate last = Parameters.parse(to, "to", clock.today(), errors);
        LocalDate first = Parameters.parse(from, "from", last.minusDays(30), errors);
        if (first.isAfter(last) || first.isBefore(last.minusYears(10))) {
            errors.add("from", "not after to, at most 10 years before it");
        }
        errors.throwIfAny();
        return market.days(id, first, last);
    }

    @GET
    @Path("fills")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.MARKET_READER, Roles.Trading.PLATFORM})
    @Operation(operationId = "getTradeTape", summary = "The trade tape", description = "The fills of a trading day (default today), of one instrument "
            + "or all, in time order. " + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The fills")
    public List<FillView> tape(@QueryParam("instrumentId") Integer instrumentId, @QueryParam("day") @Parameter(example = "2026-12-01") String day,
            @QueryParam("limit") @Parameter(description = "At most this many (default 1000, at most 10000)") Integer limit, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("instrumentId", "day", "limit"));
        Errors errors = new Errors();
        LocalDate date = Parameters.parse(day, "day", clock.today(), errors);
        int max = Parameters.limit(limit, 1000, 10_000, errors);
        errors.throwIfAny();
        return market.tape(instrumentId, date, max).stream().map(f -> FillView.of(f, instruments.known(f.instrumentId()))).toList();
    }

    @GET
    @Path("instruments/{instrumentId}/large-holders")
    @RolesAllowed({Roles.Trading.OPERATOR, Roles.Trading.AUDITOR})
    @Operation(operationId = "getLargeHolders", summary = "The large-holder report", description = "Holders of at least the instrument's threshold, "
            + "largest first.")
    @APIResponse(responseCode = "200", description = "The report")
    public LargeHolders largeHolders(@PathParam("instrumentId") int id) {
        return statements.largeHolders(id);
    }

    @POST
    @Path("market-days/{day}/close")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "closeTradingDay", summary = "Close today's trading day", description = "What the system also does once the last session "
            + "has ended: orders left are cancelled (CLOSED) and give back their units or cash, open block proposals expire, fills waiting for the close "
            + "are delivered, and each instrument's next base price is fixed (the VWAP of the day's listed fills, or carried forward).")
    @APIResponse(responseCode = "200", description = "The listings with their next base prices", content = @Content(schema = @Schema(implementation =
            ListingView.class)))
    public Response close(@PathParam("day") String day, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        Errors errors = new Errors();
        LocalDate date = Parameters.parse(day, "day", null, errors);
        errors.throwIfAny();
        Caller caller = callers.current();
        LocalDate today = clock.today();
        return dayClose.close(date, idempotency.request(caller, key, true, "POST", uri, null), l -> l.stream().map(x -> ListingView.of(x, today)).toList());
    }

    private Response suspension(int id, boolean suspended, String key, UriInfo uri) {
        Caller caller = callers.current();
        return idempotency.execute(caller, key, true, "POST", uri, null,
                () -> Response.ok(ListingView.of(listings.suspend(id, suspended, caller), clock.today())).build());
    }

}
