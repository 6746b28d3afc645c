package org.opengep.trading.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Roles;
import org.opengep.trading.rest.Views.Realised;
import org.opengep.trading.service.MarketData;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market", description = "The value realised from each region's products")
public class MarketResource {

    @Inject
    MarketData market;

    @GET
    @Path("realised-value")
    @RolesAllowed({Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.MARKET_READER})
    @Operation(operationId = "getRealisedValue", summary = "Trade value realised from a region's products", description = "Per region of origin (the product's), right type "
            + "and year: the quantity delivered by trades and its value in 元 (quantity x price). The figure the accounting service "
            + "sets against GEP for the value-realisation rate.")
    @APIResponse(responseCode = "200", description = "The realised value")
    public List<Realised> realised(@QueryParam("year") @Parameter(required = true) Integer year, @QueryParam("region") String region,
            @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("year", "region"));
        Errors errors = new Errors();
        if (year == null || year < 2000 || year > 2100) {
            errors.add("year", "required, a year");
        }
        errors.throwIfAny();
        return market.realised(year, region);
    }
}
