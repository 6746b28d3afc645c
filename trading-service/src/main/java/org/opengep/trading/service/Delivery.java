package org.opengep.trading.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.ledger.LedgerBatch.Leg;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.CashBook.CashBucket;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.FillMode;
import org.opengep.trading.market.Settlement;
import org.opengep.trading.store.FillStore.FillOrigin;

/**
 * Delivery versus payment (货银对付): a fill moves the units seller to buyer and the amount buyer to seller, each side's
 * fee to the centre's fee account, in the batch's one transaction, with journal lines for both. Where the instrument
 * settles at the end of the day, the fill reserves both legs instead (the units in the seller's PENDING blocks tagged
 * with the fill, the buyer's cash frozen) and the close delivers them; a platform's fill moves units only (its cash
 * was settled on the platform).
 */
final class Delivery {

    /** Where the seller's units are: AVAILABLE, or PENDING blocks reserved under a tag (an order, an auction's lot, an offer). */
    record UnitsFrom(Bucket bucket, UUID tag) {
        static final UnitsFrom AVAILABLE = new UnitsFrom(Bucket.AVAILABLE, null);

        static UnitsFrom reserved(UUID tag) {
            return new UnitsFrom(Bucket.PENDING, tag);
        }
    }

    /** The terms of a fill: who, how many, at what price, for what amount and fees; whether the buyer's cash is frozen already. */
    record Terms(FillMode mode, UUID sellerId, UnitsFrom units, UUID buyerId, boolean buyerCashFrozen, long quantity, BigDecimal price, long amountFen,
            long sellerFeeFen, long buyerFeeFen, UUID sourceId, String platform, String platformReference) {}

    private Delivery() {}

    static Fill fill(BatchWork work, MarketWork.Book book, Terms t) {
        LedgerBatch ledger = work.ledger;
        MarketWork market = work.market;
        Instrument instrument = book.listing.instrument();
        UUID id = UUID.randomUUID();
        boolean now = book.listing.settlement() == Settlement.AT_FILL || t.mode() == FillMode.PLATFORM;
        UUID receiver = now ? t.buyerId() : t.sellerId();
        Bucket into = now ? Bucket.AVAILABLE : Bucket.PENDING;
        LedgerBatch.Moved moved = ledger.transfer(id, instrument, t.sellerId(), t.units().bucket(), t.units().tag(), receiver, into, t.quantity());
        work.requireRegistered(moved.products());
        ledger.post(id, instrument, List.of(new Leg(t.sellerId(), t.units().bucket(), -t.quantity()), new Leg(receiver, into, t.quantity())));
        Fill fill = new Fill(id, book.nextSeq(), book.listing.instrumentId(), t.mode(), t.sellerId(), t.buyerId(), t.quantity(), t.price(), t.amountFen(),
                t.sellerFeeFen(), t.buyerFeeFen(), t.sourceId(), t.platform(), t.platformReference(), now ? Fill.Status.SETTLED : Fill.Status.PENDING,
                market.tradingDay(), ledger.at(), now ? ledger.at() : null);
        if (t.mode() != FillMode.PLATFORM) {
            if (now) {
                pay(market.cash, fill, t.buyerCashFrozen());
            } else if (!t.buyerCashFrozen()) {
                market.cash.freeze(id, t.buyerId(), fill.buyerPays());
            }
        }
        market.record(book, fill, moved.pieces().stream().map(p -> new FillOrigin(id, p.issuanceId(), p.regionCode(), p.units())).toList());
        return fill;
    }

    /** Reserves a holder's available units for an order, a lot or an offer: into its PENDING blocks tagged with {@code tag}. */
    static void reserve(BatchWork work, Instrument instrument, UUID holder, UUID tag, long units) {
        work.requireRegistered(work.ledger.transfer(tag, instrument, holder, Bucket.AVAILABLE, null, holder, Bucket.PENDING, units).products());
        work.ledger.post(tag, instrument, List.of(new Leg(holder, Bucket.AVAILABLE, -units), new Leg(holder, Bucket.PENDING, units)));
    }

    /** Gives back units reserved under {@code tag} that no fill took. */
    static void release(BatchWork work, Instrument instrument, UUID holder, UUID tag, long units) {
        work.ledger.transfer(tag, instrument, holder, Bucket.PENDING, tag, holder, Bucket.AVAILABLE, units);
        work.ledger.post(tag, instrument, List.of(new Leg(holder, Bucket.PENDING, -units), new Leg(holder, Bucket.AVAILABLE, units)));
    }

    /** Delivers a fill reserved until the close. */
    static void settle(BatchWork work, MarketWork.Book book, Fill fill) {
        Instrument instrument = book.listing.instrument();
        work.ledger.transfer(fill.id(), instrument, fill.sellerId(), Bucket.PENDING, fill.id(), fill.buyerId(), Bucket.AVAILABLE, fill.units());
        work.ledger.post(fill.id(), instrument, List.of(new Leg(fill.sellerId(), Bucket.PENDING, -fill.units()),
                new Leg(fill.buyerId(), Bucket.AVAILABLE, fill.units())));
        pay(work.market.cash, fill, true);
        work.market.settled(fill.settled(work.ledger.at()));
    }

    private static void pay(CashBook cash, Fill fill, boolean frozen) {
        cash.post(fill.id(), fill.buyerId(), frozen ? CashBucket.FROZEN : CashBucket.AVAILABLE, -fill.buyerPays());
        cash.post(fill.id(), fill.sellerId(), CashBucket.AVAILABLE, fill.amountFen() - fill.sellerFeeFen());
        cash.post(fill.id(), CashBook.FEE_ACCOUNT, CashBucket.AVAILABLE, fill.sellerFeeFen() + fill.buyerFeeFen());
    }
}
