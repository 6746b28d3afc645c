package org.opengep.dashboard.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.opengep.dashboard.DashboardConfig;
import org.opengep.dashboard.view.Page;
import org.opengep.dashboard.view.Texts;

/** The home page (the configured region) and the language switch. */
@Path("/")
public class HomeResource {

    @Inject
    DashboardConfig config;

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/regions/" + config.homeRegion())).build();
    }

    /** Chinese or English from now on (a cookie for a year), back to the page the reader was on. */
    @GET
    @Path("language")
    public Response language(@QueryParam("to") String language, @QueryParam("back") String back) {
        NewCookie cookie = new NewCookie.Builder(Page.LANGUAGE_COOKIE).value(Texts.language(language)).path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(LocalPath.orHome(back))).cookie(cookie).build();
    }
}
