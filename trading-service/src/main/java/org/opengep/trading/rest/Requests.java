package org.opengep.trading.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.trading.ledger.Units;

/** What the API takes: the request bodies, as the OpenAPI document describes them, with the limits it documents and enforces. */
public final class Requests {

    private Requests() {}

    static final String WATER_KIND = "Water rights only, and required for them: REGIONAL, WITHDRAWAL_PERMIT and IRRIGATION rights are different "
            + "rights with balances of their own";
    static final String PERMIT_END = "WITHDRAWAL_PERMIT water rights only, and required for them: the end of the permit (quotas of permits that "
            + "end on other days are different rights)";

    @Schema(name = "NewTrade", description = "A transfer of units of one instrument from seller to buyer (no price: priced trades are the trading "
            + "centre's fills): settled at once, or two-phase (the units are reserved as PENDING until the trade is settled, cancelled or expires)")
    public record NewTrade(@Schema(required = true) UUID sellerId, @Schema(required = true) UUID buyerId,
            @Schema(required = true) RightType rightType, @Schema(required = true, examples = "2024") Integer vintage,
            @Schema(description = "Pollutant emission rights only") Pollutant pollutant,
            @Schema(description = WATER_KIND) WaterRightKind waterRightKind, @Schema(description = PERMIT_END) LocalDate permitValidUntil,
            @Schema(required = true, examples = "100") BigDecimal quantity,
            @Schema(description = "Two-phase: reserve now, settle later") Boolean twoPhase,
            @Schema(description = "Two-phase: seconds until an unsettled trade expires (default 3600, at most 30 days)") Long expiresInSeconds) {}

    @Schema(name = "NewRetirement", description = "Units retired for good (注销), e.g. to offset emissions")
    public record NewRetirement(@Schema(required = true) UUID holderId, @Schema(required = true) RightType rightType,
            @Schema(required = true) Integer vintage, Pollutant pollutant, @Schema(description = WATER_KIND) WaterRightKind waterRightKind,
            @Schema(description = PERMIT_END) LocalDate permitValidUntil, @Schema(required = true) BigDecimal quantity,
            @Schema(required = true, examples = "2025年度碳中和", maxLength = 500) String purpose,
            @Schema(required = true, examples = "某某公司", maxLength = 200) String beneficiary) {}

    @Schema(name = "NewReservation", description = "A pledge (质押) to a pledgee, or a freeze (冻结) by the operator: the units stay the "
            + "holder's but cannot move until released (or, for a pledge, enforced to the pledgee)")
    public record NewReservation(@Schema(required = true) UUID holderId, @Schema(description = "Pledges only") UUID pledgeeId,
            @Schema(required = true) RightType rightType, @Schema(required = true) Integer vintage, Pollutant pollutant,
            @Schema(description = WATER_KIND) WaterRightKind waterRightKind, @Schema(description = PERMIT_END) LocalDate permitValidUntil,
            @Schema(required = true) BigDecimal quantity, @Schema(description = "Why (freezes: the order behind it)", maxLength = 2000) String reason) {}

    @Schema(name = "SurrenderPart")
    public record SurrenderPart(@Schema(required = true, description = "CARBON_ALLOWANCE or CCER") RightType rightType,
            @Schema(required = true) Integer vintage, @Schema(required = true) BigDecimal quantity) {}

    @Schema(name = "NewSurrender", description = "A compliance surrender (清缴): allowances, and CCER up to the configured share (5 %), "
            + "that together meet the year's obligation")
    public record NewSurrender(@Schema(required = true) UUID holderId, @Schema(required = true, examples = "2025") Integer complianceYear,
            @Schema(required = true, description = "tCO2e to surrender", examples = "120000") BigDecimal obligation,
            @Schema(required = true) List<SurrenderPart> parts) {}

    @Schema(name = "TradeBatch")
    public record TradeBatch(@Schema(required = true, description = "1 to 1 000 trades") List<NewTrade> trades) {}

    @Schema(name = "TradeSettlement")
    public record Settlement(@Schema(description = "At most what was reserved; the rest returns to the seller (default: all)") BigDecimal quantity) {}
}
