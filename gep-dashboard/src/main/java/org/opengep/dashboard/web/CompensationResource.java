package org.opengep.dashboard.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.opengep.dashboard.auth.DashboardRoles;
import org.opengep.dashboard.client.AccountingClient;
import org.opengep.dashboard.view.CompensationView;
import org.opengep.dashboard.view.Page;

/** Ecological compensation: the schemes, their allocations (a region's, or all) and one allocation with its arithmetic. */
@Path("/compensation")
@RolesAllowed(DashboardRoles.GEP_READER)
@Produces(MediaType.TEXT_HTML)
public class CompensationResource {

    @Inject
    AccountingClient accounting;

    @Inject
    Page page;

    @Inject
    Template compensation;

    @Inject
    Template allocation;

    @GET
    public TemplateInstance list(@QueryParam("region") String region) {
        String code = RegionCodes.optionalInQuery(region);
        return page.of(compensation).data("region", code)
                .data("schemes", accounting.schemes().stream().map(CompensationView.SchemeLine::of).toList())
                .data("allocations", accounting.allocations(code).stream().map(CompensationView.AllocationLine::of).toList());
    }

    @GET
    @Path("/allocations/{id}")
    public TemplateInstance allocation(@PathParam("id") UUID id) {
        return page.of(allocation).data("allocation", accounting.allocation(id)
                .map(a -> CompensationView.of(a, page.texts())).orElseThrow(NotFoundException::new));
    }
}
