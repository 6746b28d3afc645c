package org.opengep.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;
import org.opengep.registry.domain.Holder;
import org.opengep.registry.rest.Requests.NewHolder;
import org.opengep.registry.rest.Requests.CompensationRegion;
import org.opengep.registry.rest.Requests.StatusChange;
import org.opengep.registry.rest.Views.HolderView;
import java.util.List;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.InputError;
import org.opengep.registry.service.credit.CreditCapacityService;
import org.opengep.registry.service.HolderService;

@Path("/api/v1/holders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Holders", description = "Organisations and individuals with a registry account (one per legal entity)")
@APIResponse(responseCode = "400", description = "Invalid input; errors name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HolderResource {

    @Inject
    HolderService holders;

    @Inject
    Callers callers;

    @Inject
    CreditCapacityService credit;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.Registry.REGISTRAR)
    @Operation(operationId = "registerHolder", summary = "Register a holder", description = "Organisations by unified social credit code (GB 32100-2015, check "
            + "character verified), individuals by citizen identity number (GB 11643-1999). A second registration of the same "
            + "legal entity is 409.")
    @APIResponse(responseCode = "201", description = "Registered; Location is the holder",
            content = @Content(schema = @Schema(implementation = HolderView.class)))
    @APIResponse(responseCode = "409", description = "The legal entity already has an account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(NewHolder request, @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        return idempotency.execute(caller, idempotencyKey, false, "POST", uri, request, () -> {
            Holder holder = holders.register(Problems.requireBody(request), caller.name());
            return Response.created(uri.getAbsolutePathBuilder().path(holder.id.toString()).build()).entity(HolderView.of(holder, true)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER, Roles.Registry.READER})
    @Operation(operationId = "listHolders", summary = "List holders", description = "In registration order after the cursor; by status or unified social credit code.")
    @APIResponse(responseCode = "200", description = "A page of holders")
    public Page<HolderView> list(@QueryParam("after") @Parameter(description = "Cursor: the previous page's next") Long after,
            @QueryParam("limit") @Parameter(description = "1 to 1000, default 100") Integer limit,
            @QueryParam("status") Holder.Status status, @QueryParam("uscc") String uscc, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("after", "limit", "status", "uscc"));
        long from = Cursors.after(after);
        boolean registrar = callers.current().has(Roles.Registry.REGISTRAR);
        return Page.of(holders.list(from, Cursors.limit(limit), status, uscc), from, h -> h.number, h -> HolderView.of(h, registrar));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER, Roles.Registry.READER, Roles.Registry.HOLDER})
    @Operation(operationId = "getHolder", summary = "One holder", description = "Holder-scoped tokens see only their own holder.")
    @APIResponse(responseCode = "200", description = "The holder", content = @Content(schema = @Schema(implementation = HolderView.class)))
    @APIResponse(responseCode = "404", description = "No such holder",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Caller caller = callers.current();
        return holders.find(id).filter(h -> !caller.isScopedToItsHolder(Roles.Registry.ACROSS_HOLDERS) || h.id.equals(caller.holderId()))
                .map(h -> Response.ok(HolderView.of(h, caller.has(Roles.Registry.REGISTRAR))).build())
                .orElseGet(() -> Problems.notFound("holder " + id));
    }

    @PUT
    @Path("{id}/status")
    @RolesAllowed(Roles.Registry.REGISTRAR)
    @Operation(operationId = "setHolderStatus", summary = "Suspend or reactivate a holder", description = "A suspended holder receives no issuance and its products "
            + "cannot be submitted or registered; the trading service refuses its trades.")
    @APIResponse(responseCode = "200", description = "The holder", content = @Content(schema = @Schema(implementation = HolderView.class)))
    @APIResponse(responseCode = "404", description = "No such holder",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response status(@PathParam("id") UUID id, StatusChange change) {
        return holders.changeStatus(id, Problems.requireBody(change)).map(h -> Response.ok(HolderView.of(h, true)).build())
                .orElseGet(() -> Problems.notFound("holder " + id));
    }

    @PUT
    @Path("{id}/compensation-region")
    @RolesAllowed(Roles.Registry.REGISTRAR)
    @Operation(operationId = "setHolderCompensationRegion", summary = "Set the region whose ecological compensation the holder receives",
            description = "Its published compensation income counts towards the holder's credit capacity; null clears it.")
    @APIResponse(responseCode = "200", description = "The holder", content = @Content(schema = @Schema(implementation = HolderView.class)))
    @APIResponse(responseCode = "404", description = "No such holder",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response compensationRegion(@PathParam("id") UUID id, CompensationRegion body) {
        return holders.setCompensationRegion(id, Problems.requireBody(body).regionCode()).map(h -> Response.ok(HolderView.of(h, true)).build())
                .orElseGet(() -> Problems.notFound("holder " + id));
    }

    @GET
    @Path("{id}/credit-capacity")
    @RolesAllowed({Roles.Registry.LENDER, Roles.Registry.REGISTRAR, Roles.Registry.HOLDER})
    @Tag(name = "GEP-backed credit")
    @Operation(operationId = "getCreditCapacity", summary = "What the holder's registered rights and compensation support as credit",
            description = "Under a lender's policy: each available block at the last close of its instrument (last 30 days) or its "
                    + "product's valuation from GEP, times the policy's loan-to-value for its right type; plus the multiple of the "
                    + "holder's yearly compensation income; capped by the policy's share of the official GEP of the regions and its "
                    + "maximum. Units already pledged (to whom: the pledge) are listed and support nothing more. Every term names its "
                    + "source. Lenders and registrars read any holder's; a holder's own token its own.")
    @APIResponse(responseCode = "200", description = "The capacity",
            content = @Content(schema = @Schema(implementation = CreditCapacityService.Capacity.class)))
    @APIResponse(responseCode = "404", description = "No such holder or policy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The trading or accounting service did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response creditCapacity(@PathParam("id") UUID id, @QueryParam("policyId") @Parameter(required = true) UUID policyId,
            @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, java.util.Set.of("policyId"));
        if (policyId == null) {
            throw new InvalidInputException(List.of(new InputError("policyId", "required: the lender's policy version")));
        }
        return credit.capacity(id, policyId, callers.current()).map(c -> Response.ok(c).build())
                .orElseGet(() -> Problems.notFound("holder " + id));
    }
}
