package org.opengep.accounting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.rest.export.Exports;
import org.opengep.accounting.rest.export.Exports.Format;
import org.opengep.accounting.rest.export.SeeaTables;
import org.opengep.accounting.rest.export.Table;
import org.opengep.accounting.service.RegionService;
import org.opengep.accounting.service.seea.ExtentChanges;
import org.opengep.accounting.service.seea.ExtentChanges.Matrix;
import org.opengep.accounting.service.seea.ExtentChanges.MatrixRequest;
import org.opengep.accounting.service.seea.SeeaAccounts;
import org.opengep.accounting.service.seea.SeeaAccounts.AssetParameters;
import org.opengep.accounting.service.seea.SeeaAccounts.AssetTable;
import org.opengep.accounting.service.seea.SeeaAccounts.SeeaExport;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.NotFoundException;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;

/** A region's official accounts as UN SEEA Ecosystem Accounting tables, its ecosystem asset account and extent changes. */
@Path("/api/v1/regions/{code}/seea")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SEEA EA", description = "Official accounts as SEEA Ecosystem Accounting tables; ecosystem asset values")
@APIResponse(responseCode = "400", description = "Invalid or unknown parameter, each named",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "A year has no official account, or a price index the revaluation needs is missing",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SeeaResource {

    private static final String PARAMETERS = "discountRate (0.03 for 3 %), assetLife (years) and parameterSource (where both come from)";

    @Inject
    RegionService regions;

    @Inject
    SeeaAccounts seea;

    @Inject
    ExtentChanges extentChanges;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(operationId = "exportSeea", summary = "The region's official accounts of two years as SEEA EA tables",
            description = "The ecosystem extent account (opening, additions, reductions, net change, closing by ecosystem type; gross "
                    + "changes from the recorded change matrix, else net), the physical and monetary ecosystem services supply tables "
                    + "of both years (rows: our indicators with the SEEA EA reference-list service they are; columns: ecosystem types "
                    + "with their IUCN Global Ecosystem Typology group), the monetary asset account when " + PARAMETERS + " are given, "
                    + "and the mapping itself. XLSX: one sheet per table; CSV: one table, ?table=" + "extent, extent-changes, "
                    + "physical-supply, monetary-supply, assets, services-mapping or ecosystem-types-mapping.")
    @APIResponse(responseCode = "200", description = "The tables", content = @Content(schema = @Schema(implementation = SeeaExport.class)))
    public Response export(@PathParam("code") String code, @QueryParam("from") @Parameter(required = true, example = "2020") Integer from,
            @QueryParam("to") @Parameter(required = true, example = "2023") Integer to, @QueryParam("methodVersion") String methodVersion,
            @QueryParam("discountRate") BigDecimal discountRate, @QueryParam("assetLife") Integer assetLife,
            @QueryParam("parameterSource") String parameterSource, @QueryParam("format") String format, @QueryParam("table") String table,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Problems.onlyQueryParameters(uri, Set.of("from", "to", "methodVersion", "discountRate", "assetLife", "parameterSource", "format", "table"));
        Format wanted = Exports.negotiate(headers, format);
        if (table != null && !SeeaTables.NAMES.contains(table)) {
            throw new InvalidInputException(List.of(new InputError("table", "one of " + SeeaTables.NAMES)));
        }
        if (wanted == Format.CSV && table == null) {
            throw new InvalidInputException(List.of(new InputError("table", "a CSV holds one table: one of " + SeeaTables.NAMES)));
        }
        SeeaExport export = seea.export(region(code), from, to, methodVersion, new AssetParameters(discountRate, assetLife, parameterSource));
        if (wanted == Format.JSON) {
            return Response.ok(export).build();
        }
        String name = "seea-" + code + "-" + from + "-" + to;
        if (table == null) {
            return Exports.download(SeeaTables.all(export), wanted, name);
        }
        Table chosen = SeeaTables.table(export, table);
        if (chosen == null) {
            throw new NotFoundException("the export has no " + table + " table: " + String.join("; ", export.omitted()));
        }
        return Exports.download(chosen, wanted, name + "-" + table);
    }

    @GET
    @Path("assets")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(operationId = "getEcosystemAssetAccount", summary = "The region's ecosystem asset value (生态资产) between two years",
            description = "The SEEA EA monetary asset account: per ecosystem type the net present value of its yearly service flow, taken "
                    + "as constant over the asset life, V = S x (1 - (1 + r)^-T) / r, in the opening and the closing year, and the change "
                    + "split into extent (the opening flow per km² on the area gained or lost), flows and revaluation (the change of "
                    + "prices, from the price indices). Needs " + PARAMETERS + ".")
    @APIResponse(responseCode = "200", description = "The asset account", content = @Content(schema = @Schema(implementation = AssetTable.class)))
    public Response assets(@PathParam("code") String code, @QueryParam("from") @Parameter(required = true, example = "2020") Integer from,
            @QueryParam("to") @Parameter(required = true, example = "2023") Integer to, @QueryParam("methodVersion") String methodVersion,
            @QueryParam("discountRate") @Parameter(required = true, example = "0.03") BigDecimal discountRate,
            @QueryParam("assetLife") @Parameter(required = true, example = "50") Integer assetLife,
            @QueryParam("parameterSource") @Parameter(required = true) String parameterSource, @QueryParam("format") String format,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Problems.onlyQueryParameters(uri, Set.of("from", "to", "methodVersion", "discountRate", "assetLife", "parameterSource", "format"));
        Format wanted = Exports.negotiate(headers, format);
        Region region = region(code);
        AssetTable account = seea.assets(region, from, to, methodVersion, new AssetParameters(discountRate, assetLife, parameterSource));
        return wanted == Format.JSON ? Response.ok(account).build()
                : Exports.download(SeeaTables.assets(account, seea.typeColumns(region, methodVersion)), wanted, "ecosystem-assets-" + code + "-" + from + "-" + to);
    }

    @POST
    @Path("extent-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "recordExtentChanges", summary = "Record the extent change matrix between two years",
            description = "The area that went from each ecosystem type to each other (from = to: the area that stayed), from a "
                    + "land-cover change map. Each type's row must add up to its extent in the opening year's official account and "
                    + "its column to the closing year's (within 0.01 km²), or it is refused (422) naming where. A new version each time.")
    @APIResponse(responseCode = "201", description = "The matrix", content = @Content(schema = @Schema(implementation = Matrix.class)))
    @APIResponse(responseCode = "422", description = "The matrix does not agree with the official extents",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordExtentChanges(@PathParam("code") String code, MatrixRequest body, @QueryParam("methodVersion") String methodVersion,
            @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("methodVersion"));
        Matrix m = extentChanges.store(region(code), Problems.requireBody(body), methodVersion, callers.current().name());
        return Response.status(201).entity(m).build();
    }

    private Region region(String code) {
        return regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
    }
}
