package org.opengep.trading.client;

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

/** The calls the trading service makes to ecological-product-registry, with its own token (role registry-reader). */
@RegisterRestClient(configKey = "registry")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryApi {

    /** A page of the issuance feed after a position. */
    @GET
    @Path("issuances")
    JsonNode issuances(@QueryParam("after") long after, @QueryParam("limit") int limit);

    @GET
    @Path("holders/{id}")
    JsonNode holder(@PathParam("id") String id);

    @GET
    @Path("products/{id}")
    JsonNode product(@PathParam("id") String id);
}
