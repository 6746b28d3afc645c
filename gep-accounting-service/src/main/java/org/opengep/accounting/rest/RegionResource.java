package org.opengep.accounting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.domain.RegionLevel;
import org.opengep.accounting.domain.RegionCodeChange;
import org.opengep.accounting.rest.RegionViews.Area;
import org.opengep.accounting.rest.RegionViews.CodeChange;
import org.opengep.accounting.rest.RegionViews.Detail;
import org.opengep.accounting.rest.RegionViews.NewCustom;
import org.opengep.accounting.rest.RegionViews.Summary;
import org.opengep.accounting.service.RegionService;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "The statistics bureau's region codes (GB/T 2260 divisions and development zones), their changes, and custom accounting units")
public class RegionResource {

    @Inject
    RegionService regions;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "listRegions", summary = "List regions", description = "Filtered by parent, level and name; with no filter, the provinces.")
    @APIResponse(responseCode = "200", description = "The regions, ordered by code")
    @APIResponse(responseCode = "400", description = "Bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Summary> list(@QueryParam("parent") @Parameter(description = "Parent region code", example = "440000") String parent,
            @QueryParam("level") @Parameter(description = "PROVINCE, PREFECTURE, COUNTY or a custom level") RegionLevel level,
            @QueryParam("name") @Parameter(description = "Part of the name", example = "深圳") String name,
            @QueryParam("offset") @DefaultValue("0") Integer offset,
            @QueryParam("limit") @DefaultValue("500") Integer limit) {
        Problems.checkPage(offset, limit);
        return regions.search(parent, level, name, offset, limit).stream().map(Summary::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.Accounting.READER, Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "getRegion", summary = "One region with its ancestors, children, level and area")
    @APIResponse(responseCode = "200", description = "The region", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "404", description = "No such region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") @Parameter(example = "440300") String code) {
        return regions.find(code).map(r -> Response.ok(detail(r)).build()).orElseGet(() -> Problems.notFound("region " + code));
    }

    @POST
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "createRegion", summary = "Create a custom accounting unit (watershed, reserve, township, parcel)")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Code already taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(NewCustom body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Problems.requireBody(body);
        Region region = regions.createCustom(body.code(), body.name(), body.level(), body.parentCode(), body.areaKm2(),
                body.areaSource(), callers.current().name());
        return Response.created(uri.getAbsolutePathBuilder().path(region.code).build()).entity(detail(region)).build();
    }

    @PUT
    @Path("{code}/area")
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "setRegionArea", summary = "Record a region's land area", description = "Used to check ecosystem extents and for GEP per km².")
    @APIResponse(responseCode = "200", description = "The region with its area", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "400", description = "Invalid area", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setArea(@PathParam("code") String code, Area body) {
        Problems.requireBody(body);
        return regions.setArea(code, body.areaKm2(), body.source()).map(r -> Response.ok(detail(r)).build())
                .orElseGet(() -> Problems.notFound("region " + code));
    }

    private Detail detail(Region r) {
        List<Summary> ancestors = new ArrayList<>();
        String parent = r.parentCode;
        while (parent != null) {
            Region p = regions.find(parent).orElseThrow();
            ancestors.add(Summary.of(p));
            parent = p.parentCode;
        }
        Collections.reverse(ancestors);
        return new Detail(r.code, r.name, r.level, r.parentCode, r.areaKm2, r.areaSource, r.custom, r.developmentZone, r.validFrom,
                r.validUntil, RegionCodeChange.touching(r.code).stream().map(CodeChange::of).toList(),
                r.custom ? null : RegionService.CODE_TABLE, ancestors, regions.children(r.code).stream().map(Summary::of).toList());
    }
}
