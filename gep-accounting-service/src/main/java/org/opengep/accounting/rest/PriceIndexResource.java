package org.opengep.accounting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.rest.Requests.IndexValue;
import org.opengep.accounting.service.PriceIndexService;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Roles;

@Path("/api/v1/price-indices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Price indices", description = "Deflators per price family and year, for comparable prices")
public class PriceIndexResource {

    @Schema(name = "PriceIndex")
    public record IndexView(String family, int year, BigDecimal value, String source) {}

    @Inject
    PriceIndexService indices;

    @GET
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "listPriceIndices", summary = "Every price index by family and year",
            description = "Families: GENERAL (consumer prices, the fallback), CONSTRUCTION, AGRICULTURAL_PRODUCER, ENERGY, WATER, or your own.")
    @APIResponse(responseCode = "200", description = "The indices")
    public List<IndexView> list() {
        return indices.all().stream().map(i -> new IndexView(i.family, i.year, i.value.stripTrailingZeros(), i.source)).toList();
    }

    @PUT
    @Path("{family}")
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "setPriceIndexYears", summary = "Set years of a family's index", description = "Adds the years given or replaces them; any base (only ratios matter).")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid family, year, value or source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void put(@PathParam("family") @Parameter(example = "CONSTRUCTION") String family, List<IndexValue> values) {
        indices.put(family, Problems.requireBody(values));
    }
}
