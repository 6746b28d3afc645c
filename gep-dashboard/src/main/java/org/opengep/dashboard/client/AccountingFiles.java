package org.opengep.dashboard.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The accounting service's operations in the content types its generated client cannot ask for: the generator types
 * each operation by its first content type (JSON), while the dashboard downloads the service's own CSV and XLSX exports
 * and uploads a job's CSV as it is. Same paths and parameters as in {@code openapi/gep-accounting-service.yaml}.
 */
@RegisterRestClient(configKey = "accounting")
@Path("/api/v1")
public interface AccountingFiles {

    @GET
    @Path("/regions/{code}/gep")
    Response officialFigure(@PathParam("code") String code, @QueryParam("year") int year, @QueryParam("format") String format);

    @GET
    @Path("/regions/{code}/children/gep")
    Response childrenRanking(@PathParam("code") String code, @QueryParam("year") int year, @QueryParam("format") String format);

    @GET
    @Path("/regions/{code}/gep/series")
    Response series(@PathParam("code") String code, @QueryParam("from") int from, @QueryParam("to") int to,
            @QueryParam("priceYear") int priceYear, @QueryParam("format") String format);

    @GET
    @Path("/regions/{code}/seea")
    Response seea(@PathParam("code") String code, @QueryParam("from") int from, @QueryParam("to") int to, @QueryParam("format") String format);

    @GET
    @Path("/compensation/allocations/{id}")
    Response allocation(@PathParam("id") UUID id, @QueryParam("format") String format);

    @POST
    @Path("/gep-account-jobs")
    @Consumes("text/csv")
    Response startJob(String csv, @QueryParam("publish") boolean publish, @QueryParam("reason") String reason,
            @HeaderParam("Idempotency-Key") String idempotencyKey);
}
