package org.opengep.trading.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.market.BlockProposal;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.FillMode;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Money;
import org.opengep.trading.market.Side;

/** The commands of block agreements (大宗协议): propose to a named counterparty, confirm (frozen and filled at once), decline or withdraw. */
final class BlockCommands {

    private BlockCommands() {}

    /** A proposal at least the block threshold, within the block band; nothing is frozen yet. */
    record Propose(int instrumentId, UUID initiatorId, UUID counterpartyId, Side initiatorSide, BigDecimal price, long units, OffsetDateTime expiresAt,
            String by) implements LedgerCommand<BlockProposal> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {}

        @Override
        public BlockProposal apply(BatchWork work) {
            MarketWork market = work.market;
            market.requireDayOpen();
            market.book(instrumentId).listing.checkOrder(FillMode.BLOCK, price, units, market.marketTime, market.calendar);
            BlockProposal p = new BlockProposal(UUID.randomUUID(), instrumentId, initiatorId, counterpartyId, initiatorSide, price, units,
                    BlockProposal.Status.PROPOSED, expiresAt, work.ledger.at(), by, null, null);
            market.put(p);
            return p;
        }
    }

    /** The counterparty confirms: both sides are checked and frozen, and the fill delivers (or waits for the close). */
    record Confirm(int instrumentId, Instrument instrument, UUID proposalId, UUID sellerId, UUID buyerId, long units, UUID confirmedBy)
            implements LedgerCommand<Fill> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
            needs.proposal(proposalId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {
            needs.takes(sellerId, instrument, units);
            needs.receiver(buyerId, instrument);
            needs.cash(sellerId, buyerId, CashBook.FEE_ACCOUNT);
        }

        @Override
        public Fill apply(BatchWork work) {
            MarketWork market = work.market;
            MarketWork.Book book = market.book(instrumentId);
            BlockProposal p = open(market, proposalId, work.ledger.at());
            if (!p.counterpartyId().equals(confirmedBy)) {
                throw new ConflictException("not-the-counterparty", "only the named counterparty " + p.counterpartyId() + " confirms proposal " + p.id());
            }
            Listing listing = book.listing;
            market.requireDayOpen();
            listing.checkOrder(FillMode.BLOCK, p.price(), p.units(), market.marketTime, market.calendar);
            market.checkPosition(book, work.ledger, p.buyer(), p.units());
            long amount = OrderCommands.amount(listing, p.price(), p.units());
            long buyerFee = Money.fee(amount, listing.buyerFeeRate());
            market.cash.requireAvailable(p.buyer(), amount + buyerFee, "the block trade with its fee");
            Fill fill = Delivery.fill(work, book, new Delivery.Terms(FillMode.BLOCK, p.seller(), Delivery.UnitsFrom.AVAILABLE, p.buyer(), false, p.units(),
                    p.price(), amount, Money.fee(amount, listing.sellerFeeRate()), buyerFee, p.id(), null, null));
            market.put(p.ended(BlockProposal.Status.CONFIRMED, work.ledger.at(), fill.id()));
            return fill;
        }
    }

    /** The counterparty declines (DECLINED) or the initiator withdraws (WITHDRAWN) a proposal still open. */
    record End(int instrumentId, UUID proposalId, UUID participantId, BlockProposal.Status to) implements LedgerCommand<BlockProposal> {

        @Override
        public void market(MarketNeeds needs) {
            needs.book(instrumentId);
            needs.proposal(proposalId);
        }

        @Override
        public void declare(Needs needs, Map<UUID, Movement> reservations) {}

        @Override
        public BlockProposal apply(BatchWork work) {
            BlockProposal p = open(work.market, proposalId, work.ledger.at());
            UUID party = to == BlockProposal.Status.DECLINED ? p.counterpartyId() : p.initiatorId();
            if (!party.equals(participantId)) {
                throw new ConflictException("not-the-" + (to == BlockProposal.Status.DECLINED ? "counterparty" : "initiator"), "only "
                        + (to == BlockProposal.Status.DECLINED ? "the counterparty declines" : "the initiator withdraws") + " proposal " + proposalId);
            }
            BlockProposal ended = p.ended(to, work.ledger.at(), null);
            work.market.put(ended);
            return ended;
        }
    }

    static BlockProposal open(MarketWork market, UUID id, OffsetDateTime now) {
        BlockProposal p = market.proposal(id);
        if (p.status() != BlockProposal.Status.PROPOSED) {
            throw new ConflictException("proposal-ended", "proposal " + id + " is " + p.status());
        }
        if (!now.isBefore(p.expiresAt())) {
            throw new ConflictException("proposal-expired", "proposal " + id + " expired at " + p.expiresAt());
        }
        return p;
    }
}
