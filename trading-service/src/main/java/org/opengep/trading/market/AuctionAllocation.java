package org.opengep.trading.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Allocation of a one-way auction (单向竞价) at its end. A seller's lot (SELL) goes to the highest bids, a buyer's demand
 * (BUY) to the lowest offers; at one price the earlier first. Each bid gets what it asked for while the lot lasts, the
 * marginal one the rest (whole lots), no bidder more than the cap. Winners pay their own price (PAY_AS_BID) or the
 * marginal winning price (UNIFORM: for a seller's lot the lowest winning bid, for a demand the highest winning offer).
 */
public final class AuctionAllocation {

    /** A bid (for a buyer's demand: an offer) as it stands at the end. */
    public record Bid(UUID id, long seq, UUID bidderId, BigDecimal price, long units) {}

    /** What a bid won and at what price (units 0: it lost). */
    public record Award(Bid bid, long units, BigDecimal price) {}

    /** Every bid's award in allocation order, the clearing price (null when nothing was allocated), and the units left over. */
    public record Result(List<Award> awards, BigDecimal clearingPrice, long allocated, long unallocated) {}

    private AuctionAllocation() {}

    public static Result allocate(Side side, long lotUnits, long lot, long maxPerBidder, AuctionPricing pricing, List<Bid> bids) {
        Comparator<Bid> byPrice = Comparator.comparing(Bid::price);
        List<Bid> ordered = new ArrayList<>(bids);
        ordered.sort((side == Side.SELL ? byPrice.reversed() : byPrice).thenComparingLong(Bid::seq));
        long left = lotUnits;
        Map<UUID, Long> perBidder = new HashMap<>();
        List<long[]> won = new ArrayList<>();
        BigDecimal marginal = null;
        for (Bid b : ordered) {
            long room = Math.max(0, maxPerBidder - perBidder.getOrDefault(b.bidderId(), 0L));
            long units = Math.min(Math.min(b.units(), left), room);
            units -= units % lot;
            won.add(new long[] {units});
            if (units > 0) {
                left -= units;
                perBidder.merge(b.bidderId(), units, Long::sum);
                marginal = b.price();
            }
        }
        List<Award> awards = new ArrayList<>();
        for (int n = 0; n < ordered.size(); n++) {
            Bid b = ordered.get(n);
            long units = won.get(n)[0];
            awards.add(new Award(b, units, units == 0 ? null : pricing == AuctionPricing.UNIFORM ? marginal : b.price()));
        }
        return new Result(awards, pricing == AuctionPricing.UNIFORM ? marginal : null, lotUnits - left, left);
    }
}
