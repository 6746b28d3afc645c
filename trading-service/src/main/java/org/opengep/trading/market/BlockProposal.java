package org.opengep.trading.market;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A block agreement (大宗协议) proposed by one side to a named counterparty; nothing is frozen until it confirms. */
public record BlockProposal(UUID id, int instrumentId, UUID initiatorId, UUID counterpartyId, Side initiatorSide, BigDecimal price, long units,
        Status status, OffsetDateTime expiresAt, OffsetDateTime createdAt, String createdBy, OffsetDateTime endedAt, UUID fillId) {

    @Schema(name = "ProposalStatus")
    public enum Status {
        PROPOSED,
        CONFIRMED,
        DECLINED,
        EXPIRED,
        WITHDRAWN
    }

    public UUID seller() {
        return initiatorSide == Side.SELL ? initiatorId : counterpartyId;
    }

    public UUID buyer() {
        return initiatorSide == Side.BUY ? initiatorId : counterpartyId;
    }

    public BlockProposal ended(Status to, OffsetDateTime at, UUID fill) {
        return new BlockProposal(id, instrumentId, initiatorId, counterpartyId, initiatorSide, price, units, to, expiresAt, createdAt, createdBy, at, fill);
    }
}
