package org.opengep.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;
import org.opengep.registry.service.credit.CreditPolicies;
import org.opengep.registry.service.credit.CreditPolicies.PolicyRequest;
import org.opengep.registry.service.credit.CreditPolicies.PolicyView;

/** Lenders' GEP-backed credit policies: versioned data, never changed. */
@Path("/api/v1/credit-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "GEP-backed credit", description = "Lenders' policies and a holder's credit capacity (GEP贷)")
public class CreditPolicyResource {

    @Inject
    CreditPolicies policies;

    @Inject
    Callers callers;

    @POST
    @RolesAllowed(Roles.Registry.LENDER)
    @Operation(operationId = "createCreditPolicy", summary = "Store a credit policy (a new version of its name)",
            description = "limit = min(sum of LTV x value of the holder's available units + multiple x yearly compensation income, "
                    + "gepCapShare x official GEP of the regions, maxAmount). A policy never changes: sending its name again makes "
                    + "the next version.")
    @APIResponse(responseCode = "201", description = "The policy version", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid policy, each field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(PolicyRequest body, @Context UriInfo uri) {
        PolicyView p = policies.create(Problems.requireBody(body), callers.current().name());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build()).entity(p).build();
    }

    @GET
    @RolesAllowed({Roles.Registry.LENDER, Roles.Registry.REGISTRAR, Roles.Registry.HOLDER})
    @Operation(operationId = "listCreditPolicies", summary = "Every policy version")
    @APIResponse(responseCode = "200", description = "The policies")
    public List<PolicyView> list() {
        return policies.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Registry.LENDER, Roles.Registry.REGISTRAR, Roles.Registry.HOLDER})
    @Operation(operationId = "getCreditPolicy", summary = "A policy version")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return policies.find(id).map(p -> Response.ok(p).build()).orElseGet(() -> Problems.notFound("credit policy " + id));
    }
}
