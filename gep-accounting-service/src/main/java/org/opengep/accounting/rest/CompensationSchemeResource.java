package org.opengep.accounting.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.service.compensation.AllocationDocument;
import org.opengep.accounting.service.compensation.AllocationRequest;
import org.opengep.accounting.service.compensation.CompensationAllocations;
import org.opengep.accounting.service.compensation.CompensationAllocations.Income;
import org.opengep.accounting.service.compensation.CompensationSchemes;
import org.opengep.accounting.service.compensation.CompensationSchemes.Scheme;
import org.opengep.accounting.service.compensation.RegionalDatasets;
import org.opengep.accounting.service.compensation.RegionalDatasets.Dataset;
import org.opengep.accounting.service.compensation.RegionalDatasets.DatasetRequest;
import org.opengep.accounting.service.compensation.SchemeRequest;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;

/**
 * Compensation schemes and the regional figures they weigh or split by (both versioned, never changed), the runs of a
 * scheme, and the compensation income of a region.
 */
@Path("/api/v1/compensation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ecological compensation", description = "GEP-based compensation schemes (vertical transfers, beneficiary pays) and their allocations")
@APIResponse(responseCode = "400", description = "Invalid input, each field named",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CompensationSchemeResource {

    static final String VERTICAL_EXAMPLE = """
            {"name": "绍兴市生态补偿转移支付", "kind": "VERTICAL", "source": "绍兴市生态补偿办法(示例)",
             "factors": [{"factor": "REGULATING_GEP", "weight": 0.5}, {"factor": "GEP_PER_CAPITA", "weight": 0.2},
                         {"factor": "DATASET", "dataset": "生态保护红线面积", "weight": 0.3}],
             "growthAdjustment": {"coefficient": 0.5, "cap": 0.1}}""";
    static final String HORIZONTAL_EXAMPLE = """
            {"name": "上游水源涵养受益补偿", "kind": "HORIZONTAL", "providerCode": "330624", "payerCodes": ["330602", "330603", "330604"],
             "gepIndicators": ["WATER_CONSERVATION", "WATER_PURIFICATION"], "gepShare": 0.05,
             "measure": {"factor": "DATASET", "dataset": "用水量"}}""";

    @Inject
    CompensationSchemes schemes;

    @Inject
    RegionalDatasets datasets;

    @Inject
    CompensationAllocations allocations;

    @Inject
    Idempotency idempotency;

    @Inject
    Callers callers;

    @POST
    @Path("schemes")
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "createCompensationScheme", summary = "Store a compensation scheme (a new version of its name)",
            description = "VERTICAL: T_i = F x sum_f w_f x_f,i / sum_k x_f,k, optionally x (1 + coefficient x clip(g_i, -cap, cap)) and "
                    + "renormalised to F; factors from the official accounts (REGULATING_GEP, GEP, GEP_PER_CAPITA at comparable prices, "
                    + "POPULATION, GDP), the land area (AREA) or an uploaded dataset (DATASET); weights add up to 1. HORIZONTAL: the "
                    + "payers pay C x W_j / sum W, C agreed per run or gepShare x the provider's official value of gepIndicators. "
                    + "A scheme never changes: sending its name again makes the next version.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SchemeRequest.class), examples = {
        @ExampleObject(name = "vertical", value = VERTICAL_EXAMPLE), @ExampleObject(name = "horizontal", value = HORIZONTAL_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "The scheme version", content = @Content(schema = @Schema(implementation = Scheme.class)))
    public Response createScheme(SchemeRequest body, @Context UriInfo uri) {
        Scheme scheme = schemes.create(Problems.requireBody(body), callers.current().name());
        return Response.created(uri.getAbsolutePathBuilder().path(scheme.id().toString()).build()).entity(scheme).build();
    }

    @GET
    @Path("schemes")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "listCompensationSchemes", summary = "Every scheme version, optionally of one name")
    @APIResponse(responseCode = "200", description = "The schemes")
    public List<Scheme> listSchemes(@QueryParam("name") String name, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("name"));
        return schemes.search(name);
    }

    @GET
    @Path("schemes/{id}")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "getCompensationScheme", summary = "A scheme version")
    @APIResponse(responseCode = "200", description = "The scheme", content = @Content(schema = @Schema(implementation = Scheme.class)))
    @APIResponse(responseCode = "404", description = "No such scheme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getScheme(@PathParam("id") UUID id) {
        return schemes.find(id).map(s -> Response.ok(s).build()).orElseGet(() -> Problems.notFound("compensation scheme " + id));
    }

    @POST
    @Path("datasets")
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "createRegionalDataset", summary = "Upload published figures per region (a new version of its name and year)",
            description = "Figures no account holds that a scheme weighs or splits by: protected or red-line area, water use, a cost "
                    + "index. A run of a scheme reads the newest version of the dataset's name for its year.")
    @APIResponse(responseCode = "201", description = "The dataset version", content = @Content(schema = @Schema(implementation = Dataset.class)))
    public Response createDataset(DatasetRequest body, @Context UriInfo uri) {
        Dataset dataset = datasets.create(Problems.requireBody(body), callers.current().name());
        return Response.created(uri.getAbsolutePathBuilder().path(dataset.id().toString()).build()).entity(dataset).build();
    }

    @GET
    @Path("datasets")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "listRegionalDatasets", summary = "Every dataset version, optionally of one name and year")
    @APIResponse(responseCode = "200", description = "The datasets")
    public List<Dataset> listDatasets(@QueryParam("name") String name, @QueryParam("year") Integer year, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("name", "year"));
        return datasets.search(name, year);
    }

    @GET
    @Path("datasets/{id}")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "getRegionalDataset", summary = "A dataset version")
    @APIResponse(responseCode = "200", description = "The dataset", content = @Content(schema = @Schema(implementation = Dataset.class)))
    @APIResponse(responseCode = "404", description = "No such dataset", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getDataset(@PathParam("id") UUID id) {
        return datasets.find(id).map(d -> Response.ok(d).build()).orElseGet(() -> Problems.notFound("dataset " + id));
    }

    @POST
    @Path("schemes/{id}/allocations")
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "allocateCompensation", summary = "Run a scheme for a year and store the allocation",
            description = "Reads every factor from the year's official figures (GEP factors at the prices of priceYear), the regions' "
                    + "land areas and the newest version of each named dataset; a region, figure or dataset that is missing is a 409 "
                    + "naming all of them, and nothing is stored. The answer gives per region each factor's value with its source, "
                    + "the shares, the growth adjustment and the arithmetic; the amounts are whole 元 and add up to the fund (or "
                    + "the amount) exactly.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AllocationRequest.class), examples = {
        @ExampleObject(name = "vertical", value = "{\"year\": 2023, \"parentCode\": \"330600\", \"amount\": {\"value\": 5000, \"unit\": \"万元\"}}"),
        @ExampleObject(name = "horizontal", value = "{\"year\": 2023}")}))
    @APIResponse(responseCode = "201", description = "The allocation; Location names it",
            content = @Content(schema = @Schema(implementation = AllocationDocument.class)))
    @APIResponse(responseCode = "404", description = "No such scheme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Figures the run needs are missing (each named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response allocate(@PathParam("id") UUID schemeId, AllocationRequest body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        Problems.requireBody(body);
        return idempotency.execute(callers.current(), key, false, "POST", uri, body, () -> allocations
                .allocate(schemeId, body, callers.current().name())
                .map(a -> Response.created(uri.getBaseUriBuilder().path("api/v1/compensation/allocations").path(a.id().toString()).build())
                        .entity(a).build())
                .orElseGet(() -> Problems.notFound("compensation scheme " + schemeId)));
    }

    @GET
    @Path("income/{regionCode}")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "getCompensationIncome", summary = "A region's yearly compensation income",
            description = "What the region receives in published allocations of its latest year with any (what a lender multiplies); "
                    + "year and amount are null and zero when it receives none.")
    @APIResponse(responseCode = "200", description = "The income", content = @Content(schema = @Schema(implementation = Income.class)))
    public Income income(@PathParam("regionCode") String code) {
        return allocations.income(code);
    }
}
