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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.opengep.dashboard.auth.DashboardRoles;
import org.opengep.dashboard.client.AccountingClient;
import org.opengep.dashboard.view.RegionView.RegionLink;
import org.opengep.dashboard.view.Page;

/** The region pages: a search by name or code, and a region's figures with its place in the tree. */
@Path("/regions")
@RolesAllowed(DashboardRoles.GEP_READER)
@Produces(MediaType.TEXT_HTML)
public class RegionResource {

    @Inject
    RegionPages pages;

    @Inject
    AccountingClient accounting;

    @Inject
    Page page;

    @Inject
    Template region;

    @Inject
    Template regions;

    @GET
    public Response search(@QueryParam("q") String query) {
        String asked = query == null ? "" : query.strip();
        if (RegionCodes.isCode(asked)) {
            return Response.seeOther(URI.create("/regions/" + asked)).build();
        }
        List<RegionLink> found = asked.isEmpty() || asked.length() > 50 ? List.of() : RegionPages.links(accounting.regionsNamed(asked, 50));
        return Response.ok(page.of(regions).data("query", asked).data("found", found)).build();
    }

    @GET
    @Path("/{code}")
    public TemplateInstance region(@PathParam("code") String code, @QueryParam("year") Integer year) {
        RegionCodes.inPath(code);
        if (year != null && (year < 1949 || year > 2100)) {
            throw new NotFoundException();
        }
        return page.of(region).data("view", pages.view(code, year, page.language()).orElseThrow(NotFoundException::new));
    }
}
