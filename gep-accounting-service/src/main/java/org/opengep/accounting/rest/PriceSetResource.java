package org.opengep.accounting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.domain.PriceSet;
import org.opengep.accounting.rest.PriceSetViews.Detail;
import org.opengep.accounting.rest.PriceSetViews.Summary;
import org.opengep.accounting.rest.Requests.Draft;
import org.opengep.accounting.service.PriceSetService;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;

@Path("/api/v1/price-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Price sets", description = "Versioned prices and formula parameters")
public class PriceSetResource {

    static final String EXAMPLE = """
            {"name": "shenzhen-2020", "description": "Prices implied by Shenzhen's 2020 GEP release",
             "basedOn": "00000000-0000-0000-0000-000000002010",
             "prices": [
               {"key": "ELECTRICITY_PRICE", "value": 0.717, "unit": "元/kWh", "priceYear": 2020, "source": "Shenzhen 2020 GEP release (implied)"},
               {"key": "RESERVOIR_STORAGE_COST", "value": 6.11, "unit": "元/m³", "priceYear": 2020, "source": "Shenzhen 2020 GEP release (implied)"}],
             "parameters": []}""";

    @Inject
    PriceSetService priceSets;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "listPriceSets", summary = "List price sets (all names and versions)")
    @APIResponse(responseCode = "200", description = "The sets")
    public List<Summary> list() {
        return priceSets.list().stream().map(Summary::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "getPriceSet", summary = "One price set with every price and parameter")
    @APIResponse(responseCode = "200", description = "The set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "404", description = "No such set", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return priceSets.find(id).map(s -> Response.ok(Detail.of(s, priceSets.inUse(id))).build())
                .orElseGet(() -> Problems.notFound("price set " + id));
    }

    @POST
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "createPriceSet", summary = "Create a price set, or the next version of one",
            description = "A set with the name of an existing set becomes its next version. `basedOn` copies another set's "
                    + "entries first; the given prices and parameters then replace those of the same key.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Draft.class), examples = @ExampleObject(name = "shenzhen-2020", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "Unknown key, wrong unit, missing year or source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(Draft body, @Context UriInfo uri) {
        PriceSet set = priceSets.create(Problems.requireBody(body), callers.current().name());
        return Response.created(uri.getAbsolutePathBuilder().path(set.id.toString()).build()).entity(Detail.of(set, false)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "replacePriceSet", summary = "Replace the entries of a set no account uses yet",
            description = "A set that valued an account, and the built-in set, never change: the answer is 409; create a new version.")
    @APIResponse(responseCode = "200", description = "The updated set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "400", description = "Invalid entries", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such set", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The set is in use or built in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") UUID id, Draft body) {
        return priceSets.replace(id, Problems.requireBody(body)).map(s -> Response.ok(Detail.of(s, false)).build())
                .orElseGet(() -> Problems.notFound("price set " + id));
    }
}
