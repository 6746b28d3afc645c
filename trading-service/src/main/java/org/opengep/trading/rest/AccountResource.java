package org.opengep.trading.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;
import org.opengep.trading.rest.Views.BalanceView;
import org.opengep.trading.rest.Views.Block;
import org.opengep.trading.service.AuditService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Balances, serial blocks and the history of every serial")
public class AccountResource {

    @Inject
    AuditService audit;

    @Inject
    Callers callers;

    @GET
    @Path("accounts/{holderId}/balances")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.HOLDINGS_READER})
    @Operation(operationId = "getBalances", summary = "A holder's balances", description = "Per right type, vintage and pollutant: available, reserved (pending, "
            + "pledged, frozen), retired and expired. Traders see their own holder's.")
    @APIResponse(responseCode = "200", description = "The balances")
    public List<BalanceView> balances(@PathParam("holderId") UUID holderId) {
        callers.current().requireSees(holderId, Roles.Trading.READ_ACROSS_HOLDERS);
        return audit.balances(holderId);
    }

    @GET
    @Path("accounts/{holderId}/holdings")
    @RolesAllowed({Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR, Roles.Trading.HOLDINGS_READER})
    @Operation(operationId = "getHoldings", summary = "A holder's serial blocks", description = "The blocks the holder holds now, with their state.")
    @APIResponse(responseCode = "200", description = "The blocks")
    public List<Block> holdings(@PathParam("holderId") UUID holderId) {
        callers.current().requireSees(holderId, Roles.Trading.READ_ACROSS_HOLDERS);
        return audit.holdings(holderId);
    }

    @GET
    @Path("serials/{serial}/history")
    @RolesAllowed({Roles.Trading.OPERATOR, Roles.Trading.AUDITOR})
    @Operation(operationId = "getSerialHistory", summary = "Who held a unit when", description = "Every block that contained the serial, oldest first, with holder, state "
            + "and the time it was held from and until. A serial is its issuance block's prefix and the unit's number, e.g. FCS-331181-1-2024-17.")
    @APIResponse(responseCode = "200", description = "The history (empty for a serial never issued)")
    public List<Block> history(@PathParam("serial") String serial) {
        return audit.serialHistory(serial);
    }
}
