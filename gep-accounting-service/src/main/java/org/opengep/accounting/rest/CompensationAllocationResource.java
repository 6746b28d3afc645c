package org.opengep.accounting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.rest.GepAccountResource.PublicationRequest;
import org.opengep.accounting.rest.export.ExportTables;
import org.opengep.accounting.rest.export.Exports;
import org.opengep.accounting.rest.export.Exports.Format;
import org.opengep.accounting.service.compensation.AllocationDocument;
import org.opengep.accounting.service.compensation.CompensationAllocations;
import org.opengep.accounting.service.compensation.CompensationAllocations.Summary;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;

/** Runs of compensation schemes: computed from the official figures, stored whole, publishable, exported. */
@Path("/api/v1/compensation/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ecological compensation")
@APIResponse(responseCode = "400", description = "Invalid input, each field named",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CompensationAllocationResource {

    @Inject
    CompensationAllocations allocations;

    @Inject
    Callers callers;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "searchCompensationAllocations", summary = "Allocations, newest first",
            description = "By scheme version, year, and a region that allocates, provides, receives or pays.")
    @APIResponse(responseCode = "200", description = "The allocations")
    public List<Summary> search(@QueryParam("schemeId") UUID schemeId, @QueryParam("year") Integer year,
            @QueryParam("regionCode") String regionCode, @QueryParam("offset") @DefaultValue("0") Integer offset,
            @QueryParam("limit") @DefaultValue("100") Integer limit, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("schemeId", "year", "regionCode", "offset", "limit"));
        Problems.checkPage(offset, limit);
        return allocations.search(schemeId, year, regionCode, offset, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(operationId = "getCompensationAllocation", summary = "An allocation with its arithmetic",
            description = "CSV and XLSX (one row per region with its factor values, shares, arithmetic and sources, then the total) "
                    + "by Accept header or ?format=.")
    @APIResponse(responseCode = "200", description = "The allocation", content = @Content(schema = @Schema(implementation = AllocationDocument.class)))
    @APIResponse(responseCode = "404", description = "No such allocation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @QueryParam("format") String format, @Context HttpHeaders headers, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("format"));
        Format wanted = Exports.negotiate(headers, format);
        Optional<AllocationDocument> allocation = allocations.find(id);
        if (allocation.isEmpty()) {
            return Problems.notFound("allocation " + id);
        }
        return wanted == Format.JSON ? Response.ok(allocation.get(), MediaType.APPLICATION_JSON).build()
                : Exports.download(ExportTables.allocation(allocation.get()), wanted, "compensation-" + id);
    }

    @POST
    @Path("{id}/publication")
    @RolesAllowed(Roles.Accounting.PUBLISHER)
    @Operation(operationId = "publishCompensationAllocation", summary = "Publish an allocation as the scheme version's figure for its year",
            description = "One allocation per scheme version, year and region can be published (a correction is a new scheme version); "
                    + "publishing the same one again changes nothing (200).")
    @APIResponse(responseCode = "201", description = "Published", content = @Content(schema = @Schema(implementation = AllocationDocument.class)))
    @APIResponse(responseCode = "200", description = "It already was published", content = @Content(schema = @Schema(implementation = AllocationDocument.class)))
    @APIResponse(responseCode = "404", description = "No such allocation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another allocation of the scheme version, year and region is published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") UUID id, PublicationRequest body) {
        Problems.requireBody(body);
        return allocations.publish(id, body.reason(), callers.current().name())
                .map(p -> Response.status(p.created() ? 201 : 200).entity(p.allocation()).build())
                .orElseGet(() -> Problems.notFound("allocation " + id));
    }
}
