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
import org.opengep.trading.market.Order;
import org.opengep.trading.market.OrderStatus;
import org.opengep.trading.rest.CentreRequests.NewOrder;
import org.opengep.trading.rest.CentreRequests.NewTake;
import org.opengep.trading.rest.CentreViews.FillView;
import org.opengep.trading.rest.CentreViews.OrderView;
import org.opengep.trading.service.OrderService;
import org.opengep.trading.store.InstrumentStore;

@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trading centre: listed orders", description = "Listed post-and-take (挂牌协议): post within the band, take the best order, cancel what is left")
@APIResponse(responseCode = "409", description = "Outside the session, the instrument suspended, no base price yet, insufficient cash or units, "
        + "the holding period, the position limit, the order not open or not the best, a self-trade, or the key still in use",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "The price is outside today's band, or the Idempotency-Key was used for another request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The ledger is busy or the registry cannot confirm a holder or right; nothing was recorded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OrderResource {

    @Inject
    OrderService orders;

    @Inject
    InstrumentStore instruments;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "postOrder", summary = "Post a listed order (挂牌)", description = "For the trader's own holder, in a session, within "
            + "±listedBand of today's base price, on the tick and in whole lots. A sell order freezes the units (PENDING), a buy order price x "
            + "quantity and the buyer's fee; nothing is frozen when it is refused. What is left at the close is cancelled by the system.")
    @APIResponse(responseCode = "201", description = "Posted", content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response post(NewOrder order, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        return orders.post(Problems.requireBody(order), caller, idempotency.request(caller, key, true, "POST", uri, order), this::view);
    }

    @GET
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR})
    @Operation(operationId = "getOrders", summary = "Orders, newest first", description = "A trader's own; the operator's and the auditor's: everyone's.")
    @APIResponse(responseCode = "200", description = "The orders")
    public List<OrderView> list(@QueryParam("instrumentId") Integer instrumentId, @QueryParam("status") OrderStatus status,
            @QueryParam("limit") @Parameter(description = "At most this many (default 100, at most 1000)") Integer limit, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("instrumentId", "status", "limit"));
        Errors errors = new Errors();
        int max = Parameters.limit(limit, 100, 1000, errors);
        errors.throwIfAny();
        return orders.list(callers.current(), instrumentId, status, max).stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR})
    @Operation(operationId = "getOrder", summary = "An order", description = "A trader's own; the operator's and the auditor's: any.")
    @APIResponse(responseCode = "200", description = "The order")
    public OrderView get(@PathParam("id") UUID id) {
        Order order = orders.find(id);
        callers.current().requireSees(order.ownerId, Roles.Trading.ACROSS_HOLDERS);
        return view(order);
    }

    @POST
    @Path("{id}/takes")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "takeOrder", summary = "Take the best order (摘牌)", description = "All or part of it, if it is the best of its side "
            + "(price, then time) and not the taker's own: delivery versus payment at the order's price, each side's fee to the centre.")
    @APIResponse(responseCode = "201", description = "The fill", content = @Content(schema = @Schema(implementation = FillView.class)))
    public Response take(@PathParam("id") UUID id, NewTake take,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return orders.take(id, take, caller, idempotency.request(caller, key, true, "POST", uri, take),
                f -> FillView.of(f, instruments.known(f.instrumentId())));
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR})
    @Operation(operationId = "cancelOrder", summary = "Cancel what is left of an order", description = "By its owner (or the operator): its units or "
            + "cash return.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return orders.cancel(id, caller, idempotency.request(caller, key, true, "POST", uri, null), this::view);
    }

    private OrderView view(Order o) {
        return OrderView.of(o, instruments.known(o.instrumentId));
    }
}
