package org.opengep.accounting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;
import org.opengep.accounting.engine.price.PriceKeys;
import org.opengep.accounting.service.CatalogueService;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Roles;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The versioned indicator catalogue")
public class IndicatorResource {

    @Schema(name = "Catalogue", description = "A method version's catalogue, the versions available and the parameter keys")
    public record CatalogueView(List<String> methodVersions, IndicatorCatalogue catalogue, Map<String, String> parameterUnits) {}

    @Inject
    CatalogueService catalogues;

    @GET
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "getIndicatorCatalogue", summary = "The indicator catalogue",
            description = "Every indicator with its Chinese and English names, category, ecosystem types, formula, the inputs "
                    + "it needs (name, scope, unit), the physical quantities it reports and the value lines with their price keys.")
    @APIResponse(responseCode = "200", description = "The catalogue", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogueView.class)))
    @APIResponse(responseCode = "404", description = "Unknown method version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response catalogue(@QueryParam("methodVersion") @Parameter(description = "Defaults to the service's default", example = "MEE-2020")
            String methodVersion) {
        String version = catalogues.resolve(methodVersion);
        return catalogues.catalogue(version)
                .map(c -> Response.ok(new CatalogueView(catalogues.methodVersions(), c, PriceKeys.PARAMETERS)).build())
                .orElseGet(() -> Problems.notFound("method version " + version));
    }
}
