package org.opengep.dashboard.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.Supplier;
import org.opengep.dashboard.auth.DashboardRoles;
import org.opengep.dashboard.client.AccountingClient;
import org.opengep.dashboard.client.ServiceFile;

/**
 * Every table's download is the accounting service's own export (CSV or XLSX), fetched with the user's token and passed
 * on byte for byte with the service's type and file name: the dashboard never re-renders a figure it downloads.
 */
@Path("/downloads")
@RolesAllowed(DashboardRoles.GEP_READER)
public class DownloadResource {

    @Inject
    AccountingClient accounting;

    @GET
    @Path("/regions/{code}/gep.{format}")
    public Response officialFigure(@PathParam("code") String code, @PathParam("format") String format, @QueryParam("year") int year) {
        String region = RegionCodes.inPath(code);
        return file(format, () -> accounting.files().officialFigure(region, year, format));
    }

    @GET
    @Path("/regions/{code}/children.{format}")
    public Response childrenRanking(@PathParam("code") String code, @PathParam("format") String format, @QueryParam("year") int year) {
        String region = RegionCodes.inPath(code);
        return file(format, () -> accounting.files().childrenRanking(region, year, format));
    }

    @GET
    @Path("/regions/{code}/series.{format}")
    public Response series(@PathParam("code") String code, @PathParam("format") String format, @QueryParam("from") int from,
            @QueryParam("to") int to) {
        String region = RegionCodes.inPath(code);
        return file(format, () -> accounting.files().series(region, from, to, to, format));
    }

    /** The SEEA EA tables of two published years (XLSX: one sheet per table). */
    @GET
    @Path("/regions/{code}/seea.xlsx")
    public Response seea(@PathParam("code") String code, @QueryParam("from") int from, @QueryParam("to") int to) {
        String region = RegionCodes.inPath(code);
        return file("xlsx", () -> accounting.files().seea(region, from, to, "xlsx"));
    }

    @GET
    @Path("/allocations/{id}.{format}")
    public Response allocation(@PathParam("id") UUID id, @PathParam("format") String format) {
        return file(format, () -> accounting.files().allocation(id, format));
    }

    private Response file(String format, Supplier<Response> export) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new NotFoundException();
        }
        ServiceFile file = accounting.download(export);
        return Response.ok(file.bytes()).type(file.contentType()).header("Content-Disposition", file.contentDisposition()).build();
    }

}
