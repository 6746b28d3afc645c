package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.NotFoundException;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.trading.config.MarketRules;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.market.BlockProposal;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Side;
import org.opengep.trading.rest.CentreRequests.NewBlockProposal;
import org.opengep.trading.store.ProposalStore;

/** Block agreements (大宗协议): proposed to a named counterparty, who confirms (frozen and filled at once) or declines before it expires. */
@ApplicationScoped
public class BlockTradeService {

    @Inject
    LedgerWriter writer;

    @Inject
    ListingService listings;

    @Inject
    ProposalStore proposals;

    @Inject
    Participants participants;

    @Inject
    MarketRules rules;

    @Inject
    MarketClock clock;

    @Inject
    DataSource dataSource;

    public Response propose(NewBlockProposal r, Caller caller, KeyedRequest key, Function<BlockProposal, Object> view) {
        Errors errors = new Errors();
        errors.required("instrumentId", r.instrumentId());
        errors.required("counterpartyId", r.counterpartyId());
        errors.required("side", r.side());
        ListingService.requirePrice(errors, "price", r.price());
        errors.required("quantity", r.quantity());
        long life = r.expiresInSeconds() == null ? 3600 : r.expiresInSeconds();
        if (life < 60 || life > rules.centre().maxProposalLife().toSeconds()) {
            errors.add("expiresInSeconds", "60 to " + rules.centre().maxProposalLife().toSeconds() + " seconds");
        }
        errors.throwIfAny();
        Listing listing = listings.get(r.instrumentId());
        long units = Units.from(errors, r.quantity(), listing.instrument().rightType());
        UUID initiator = participants.self(caller);
        if (initiator.equals(r.counterpartyId())) {
            errors.add("counterpartyId", "another participant than the initiator");
        }
        errors.throwIfAny();
        participants.requireActive(r.counterpartyId(), "counterparty");
        participants.checkHoldingPeriod(listing, initiator, r.side());
        return writer.submit(new BlockCommands.Propose(listing.instrumentId(), initiator, r.counterpartyId(), r.side(), r.price(), units,
                clock.now().plus(Duration.ofSeconds(life)), caller.name()), key, 201, view);
    }

    public Response confirm(UUID id, Caller caller, KeyedRequest key, Function<Fill, Object> view) {
        BlockProposal p = find(id);
        Listing listing = listings.get(p.instrumentId());
        UUID me = participants.self(caller);
        participants.requireActive(p.initiatorId(), "initiator");
        Side mySide = p.initiatorSide().opposite();
        participants.checkHoldingPeriod(listing, me, mySide);
        participants.readySeller(p.seller(), listing.instrument());
        return writer.submit(new BlockCommands.Confirm(p.instrumentId(), listing.instrument(), id, p.seller(), p.buyer(), p.units(), me), key, 201, view);
    }

    /** Declined by the counterparty or withdrawn by the initiator. */
    public Response end(UUID id, BlockProposal.Status to, Caller caller, KeyedRequest key, Function<BlockProposal, Object> view) {
        BlockProposal p = find(id);
        return writer.submit(new BlockCommands.End(p.instrumentId(), id, participants.self(caller), to), key, 200, view);
    }

    /** A proposal, for its parties, the operator and the auditor. */
    public BlockProposal get(UUID id, Caller caller) {
        BlockProposal p = find(id);
        if (caller.isScopedToItsHolder(Roles.Trading.ACROSS_HOLDERS) && !caller.holderId().equals(p.counterpartyId())) {
            caller.requireActsFor(p.initiatorId());
        }
        return p;
    }

    public BlockProposal find(UUID id) {
        return Transactions.jdbc(dataSource, c -> proposals.find(c, id)).orElseThrow(() -> new NotFoundException("block proposal " + id));
    }

    /** A trader's own proposals (as either party), or everyone's for the operator and the auditor. */
    public List<BlockProposal> list(Caller caller, int limit) {
        UUID participant = caller.isScopedToItsHolder(Roles.Trading.ACROSS_HOLDERS) ? caller.holderId() : null;
        return Transactions.jdbc(dataSource, c -> proposals.of(c, participant, limit));
    }
}
