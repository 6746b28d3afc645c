package org.opengep.trading.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;
import org.opengep.trading.rest.CentreRequests.NewMembership;
import org.opengep.trading.rest.CentreRequests.NewPlatformTrade;
import org.opengep.trading.rest.CentreViews.FillView;
import org.opengep.trading.rest.CentreViews.MembershipView;
import org.opengep.trading.service.PlatformService;
import org.opengep.trading.store.InstrumentStore;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trading centre: platforms", description = "Platforms that match elsewhere report their members' matched trades")
@APIResponse(responseCode = "409", description = "Insufficient units, the instrument suspended, the reference reported already, or the key still in use",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The ledger is busy or the registry cannot confirm a holder or right; nothing was recorded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlatformResource {

    @Inject
    PlatformService platforms;

    @Inject
    InstrumentStore instruments;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("platforms/{platform}/members")
    @RolesAllowed(Roles.Trading.OPERATOR)
    @Operation(operationId = "grantPlatformMembership", summary = "Make a participant a member of a platform", description = "The platform (its token's "
            + "subject) may then report trades of the participant. Granting twice changes nothing.")
    @APIResponse(responseCode = "200", description = "The membership", content = @Content(schema = @Schema(implementation = MembershipView.class)))
    public Response grant(@PathParam("platform") String platform, NewMembership membership,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        NewMembership body = Problems.requireBody(membership);
        return idempotency.execute(caller, key, true, "POST", uri, body, () -> {
            var m = platforms.grant(platform, body.participantId(), caller);
            return Response.ok(new MembershipView(m.platform(), m.participantId(), m.grantedAt())).build();
        });
    }

    @GET
    @Path("platforms/{platform}/members")
    @RolesAllowed({Roles.Trading.OPERATOR, Roles.Trading.AUDITOR})
    @Operation(operationId = "getPlatformMembers", summary = "A platform's members")
    @APIResponse(responseCode = "200", description = "The memberships")
    public List<MembershipView> members(@PathParam("platform") String platform) {
        return platforms.members(platform).stream().map(m -> new MembershipView(m.platform(), m.participantId(), m.grantedAt())).toList();
    }

    @POST
    @Path("platform-trades")
    @RolesAllowed(Roles.Trading.PLATFORM)
    @Operation(operationId = "reportPlatformTrade", summary = "Report a trade the platform matched", description = "Between two of its members, with "
            + "its own reference (once): the units move seller to buyer here; the cash was settled on the platform. It counts in the market data "
            + "(mode PLATFORM, not in the close) and in the realised value.")
    @APIResponse(responseCode = "201", description = "The fill", content = @Content(schema = @Schema(implementation = FillView.class)))
    @APIResponse(responseCode = "403", description = "A party is not a member of the platform",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(NewPlatformTrade trade, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) {
        Caller caller = callers.current();
        return platforms.report(Problems.requireBody(trade), caller, idempotency.request(caller, key, true, "POST", uri, trade),
                f -> FillView.of(f, instruments.known(f.instrumentId())));
    }
}
