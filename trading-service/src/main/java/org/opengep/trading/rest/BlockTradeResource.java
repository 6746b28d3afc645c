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
import org.opengep.trading.market.BlockProposal;
import org.opengep.trading.rest.CentreRequests.NewBlockProposal;
import org.opengep.trading.rest.CentreViews.FillView;
import org.opengep.trading.rest.CentreViews.ProposalView;
import org.opengep.trading.service.BlockTradeService;
import org.opengep.trading.store.InstrumentStore;

@Path("/api/v1/block-trades")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trading centre: block agreements", description = "Block agreements (大宗协议): proposed to a named counterparty, who confirms or declines")
@APIResponse(responseCode = "409", description = "Outside the session, suspended, no base price, insufficient cash or units, the holding period, the "
        + "position limit, the proposal ended or expired, not the party who may do this, or the key still in use",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "Below the block threshold, outside today's block band, or the Idempotency-Key was used for another request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The ledger is busy or the registry cannot confirm a holder or right; nothing was recorded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BlockTradeResource {

    @Inject
    BlockTradeService blocks;

    @Inject
    InstrumentStore instruments;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "proposeBlockTrade", summary = "Propose a block agreement", description = "At least the block threshold, within "
            + "±blockBand of today's base price, to a named counterparty; nothing is frozen until it confirms.")
    @APIResponse(responseCode = "201", description = "Proposed", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    public Response propose(NewBlockProposal proposal, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return blocks.propose(Problems.requireBody(proposal), caller, idempotency.request(caller, key, true, "POST", uri, proposal), this::view);
    }

    @GET
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR})
    @Operation(operationId = "getBlockTrades", summary = "Block proposals, newest first", description = "A trader's own (as either party).")
    @APIResponse(responseCode = "200", description = "The proposals")
    public List<ProposalView> list(@QueryParam("limit") @Parameter(description = "At most this many (default 100, at most 1000)") Integer limit,
            @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("limit"));
        Errors errors = new Errors();
        int max = Parameters.limit(limit, 100, 1000, errors);
        errors.throwIfAny();
        return blocks.list(callers.current(), max).stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR})
    @Operation(operationId = "getBlockTrade", summary = "A block proposal", description = "For its parties, the operator and the auditor.")
    @APIResponse(responseCode = "200", description = "The proposal")
    public ProposalView get(@PathParam("id") UUID id) {
        return view(blocks.get(id, callers.current()));
    }

    @POST
    @Path("{id}/confirmation")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "confirmBlockTrade", summary = "Confirm a block proposal", description = "By the named counterparty before it expires: "
            + "both sides are checked and frozen, and the fill delivers against payment.")
    @APIResponse(responseCode = "201", description = "The fill", content = @Content(schema = @Schema(implementation = FillView.class)))
    public Response confirm(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return blocks.confirm(id, caller, idempotency.request(caller, key, true, "POST", uri, null), f -> FillView.of(f, instruments.known(f.instrumentId())));
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "declineBlockTrade", summary = "Decline a block proposal", description = "By the named counterparty.")
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    public Response decline(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        return end(id, BlockProposal.Status.DECLINED, key, uri);
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed(Roles.Trading.TRADER)
    @Operation(operationId = "withdrawBlockTrade", summary = "Withdraw a block proposal", description = "By its initiator, while it is open.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        return end(id, BlockProposal.Status.WITHDRAWN, key, uri);
    }

    private Response end(UUID id, BlockProposal.Status to, String key, UriInfo uri) {
        Caller caller = callers.current();
        return blocks.end(id, to, caller, idempotency.request(caller, key, true, "POST", uri, null), this::view);
    }

    private ProposalView view(BlockProposal p) {
        return ProposalView.of(p, instruments.known(p.instrumentId()));
    }
}
