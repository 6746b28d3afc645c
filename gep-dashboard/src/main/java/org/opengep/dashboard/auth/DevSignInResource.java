package org.opengep.dashboard.auth;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opengep.dashboard.DashboardConfig;
import org.opengep.dashboard.view.Page;
import org.opengep.dashboard.web.LocalPath;

/**
 * The development sign-in of a local run: choose a user name and roles; the dashboard signs a token for them with the
 * dev issuer's key (which the services trust in a local run) and keeps it in a session. It answers 404 unless
 * {@code gep.dashboard.dev-sign-in.enabled=true}: a deployment signs in through OpenID Connect only.
 */
@Path("/")
public class DevSignInResource {

    @Inject
    DashboardConfig config;

    @Inject
    DevSessions sessions;

    @Inject
    Page page;

    @Inject
    Template signin;

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("next") String next) {
        requireEnabled();
        return page.of(signin).data("next", LocalPath.orHome(next)).data("offered", DashboardRoles.OFFERED).data("problem", null);
    }

    @POST
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("user") String user, @FormParam("role") List<String> roles, @FormParam("next") String next) {
        requireEnabled();
        String name = user == null ? "" : user.strip();
        Set<String> chosen = new LinkedHashSet<>(roles == null ? List.of() : roles);
        chosen.retainAll(DashboardRoles.OFFERED);
        if (!name.matches("[\\p{L}\\p{N}._-]{1,64}")) {
            return Response.status(400).entity(page.of(signin).data("next", LocalPath.orHome(next)).data("offered", DashboardRoles.OFFERED)
                    .data("problem", "user")).build();
        }
        Instant expiresAt = Instant.now().plus(config.devSignIn().lifetime());
        String token = Jwt.issuer(config.devSignIn().issuer()).subject(name).upn(name).groups(chosen).expiresAt(expiresAt)
                .sign(config.devSignIn().signingKeyLocation().orElseThrow(
                        () -> new IllegalStateException("gep.dashboard.dev-sign-in.signing-key-location is not set")));
        String session = sessions.open(new DevSessions.DevSession(name, chosen, token, expiresAt));
        return Response.seeOther(URI.create(LocalPath.orHome(next))).cookie(cookie(session, (int) config.devSignIn().lifetime().toSeconds())).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut(@CookieParam(DevSessions.COOKIE) String session) {
        requireEnabled();
        sessions.close(session);
        return Response.seeOther(URI.create("/sign-in")).cookie(cookie("", 0)).build();
    }

    private void requireEnabled() {
        if (!config.devSignIn().enabled()) {
            throw new NotFoundException();
        }
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(DevSessions.COOKIE).value(value).path("/").httpOnly(true).maxAge(maxAge)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
