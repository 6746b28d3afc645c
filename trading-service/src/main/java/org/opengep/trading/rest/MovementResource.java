package org.opengep.trading.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.ReservationRules.Resolution;
import org.opengep.trading.rest.Requests.NewReservation;
import org.opengep.trading.rest.Requests.NewRetirement;
import org.opengep.trading.rest.Requests.NewSurrender;
import org.opengep.trading.rest.Requests.NewTrade;
import org.opengep.trading.rest.Requests.Settlement;
import org.opengep.trading.rest.Requests.TradeBatch;
import org.opengep.trading.rest.Views.BatchView;
import org.opengep.trading.rest.Views.MovementView;
import org.opengep.trading.service.ReservationService;
import org.opengep.trading.service.RetirementService;
import org.opengep.trading.service.TradeService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Movements", description = "Trades (at once or two-phase), retirements, pledges and freezes; every one requires an Idempotency-Key")
@APIResponse(responseCode = "400", description = "Invalid input, or no Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Insufficient balance, a holder not ACTIVE, a right not REGISTERED, or the key still in use",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The registry cannot confirm holders or rights; nothing was recorded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MovementResource {

    private static final int MAX_BATCH = 1000;

    @Inject
    TradeService trades;

    @Inject
    RetirementService retirements;

    @Inject
    ReservationService reservations;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("trades")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "recordTrade", summary = "Record a trade", description = "Moves units from the seller (the trader's own holder) to the buyer, at once "
            + "or two-phase (twoPhase: the units are reserved as PENDING until settled, cancelled or expired). The seller's balance "
            + "is checked and changed in one transaction under its lock; serial blocks split (the seller keeps the first sub-range, "
            + "the buyer gets the last). Both holders must be ACTIVE and the rights still REGISTERED in the registry.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = MovementView.class)))
    public Response trade(NewTrade trade, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        return trades.trade(Problems.requireBody(trade), caller, keyed(caller, key, uri, trade), MovementView::of);
    }

    @POST
    @Path("retirements")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "retireUnits", summary = "Retire units for good (注销)", description = "With purpose and beneficiary; retired units never move again.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = MovementView.class)))
    public Response retire(NewRetirement retirement,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return retirements.retire(Problems.requireBody(retirement), caller, keyed(caller, key, uri, retirement), MovementView::of);
    }

    @POST
    @Path("trade-batches")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "recordTradeBatch", summary = "Record a batch of trades", description = "Up to 1 000 trades of the trader's holder, each with its own outcome: "
            + "one that fails leaves the others untouched. They run in the order given, in one transaction.")
    @APIResponse(responseCode = "200", description = "The outcome of each trade", content = @Content(schema = @Schema(implementation = BatchView.class)))
    public Response batch(TradeBatch batch,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        Errors errors = new Errors();
        if (batch == null || batch.trades() == null || batch.trades().isEmpty() || batch.trades().size() > MAX_BATCH) {
            errors.add("trades", "1 to " + MAX_BATCH + " trades");
        }
        errors.throwIfAny();
        Caller caller = callers.current();
        return trades.batch(batch.trades(), caller, keyed(caller, key, uri, batch), BatchView::of);
    }

    @POST
    @Path("surrenders")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "surrenderUnits", summary = "Compliance surrender (清缴)", description = "Retires allowances, and CCER up to the configured share (5 %) of "
            + "the obligation, that together meet the obligation exactly; all parts or none.")
    @APIResponse(responseCode = "201", description = "The retirements, one per part")
    public Response surrender(NewSurrender surrender,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return retirements.surrender(Problems.requireBody(surrender), caller, keyed(caller, key, uri, surrender),
                retired -> retired.stream().map(MovementView::of).toList());
    }

    @POST
    @Path("trades/{id}/settlement")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR})
    @Operation(operationId = "settleTrade", summary = "Settle a two-phase trade", description = "Delivers the quantity (default: all that was reserved) to the buyer; "
            + "the rest returns to the seller. By either party's trader or the operator; once.")
    @APIResponse(responseCode = "200", description = "Settled", content = @Content(schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "404", description = "No such trade",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response settle(@PathParam("id") UUID id, Settlement settlement,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        return resolve(id, Resolution.SETTLED, settlement == null ? null : settlement.quantity(), key, uri, settlement);
    }

    @POST
    @Path("trades/{id}/cancellation")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR})
    @Operation(operationId = "cancelTrade", summary = "Cancel a two-phase trade", description = "The reserved units return to the seller. By either party or the operator; once.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "404", description = "No such trade",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        return resolve(id, Resolution.CANCELLED, null, key, uri, null);
    }

    @POST
    @Path("pledges")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "pledgeUnits", summary = "Pledge units (质押)", description = "The holder's units become PLEDGED to the pledgee: they stay the holder's "
            + "but cannot move until released (by the pledgee or the operator) or enforced (by the operator, to the pledgee).")
    @APIResponse(responseCode = "201", description = "Pledged", content = @Content(schema = @Schema(implementation = MovementView.class)))
    public Response pledge(NewReservation pledge,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return reservations.reserve(MovementKind.PLEDGE, Problems.requireBody(pledge), caller, keyed(caller, key, uri, pledge), MovementView::of);
    }

    @POST
    @Path("pledges/{id}/release")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR})
    @Operation(operationId = "releasePledge", summary = "Release a pledge", description = "The units become available to the holder again. By the pledgee's trader or the operator.")
    @APIResponse(responseCode = "200", description = "Released", content = @Content(schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "404", description = "No such pledge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response releasePledge(@PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        return resolve(id, Resolution.RELEASED, null, key, uri, null);
    }

    @POST
    @Path("pledges/{id}/enforcement")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "enforcePledge", summary = "Enforce a pledge", description = "The pledged units go to the pledgee.")
    @APIResponse(responseCode = "200", description = "Enforced", content = @Content(schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "404", description = "No such pledge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enforce(@PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        return resolve(id, Resolution.ENFORCED, null, key, uri, null);
    }

    @POST
    @Path("freezes")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "freezeUnits", summary = "Freeze units (冻结)", description = "The holder's units become FROZEN until the operator releases them.")
    @APIResponse(responseCode = "201", description = "Frozen", content = @Content(schema = @Schema(implementation = MovementView.class)))
    public Response freeze(NewReservation freeze,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return reservations.reserve(MovementKind.FREEZE, Problems.requireBody(freeze), caller, keyed(caller, key, uri, freeze), MovementView::of);
    }

    @POST
    @Path("freezes/{id}/release")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "releaseFreeze", summary = "Release a freeze")
    @APIResponse(responseCode = "200", description = "Released", content = @Content(schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "404", description = "No such freeze",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response releaseFreeze(@PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        return resolve(id, Resolution.RELEASED, null, key, uri, null);
    }

    private KeyedRequest keyed(Caller caller, String key, UriInfo uri, Object body) {
        return idempotency.request(caller, key, true, "POST", uri, body);
    }

    private Response resolve(UUID id, Resolution resolution, BigDecimal quantity, String key, UriInfo uri, Object body) {
        Caller caller = callers.current();
        return reservations.resolve(id, resolution, quantity, caller, keyed(caller, key, uri, body), MovementView::of);
    }
}
