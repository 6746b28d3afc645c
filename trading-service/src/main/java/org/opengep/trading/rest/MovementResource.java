package org.opengep.trading.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.service.Caller;
import org.opengep.trading.service.MovementService;
import org.opengep.trading.service.MovementService.Mode;
import org.opengep.trading.service.MovementService.NewRetirement;
import org.opengep.trading.service.MovementService.NewTrade;
import org.opengep.trading.service.MovementService.Recorded;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Movements", description = "Trades and retirements; every one requires an Idempotency-Key")
@APIResponse(responseCode = "400", description = "Invalid input, or no Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Insufficient balance, a holder not ACTIVE, a right not REGISTERED, or the key still in use",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The registry cannot confirm holders or rights; nothing was recorded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MovementResource {

    @Schema(name = "Movement", description = "A recorded movement and the serial ranges that moved")
    public record MovementView(UUID id, String kind, UUID sellerId, UUID buyerId, RightType rightType, int vintage, Pollutant pollutant,
            BigDecimal quantity, BigDecimal price, Mode mode, String purpose, String beneficiary, List<String> serials, OffsetDateTime at) {

        static MovementView of(Recorded r) {
            return new MovementView(r.id(), r.kind(), r.sellerId(), r.buyerId(), r.instrument().rightType(), r.instrument().vintage(),
                    r.instrument().pollutant(), Units.quantity(r.units(), r.instrument().rightType()), r.price(), r.mode(), r.purpose(),
                    r.beneficiary(), r.serials(), r.at());
        }
    }

    @Inject
    MovementService movements;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("trades")
    @RolesAllowed(Roles.TRADER)
    @Operation(summary = "Record a trade", description = "Moves units from the seller (the trader's own holder) to the buyer at once. "
            + "The seller's balance is checked and changed in one transaction under its lock; serial blocks split (the seller keeps "
            + "the first sub-range, the buyer gets the last). Both holders must be ACTIVE and the rights still REGISTERED in the registry.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = MovementView.class)))
    public Response trade(NewTrade trade, @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key,
            @Context UriInfo uri) {
        return once(key, uri, trade, () -> movements.trade(Problems.requireBody(trade), callers.current()));
    }

    @POST
    @Path("retirements")
    @RolesAllowed(Roles.TRADER)
    @Operation(summary = "Retire units for good (注销)", description = "With purpose and beneficiary; retired units never move again.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = MovementView.class)))
    public Response retire(NewRetirement retirement,
            @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = Idempotency.DESCRIPTION) String key, @Context UriInfo uri) {
        return once(key, uri, retirement, () -> movements.retire(Problems.requireBody(retirement), callers.current()));
    }

    private Response once(String key, UriInfo uri, Object body, Supplier<Recorded> movement) {
        Caller caller = callers.current();
        return idempotency.execute(caller.name(), key, true, "POST", uri, body,
                () -> Response.status(201).entity(MovementView.of(movement.get())).build());
    }
}
