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
import java.util.List;
import java.util.UUID;
import org.opengep.dashboard.auth.DashboardRoles;
import org.opengep.dashboard.client.AccountingClient;
import org.opengep.dashboard.view.AccountView;
import org.opengep.dashboard.view.Page;

/** The accounts of a region with their provenance (who computed them, when, with which method and prices, the inputs' hash). */
@Path("/accounts")
@RolesAllowed(DashboardRoles.GEP_READER)
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @Inject
    AccountingClient accounting;

    @Inject
    Page page;

    @Inject
    Template accounts;

    @Inject
    Template account;

    @GET
    public TemplateInstance list(@QueryParam("region") String region) {
        String code = RegionCodes.optionalInQuery(region);
        List<AccountView.Line> lines = code == null ? List.of() : accounting.accounts(code).stream().map(AccountView.Line::of).toList();
        return page.of(accounts).data("region", code).data("lines", lines);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance account(@PathParam("id") UUID id) {
        return page.of(account).data("account", accounting.account(id).map(a -> AccountView.of(a, page.language()))
                .orElseThrow(NotFoundException::new));
    }
}
