package org.opengep.registry.rest;

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
import org.opengep.registry.domain.Issuance;
import org.opengep.registry.rest.Requests.NewIssuance;
import org.opengep.registry.rest.Views.IssuanceView;
import org.opengep.registry.service.IssuanceService;

@Path("/api/v1/issuances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Issuances", description = "Blocks of serial-numbered units issued from registered products, and the feed the trading service reads")
@APIResponse(responseCode = "400", description = "Invalid input; errors name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class IssuanceResource {

    /** What the expiry run did. */
    @Schema(name = "ExpiryRun")
    public record ExpiryRun(LocalDate asOf, int expired) {}

    @Inject
    IssuanceService issuances;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.Registry.REGISTRAR)
    @Operation(operationId = "issueUnits", summary = "Issue a block of units", description = "From a REGISTERED product to an ACTIVE holder (default: the "
            + "product's), of a right type the product type allows and whose unit is the product's. The registry allocates "
            + "the serial range (one serial per unit of the type's precision, continuing the product's earlier blocks). The "
            + "total issued never exceeds the verified quantity, also under concurrent requests (409 over-issuance).")
    @APIResponse(responseCode = "201", description = "Issued; Location is the issuance",
            content = @Content(schema = @Schema(implementation = IssuanceView.class)))
    @APIResponse(responseCode = "409", description = "Product not registered, holder suspended, over-issuance, "
            + "double counting (GEC and CCER from one product) or mixed pollutants",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(NewIssuance request, @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        return idempotency.execute(caller, idempotencyKey, false, "POST", uri, request, () -> {
            Issuance issuance = issuances.issue(Problems.requireBody(request), caller.name());
            return Response.created(uri.getAbsolutePathBuilder().path(issuance.id.toString()).build()).entity(IssuanceView.of(issuance)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER, Roles.Registry.READER, Roles.Registry.HOLDER})
    @Operation(operationId = "readIssuanceFeed", summary = "The issuance feed", description = "Issuances after a feed position, in order and without gaps: a reader "
            + "that stores next and reads on from it sees every issuance exactly once (apply them idempotently by id). This is "
            + "the only way units enter the trading ledger. Holder tokens see their own issuances only.")
    @APIResponse(responseCode = "200", description = "A page of the feed")
    public Page<IssuanceView> feed(@QueryParam("after") @Parameter(description = "Feed position: the previous page's next (0: from the start)") Long after,
            @QueryParam("limit") @Parameter(description = "1 to 1000, default 100") Integer limit,
            @QueryParam("holderId") UUID holderId, @QueryParam("productId") UUID productId, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("after", "limit", "holderId", "productId"));
        Caller caller = callers.current();
        long from = Cursors.after(after);
        boolean ownHolderOnly = caller.isScopedToItsHolder(Roles.Registry.ACROSS_HOLDERS);
        UUID holder = ownHolderOnly ? caller.holderId() : holderId;
        if (ownHolderOnly && holderId != null && !holderId.equals(caller.holderId())) {
            return new Page<>(List.of(), from);
        }
        return Page.of(issuances.feed(from, Cursors.limit(limit), holder, productId), from, i -> i.feedPosition, IssuanceView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER, Roles.Registry.READER, Roles.Registry.HOLDER})
    @Operation(operationId = "getIssuance", summary = "One issuance")
    @APIResponse(responseCode = "200", description = "The issuance", content = @Content(schema = @Schema(implementation = IssuanceView.class)))
    @APIResponse(responseCode = "404", description = "No such issuance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Caller caller = callers.current();
        return issuances.find(id).filter(i -> !caller.isScopedToItsHolder(Roles.Registry.ACROSS_HOLDERS) || i.holderId.equals(caller.holderId()))
                .map(i -> Response.ok(IssuanceView.of(i)).build())
                .orElseGet(() -> Problems.notFound("issuance " + id));
    }

    @POST
    @Path("expiry")
    @RolesAllowed(Roles.Registry.REGISTRAR)
    @Operation(operationId = "runIssuanceExpiry", summary = "Run the expiry now", description = "Marks green certificates and pollutant rights whose validity ended "
            + "before today as EXPIRED (the scheduled job does the same every hour). Running it again changes nothing.")
    @APIResponse(responseCode = "200", description = "How many blocks expired now",
            content = @Content(schema = @Schema(implementation = ExpiryRun.class)))
    public ExpiryRun expire() {
        LocalDate today = LocalDate.now();
        return new ExpiryRun(today, issuances.expire(today));
    }
}
