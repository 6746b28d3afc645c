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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.opengep.trading.market.Money;
import org.opengep.trading.rest.CentreRequests.NewCashTransfer;
import org.opengep.trading.rest.CentreViews.CashView;
import org.opengep.trading.rest.CentreViews.Statement;
import org.opengep.trading.rest.CentreViews.TransferView;
import org.opengep.trading.service.CashService;
import org.opengep.trading.service.Statements;

@Path("/api/v1/participants/{participantId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trading centre: cash and statements", description = "Cash accounts (元), money in and out, and daily statements")
@APIResponse(responseCode = "409", description = "A withdrawal beyond the available cash, or the key still in use",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The ledger is busy; nothing was recorded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ParticipantResource {

    @Inject
    CashService cash;

    @Inject
    Statements statements;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @GET
    @Path("cash")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR})
    @Operation(operationId = "getCash", summary = "A participant's cash", description = "Available and frozen (for open buy orders, bids, demands "
            + "and fills waiting for the close), in 元. A trader sees its own.")
    @APIResponse(responseCode = "200", description = "The cash")
    public CashView get(@PathParam("participantId") UUID participant) {
        CashService.Cash c = cash.of(participant, callers.current());
        return new CashView(participant, Money.yuan(c.availableFen()), Money.yuan(c.frozenFen()));
    }

    @POST
    @Path("deposits")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "recordDeposit", summary = "Record a deposit", description = "Money the participant's bank transferred to the centre.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = TransferView.class)))
    public Response deposit(@PathParam("participantId") UUID participant, NewCashTransfer transfer,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        return transfer(participant, true, transfer, key, uri);
    }

    @POST
    @Path("withdrawals")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "recordWithdrawal", summary = "Record a withdrawal", description = "Money the centre transferred back to the participant's "
            + "bank; at most its available cash.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = TransferView.class)))
    public Response withdraw(@PathParam("participantId") UUID participant, NewCashTransfer transfer,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        return transfer(participant, false, transfer, key, uri);
    }

    @GET
    @Path("statements/{day}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR})
    @Operation(operationId = "getDailyStatement", summary = "A participant's daily statement", description = "Cash and units at the opening and the "
            + "close, deposits, withdrawals, fills and fees of a trading day; JSON, or CSV with Accept: text/csv. A trader sees its own.")
    @APIResponse(responseCode = "200", description = "The statement", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Statement.class)), @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response statement(@PathParam("participantId") UUID participant, @PathParam("day") String day,
            @HeaderParam("Accept") @Parameter(hidden = true) String accept) {
        Errors errors = new Errors();
        var date = Parameters.parse(day, "day", null, errors);
        errors.throwIfAny();
        Statement s = statements.of(participant, date, callers.current());
        if (accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(Statements.csv(s), "text/csv").header("Content-Disposition", "attachment; filename=\"statement-" + participant + "-" + date
                    + ".csv\"").build();
        }
        return Response.ok(s, MediaType.APPLICATION_JSON).build();
    }

    private Response transfer(UUID participant, boolean deposit, NewCashTransfer transfer, String key, UriInfo uri) {
        Caller caller = callers.current();
        return cash.transfer(participant, deposit, Problems.requireBody(transfer), caller, idempotency.request(caller, key, true, "POST", uri, transfer),
                TransferView::of);
    }
}
