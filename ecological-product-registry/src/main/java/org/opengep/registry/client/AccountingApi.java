package org.opengep.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.opengep.common.client.ServiceTokenHeaders;

/** The calls the registry makes to gep-accounting-service, each with the registry's own service token. */
@RegisterRestClient(configKey = "accounting")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AccountingApi {

    /** A region with its ancestors (404 when there is none). */
    @GET
    @Path("regions/{code}")
    JsonNode region(@PathParam("code") String code);

    /** The indicator catalogue of the default method version. */
    @GET
    @Path("indicators")
    JsonNode catalogue();

    /** The official GEP of a region and year with every value line (404 when none is published). */
    @GET
    @Path("regions/{code}/gep")
    JsonNode officialFigure(@PathParam("code") String code, @QueryParam("year") int year, @QueryParam("detail") String detail);
}
