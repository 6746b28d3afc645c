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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.rest.AccountRequest;
import org.opengep.accounting.rest.export.ExportTables;
import org.opengep.accounting.rest.export.Exports.Format;
import org.opengep.accounting.rest.export.Exports;
import org.opengep.accounting.service.AccountDocument;
import org.opengep.accounting.service.AccountVerifier;
import org.opengep.accounting.service.GepAccountService;
import org.opengep.accounting.service.PublicationService.Publication;
import org.opengep.accounting.service.PublicationService;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;

@Path("/api/v1/gep-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "GEP accounts", description = "Compute and read traceable GEP accounts")
public class GepAccountResource {

    static final String EXAMPLE = """
            {"regionCode": "330602", "year": 2023, "population": 1100000, "gdp": {"value": 820, "unit": "亿元"},
             "extent": {"FOREST": {"value": 380, "unit": "km²"}, "GRASSLAND": {"value": 40, "unit": "km²"},
                        "FARMLAND": {"value": 160, "unit": "km²"}, "LAKE": {"value": 25, "unit": "km²"}, "URBAN": {"value": 150, "unit": "km²"}},
             "indicators": {
               "AGRICULTURE": {"value": {"value": 12.4, "unit": "亿元"}},
               "WATER_SUPPLY": {"quantities": {"DOMESTIC": {"value": 0.9, "unit": "亿m³"}, "INDUSTRIAL": {"value": 1.2, "unit": "亿m³"},
                                               "AGRICULTURAL": {"value": 2.1, "unit": "亿m³"}}},
               "WATER_CONSERVATION": {"byEcosystem": {
                   "FOREST": {"precipitation": {"value": 1450, "unit": "mm"}, "evapotranspiration": {"value": 720, "unit": "mm"}, "runoffCoefficient": 0.04},
                   "GRASSLAND": {"precipitation": {"value": 1450, "unit": "mm"}, "evapotranspiration": {"value": 800, "unit": "mm"}, "runoffCoefficient": 0.08}}},
               "CARBON_SEQUESTRATION": {"byEcosystem": {"FOREST": {"sequestrationRate": {"value": 3.1, "unit": "t/hm²"}}}},
               "CLIMATE_REGULATION": {"parameters": {"hotDays": {"value": 95, "unit": "d"}},
                                      "byEcosystem": {"FOREST": {"heatAbsorption": {"value": 2800, "unit": "kJ/m²/d"}}}},
               "RECREATION": {"items": [{"name": "会稽山", "inputs": {"visits": {"value": 320, "unit": "万人次"},
                                         "transport": {"value": 60, "unit": "元/人次"}, "tickets": {"value": 40, "unit": "元/人次"}}}]}
             }}""";

    @Inject
    GepAccountService accounts;

    @Inject
    PublicationService publications;

    @Inject
    AccountVerifier verifier;

    @Inject
    ObjectMapper json;

    @Inject
    Callers callers;

    @POST
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "computeAccount", summary = "Compute and store a GEP account",
            description = "Each indicator is given as biophysical inputs (byEcosystem / parameters / items), as physical quantities "
                    + "(quantities / quantitiesByEcosystem) or as a value; the engine takes the deepest level given. Every amount "
                    + "carries its unit and is converted (亿, 万, m³, t, kWh, hm², km², mm ...); a unit of the wrong kind is an error. "
                    + "The answer holds, per indicator and sub-item, the quantity, unit price with price year and source, and value; "
                    + "values by ecosystem type; category subtotals and shares; GEP, per km², per capita and GEP/GDP; and the "
                    + "provenance (method version, price set, inputs hash). Accounts never change: a correction is a new account.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccountRequest.class),
            examples = @ExampleObject(name = "county", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The account; Location names it",
            content = @Content(schema = @Schema(implementation = AccountDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid inputs, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(AccountRequest body, @Context UriInfo uri) {
        AccountDocument document = accounts.create(Problems.requireBody(body), callers.current().name());
        return Response.created(uri.getAbsolutePathBuilder().path(document.id().toString()).build()).entity(document).build();
    }

    @GET
    @RolesAllowed({Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "searchAccounts", summary = "Find accounts by region, year or the job that computed them", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "The accounts")
    @APIResponse(responseCode = "400", description = "Unknown or invalid query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<GepAccountService.Summary> search(@QueryParam("regionCode") String regionCode, @QueryParam("year") Integer year,
            @QueryParam("jobId") UUID jobId, @QueryParam("offset") @DefaultValue("0") Integer offset,
            @QueryParam("limit") @DefaultValue("100") Integer limit, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("regionCode", "year", "jobId", "offset", "limit"));
        Problems.checkPage(offset, limit);
        return accounts.search(regionCode, year, jobId, offset, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(operationId = "getAccount", summary = "An account, exactly as computed", description = "CSV and XLSX by Accept header or ?format=.")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(schema = @Schema(implementation = AccountDocument.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @QueryParam("format") String format, @Context HttpHeaders headers) {
        Format wanted = Exports.negotiate(headers, format);
        Optional<String> document = accounts.document(id);
        if (document.isEmpty()) {
            return Problems.notFound("account " + id);
        }
        return wanted == Format.JSON ? Response.ok(document.get(), MediaType.APPLICATION_JSON).build()
                : Exports.download(ExportTables.account(AccountDocument.read(json, document.get())), wanted, "gep-account-" + id);
    }

    @POST
    @Path("{id}/verification")
    @RolesAllowed({Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "verifyAccount", summary = "Verify a stored account by computing it again",
            description = "Hashes the stored inputs again and computes the account again from them with its method version and price "
                    + "set, then compares: the inputs hash (column and document), every value line (value, quantity, unit price, by "
                    + "ecosystem type), the indicator and category totals, GEP and its ratios, and the stored total columns and value "
                    + "rows. `matches` is true only when nothing differs; each difference names where it is. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The verification", content = @Content(schema = @Schema(implementation = AccountVerifier.Verification.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verify(@PathParam("id") UUID id) {
        return verifier.verify(id).map(v -> Response.ok(v).build()).orElseGet(() -> Problems.notFound("account " + id));
    }

    @Schema(name = "PublicationRequest")
    public record PublicationRequest(@Schema(required = true, examples = "县政府常务会议审定 2024-03-18", maxLength = 2000) String reason) {}

    @POST
    @Path("{id}/publication")
    @RolesAllowed(Roles.Accounting.PUBLISHER)
    @Operation(operationId = "publishAccount", summary = "Publish an account as the official GEP of its region, year and method version",
            description = "The previous official figure, if any, is superseded and stays readable with its history. "
                    + "Publishing the account that is already official changes nothing (200).")
    @APIResponse(responseCode = "201", description = "Published; Location is the region's official figure",
            content = @Content(schema = @Schema(implementation = Publication.class)))
    @APIResponse(responseCode = "200", description = "It already was the official figure",
            content = @Content(schema = @Schema(implementation = Publication.class)))
    @APIResponse(responseCode = "400", description = "No reason given", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") UUID id, PublicationRequest body, @Context UriInfo uri) {
        Problems.requireBody(body);
        return publications.publish(id, body.reason(), callers.current().name()).map(outcome -> {
            Publication p = outcome.publication();
            if (!outcome.created()) {
                return Response.ok(p).build();
            }
            return Response.created(uri.getBaseUriBuilder().path("api/v1/regions/{code}/gep").queryParam("year", p.year())
                    .queryParam("methodVersion", p.methodVersion()).build(p.regionCode())).entity(p).build();
        }).orElseGet(() -> Problems.notFound("account " + id));
    }
}
