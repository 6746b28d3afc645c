package org.opengep.accounting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.rest.export.ExportTables;
import org.opengep.accounting.rest.export.Exports.Format;
import org.opengep.accounting.rest.export.Exports;
import org.opengep.accounting.service.AccountDocument;
import org.opengep.accounting.service.CatalogueService;
import org.opengep.accounting.service.PublicationService.Publication;
import org.opengep.accounting.service.PublicationService;
import org.opengep.accounting.service.RegionFigures.ChildFigure;
import org.opengep.accounting.service.RegionFigures;
import org.opengep.accounting.service.RegionService;
import org.opengep.accounting.service.SeriesService.Series;
import org.opengep.accounting.service.SeriesService;
import org.opengep.accounting.service.ValueRealisation.Rate;
import org.opengep.accounting.service.ValueRealisation;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Roles;

/** Official GEP figures of a region: as published, summed from its children, ranked, over years. */
@Path("/api/v1/regions/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Official GEP", description = "Published figures, sums up the region tree, rankings and comparable-price series")
@APIResponse(responseCode = "400", description = "Invalid or unknown query parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such region, or no official figure",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RegionGepResource {

    @Inject
    RegionService regions;

    @Inject
    CatalogueService catalogues;

    @Inject
    PublicationService publications;

    @Inject
    RegionFigures figures;

    @Inject
    SeriesService series;

    @Inject
    ValueRealisation realisation;

    @Inject
    ObjectMapper json;

    @GET
    @Path("gep")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(operationId = "getOfficialGep", summary = "The region's official GEP for a year",
            description = "basis=official (default): the published figure with its breakdown by indicator, category and ecosystem "
                    + "type, served from memory; detail=lines adds every indicator's value lines (quantity x unit price). "
                    + "basis=children: the sum of the children's official figures (a child without one counts with the sum of "
                    + "its own children) by indicator, category and ecosystem type, the children that are missing, and the "
                    + "difference to the region's own official figure where it has one. CSV and XLSX of the official figure "
                    + "by Accept header or ?format=.")
    @APIResponse(responseCode = "200", description = "The figure: the published account document with its accountId and "
            + "publication (basis=official), or the sum of the children (basis=children); CSV or XLSX when asked for",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @NonBlocking
    public Uni<Response> gep(@PathParam("code") String code, @QueryParam("year") @Parameter(required = true, example = "2020") Integer year,
            @QueryParam("basis") @Parameter(description = "official (default) or children") String basis,
            @QueryParam("detail") @Parameter(description = "lines: the value lines of every indicator too") String detail,
            @QueryParam("methodVersion") String methodVersion, @QueryParam("format") String format,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Problems.onlyQueryParameters(uri, Set.of("year", "basis", "detail", "methodVersion", "format"));
        Errors errors = new Errors();
        requireYear(year, errors);
        if (basis != null && !basis.equals("official") && !basis.equals("children")) {
            errors.add("basis", "official or children");
        }
        if (detail != null && !detail.equals("lines")) {
            errors.add("detail", "lines, or leave it out for the breakdown by indicator");
        }
        boolean lines = detail != null;
        String method = method(methodVersion, errors);
        Format wanted = Exports.negotiate(headers, format);
        errors.throwIfAny();
        // the hot path of the service: a published figure in memory is sent from the I/O thread, no database
        if (!"children".equals(basis) && wanted == Format.JSON) {
            Optional<byte[]> cached = publications.cachedOfficialDocument(code, year, method, lines);
            if (cached.isPresent()) {
                return Uni.createFrom().item(Response.ok(cached.get(), MediaType.APPLICATION_JSON).build());
            }
        }
        if ("children".equals(basis)) {
            // one statement: no transaction, no session
            return Uni.createFrom().item(() -> figures.sumOfChildren(code, year, method)
                    .map(sum -> wanted == Format.JSON ? Response.ok(sum).build() : childrenDownload(code, year, sum.children(), wanted))
                    .orElseGet(() -> Problems.notFound("region " + code)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().item(() -> QuarkusTransaction.joiningExisting().call(() -> officialFromDatabase(code, year, lines, method, wanted)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response officialFromDatabase(String code, int year, boolean lines, String method, Format wanted) {
        // exports list the value lines; the JSON figure has them on request
        Optional<byte[]> document = publications.officialDocument(code, year, method, lines || wanted != Format.JSON);
        if (document.isEmpty()) {
            return Problems.notFound(regions.find(code).isEmpty() ? "region " + code : "official GEP for " + code + " in " + year
                    + " (method " + method + "); basis=children sums the children's figures");
        }
        if (wanted == Format.JSON) {
            return Response.ok(document.get(), MediaType.APPLICATION_JSON).build();
        }
        return Exports.download(ExportTables.account(AccountDocument.read(json,
                new String(document.get(), StandardCharsets.UTF_8))), wanted, "gep-" + code + "-" + year);
    }

    @GET
    @Path("gep/publications")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "listGepPublications", summary = "Every publication of the region, superseded ones included: who published, when, why")
    @APIResponse(responseCode = "200", description = "Newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Publication.class, type = SchemaType.ARRAY)))
    public Response history(@PathParam("code") String code, @QueryParam("year") Integer year, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("year"));
        if (regions.find(code).isEmpty()) {
            return Problems.notFound("region " + code);
        }
        List<Publication> list = publications.history(code, year);
        return Response.ok(list).build();
    }

    @GET
    @Path("gep/realisation")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "getValueRealisation", summary = "The region's value-realisation rate: realised trade value / official GEP",
            description = "The value realised in the year by first sales (the trading centre's fills out of the holder the units were "
                    + "issued to) of the products of the region and every region under it, as trading-service reports it, over the region's "
                    + "official GEP of that year (both in 元). Resales are reported apart (resaleValue) and not counted; transfers between "
                    + "holders carry no price and count for nothing.")
    @APIResponse(responseCode = "200", description = "The rate with its parts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rate.class)))
    @APIResponse(responseCode = "503", description = "trading-service did not answer; retry after the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response realisation(@PathParam("code") String code, @QueryParam("year") @Parameter(required = true, example = "2024") Integer year,
            @QueryParam("methodVersion") String methodVersion, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("year", "methodVersion"));
        Errors errors = new Errors();
        requireYear(year, errors);
        String method = method(methodVersion, errors);
        errors.throwIfAny();
        Optional<Region> region = regions.find(code);
        if (region.isEmpty()) {
            return Problems.notFound("region " + code);
        }
        return realisation.of(region.get(), year, method).map(r -> Response.ok(r).build())
                .orElseGet(() -> Problems.notFound("official GEP for " + code + " in " + year + " (method " + method + ")"));
    }

    @GET
    @Path("children/gep")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(operationId = "rankChildrenByGep", summary = "The region's children ranked by GEP, with GEP per km² and per capita",
            description = "Each child with its official figure, or the sum below it, or MISSING. CSV and XLSX by Accept header or ?format=.")
    @APIResponse(responseCode = "200", description = "Ranked children",
            content = @Content(schema = @Schema(implementation = ChildFigure.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Response children(@PathParam("code") String code, @QueryParam("year") @Parameter(required = true) Integer year,
            @QueryParam("methodVersion") String methodVersion, @QueryParam("format") String format,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Problems.onlyQueryParameters(uri, Set.of("year", "methodVersion", "format"));
        Errors errors = new Errors();
        requireYear(year, errors);
        String method = method(methodVersion, errors);
        Format wanted = Exports.negotiate(headers, format);
        errors.throwIfAny();
        return figures.children(code, year, method)
                .map(ranked -> wanted == Format.JSON ? Response.ok(ranked).build() : childrenDownload(code, year, ranked, wanted))
                .orElseGet(() -> Problems.notFound("region " + code));
    }

    private static Response childrenDownload(String code, int year, List<ChildFigure> children, Format format) {
        return Exports.download(ExportTables.children(code, year, children), format, "gep-" + code + "-" + year + "-children");
    }

    @GET
    @Path("gep/series")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(operationId = "getGepSeries", summary = "Official figures over years at current and comparable prices, with growth and dual growth",
            description = "With priceSetId (a base-year price set): fixed-price method; without: deflator method with the price "
                    + "indices. The response states which. 409 when a needed price index is not recorded.")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(schema = @Schema(implementation = Series.class)))
    @APIResponse(responseCode = "409", description = "A price index or base price is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response series(@PathParam("code") String code, @QueryParam("from") @Parameter(required = true, example = "2015") Integer from,
            @QueryParam("to") @Parameter(required = true, example = "2019") Integer to,
            @QueryParam("priceYear") @Parameter(required = true, example = "2019") Integer priceYear,
            @QueryParam("priceSetId") @Parameter(description = "Base-year price set: fixed-price method") UUID priceSetId,
            @QueryParam("methodVersion") String methodVersion, @QueryParam("format") String format,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Problems.onlyQueryParameters(uri, Set.of("from", "to", "priceYear", "priceSetId", "methodVersion", "format"));
        Format wanted = Exports.negotiate(headers, format);
        Optional<Region> region = regions.find(code);
        if (region.isEmpty()) {
            return Problems.notFound("region " + code);
        }
        Series s = series.series(region.get(), from, to, priceYear, priceSetId,
                catalogues.resolve(methodVersion));
        return wanted == Format.JSON ? Response.ok(s).build()
                : Exports.download(ExportTables.series(s), wanted, "gep-" + code + "-" + from + "-" + to);
    }

    @Schema(name = "ChildGrowth", description = "A child's comparable-price GEP growth and GDP growth between two years")
    public record ChildGrowth(String code, String name, BigDecimal gepGrowth, BigDecimal gdpGrowth, SeriesService.DualGrowth dualGrowth,
            List<Integer> missingYears) {}

    @GET
    @Path("children/dual-growth")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "getChildrenDualGrowth", summary = "The children's comparable GEP growth and GDP growth between two years, flagging GDP up and GEP down",
            description = "Official figures of both years, the earlier one brought to the later year's prices with the price "
                    + "indices (deflator method). GDP_UP_GEP_DOWN marks the children to look at.")
    @APIResponse(responseCode = "200", description = "One entry per child, flagged ones first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChildGrowth.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "409", description = "A price index is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response dualGrowth(@PathParam("code") String code, @QueryParam("from") @Parameter(required = true) Integer from,
            @QueryParam("to") @Parameter(required = true) Integer to, @QueryParam("methodVersion") String methodVersion,
            @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("from", "to", "methodVersion"));
        Optional<Region> region = regions.find(code);
        if (region.isEmpty()) {
            return Problems.notFound("region " + code);
        }
        String method = catalogues.resolve(methodVersion);
        List<ChildGrowth> growth = new ArrayList<>();
        for (Region child : regions.children(code)) {
            if (child.custom) {
                continue;
            }
            Series s = series.series(child, from, to, to, null, method);
            boolean both = s.missingYears().stream().noneMatch(y -> y.equals(from) || y.equals(to));
            growth.add(new ChildGrowth(child.code, child.name, both ? s.spanGrowth() : null, both ? s.spanGdpGrowth() : null,
                    both ? s.spanDualGrowth() : null, s.missingYears().stream().filter(y -> y.equals(from) || y.equals(to)).toList()));
        }
        growth.sort(Comparator.comparing((ChildGrowth g) -> g.dualGrowth() != SeriesService.DualGrowth.GDP_UP_GEP_DOWN)
                .thenComparing(ChildGrowth::code));
        return Response.ok(growth).build();
    }

    private static void requireYear(Integer year, Errors errors) {
        if (year == null) {
            errors.add("year", "the year is required");
        }
    }

    private String method(String methodVersion, Errors errors) {
        String method = catalogues.resolve(methodVersion);
        if (catalogues.engine(method).isEmpty()) {
            errors.add("methodVersion", "unknown method version; known: " + catalogues.methodVersions());
        }
        return method;
    }
}
