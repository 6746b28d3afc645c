package org.opengep.trading.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.problem.Problem;
import org.opengep.common.security.Roles;
import org.opengep.trading.rest.Views.Expired;
import org.opengep.trading.rest.Views.Reconciliation;
import org.opengep.trading.rest.Views.Sync;
import org.opengep.trading.rest.Views.Verification;
import org.opengep.trading.service.AuditService;
import org.opengep.trading.service.ExpiryService;
import org.opengep.trading.service.FeedImporter;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The issuance feed, the journal's verification and the reconciliation")
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    FeedImporter feed;

    @Inject
    ExpiryService expiry;

    @POST
    @Path("feed/sync")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "syncIssuanceFeed", summary = "Import the registry's new issuances now", description = "What the scheduled import does every few seconds: "
            + "reads the feed on from the stored position; each issuance is applied once.")
    @APIResponse(responseCode = "200", description = "Where the import stands", content = @Content(schema = @Schema(implementation = Sync.class)))
    @APIResponse(responseCode = "503", description = "The registry did not answer; the ledger stays where it was",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Sync sync() {
        return feed.sync();
    }

    @POST
    @Path("expiry")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "runExpiry", summary = "Expire now what is due", description = "What the scheduled expiry does every few seconds: two-phase trades past "
            + "their time expire (the units return to the seller), and green certificates and pollutant rights past their validity "
            + "become EXPIRED. Running it again changes nothing.")
    @APIResponse(responseCode = "200", description = "What expired", content = @Content(schema = @Schema(implementation = Expired.class)))
    public Expired expire() {
        return expiry.expireNow(LocalDate.now());
    }

    @GET
    @Path("journal/verification")
    @RolesAllowed(Roles.Trading.AUDITOR)
    @Operation(operationId = "verifyJournal", summary = "Recompute the journal's hash chains", description = "Every balance has its own chain; the answer names the "
            + "first entry whose hash does not match, or a balance whose head disagrees with its last entry.")
    @APIResponse(responseCode = "200", description = "The verification", content = @Content(schema = @Schema(implementation = Verification.class)))
    public Verification verify() {
        return audit.verifyJournal();
    }

    @GET
    @Path("reconciliation")
    @RolesAllowed({Roles.Trading.AUDITOR, Roles.Trading.OPERATOR})
    @Operation(operationId = "reconcileLedger", summary = "Reconcile the ledger", description = "Per right type and vintage: issued = available + reserved + retired + "
            + "expired; blocks agree with balances; live serial ranges are disjoint and cover every issuance; every issuance of the "
            + "registry's feed has the same holder and serials in the ledger, and the ledger has none the registry lacks; the "
            + "trading centre's cash adds up. Each drift is listed, naming what and where.")
    @APIResponse(responseCode = "200", description = "The reconciliation", content = @Content(schema = @Schema(implementation = Reconciliation.class)))
    public Reconciliation reconcile() {
        return audit.reconcile();
    }
}
