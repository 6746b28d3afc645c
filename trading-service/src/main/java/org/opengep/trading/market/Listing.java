package org.opengep.trading.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.UnprocessableException;
import org.opengep.trading.ledger.Instrument;

/**
 * An instrument listed at the trading centre, with its trading rules as data: tick, lot (in units), the price band of
 * listed orders and of block agreements around the base price, the block threshold, each side's fee rate, the
 * sessions, the holding period between a buy and a sale, the position limit and the large-holder threshold, when
 * fills settle, and how the band's limits are rounded to the tick. The checks every order, proposal and bid passes are here.
 */
public record Listing(int instrumentId, Instrument instrument, boolean suspended, BigDecimal tick, long lot, BigDecimal listedBand,
        BigDecimal blockBand, long blockThreshold, BigDecimal buyerFeeRate, BigDecimal sellerFeeRate, List<Session> sessions, int holdingDays,
        Long positionLimit, Long largeHolderThreshold, Settlement settlement, BandRounding bandRounding, BigDecimal basePrice, LocalDate basePriceFrom,
        UUID basePriceProposedBy) {

    /** The lowest and highest price allowed, both on the tick. */
    public record Band(BigDecimal low, BigDecimal high) {}

    /** The base price that applies on {@code day}: the last close before it, or a first seller's proposal from its day on. */
    public Optional<BigDecimal> basePriceOn(LocalDate day) {
        return basePrice != null && !basePriceFrom.isAfter(day) ? Optional.of(basePrice) : Optional.empty();
    }

    /** The band around a base price: ± {@code share}, each limit on the tick as the listing's {@link BandRounding} says. */
    public Band band(BigDecimal base, BigDecimal share) {
        BigDecimal low = bandRounding.onTick(base.multiply(BigDecimal.ONE.subtract(share)), tick, true);
        BigDecimal high = bandRounding.onTick(base.multiply(BigDecimal.ONE.add(share)), tick, false);
        return new Band(low.max(tick).setScale(2), high.setScale(2));
    }

    /** Whether the market is open at {@code now} (market time) on a trading day. */
    public boolean open(LocalDateTime now, TradingCalendar calendar) {
        return calendar.isTradingDay(now.toLocalDate()) && sessions.stream().anyMatch(s -> s.contains(now.toLocalTime()));
    }

    /** Refuses a listed order or a block proposal that the listing's state, the session, the tick, the lot or the band does not allow. */
    public void checkOrder(FillMode mode, BigDecimal price, long units, LocalDateTime now, TradingCalendar calendar) {
        checkTradable(now, calendar);
        checkTickAndLot(price, units);
        if (mode == FillMode.BLOCK && units < blockThreshold) {
            throw new UnprocessableException("below-block-threshold", "a block agreement is for at least " + blockThreshold + " units of " + instrument
                    + "; " + units + " are traded as listed orders");
        }
        BigDecimal base = basePriceOn(now.toLocalDate()).orElseThrow(() -> new ConflictException("no-base-price", instrument
                + " has no base price yet" + (basePrice != null ? " (the first one applies from " + basePriceFrom + ")" : "; its first seller proposes one")));
        Band band = band(base, mode == FillMode.BLOCK ? blockBand : listedBand);
        if (price.compareTo(band.low) < 0 || price.compareTo(band.high) > 0) {
            throw new UnprocessableException("outside-band", "the price " + price.toPlainString() + " is outside today's " + mode + " band of " + instrument
                    + ": " + band.low.toPlainString() + " to " + band.high.toPlainString() + " 元 (base price " + base.toPlainString() + ")");
        }
    }

    /** Refuses anything while the instrument is suspended or the market is closed. */
    public void checkTradable(LocalDateTime now, TradingCalendar calendar) {
        if (suspended) {
            throw new ConflictException("instrument-suspended", instrument + " is suspended: nothing can be posted, taken or bid until it is resumed");
        }
        if (!open(now, calendar)) {
            throw new ConflictException("outside-session", "the market is closed at " + now + " (" + (calendar.isTradingDay(now.toLocalDate())
                    ? "sessions " + Session.format(sessions) : "not a trading day") + ", Asia/Shanghai)");
        }
    }

    /** Refuses a price off the tick or a quantity off the lot, as invalid input. */
    public void checkTickAndLot(BigDecimal price, long units) {
        if (price.remainder(tick).signum() != 0) {
            throw new InvalidInputException(List.of(new InputError("price", "on the tick of " + tick.toPlainString() + " 元")));
        }
        if (units % lot != 0) {
            throw new InvalidInputException(List.of(new InputError("quantity", "a whole number of lots of " + lot + " units")));
        }
    }

    public BigDecimal feeRate(Side side) {
        return side == Side.BUY ? buyerFeeRate : sellerFeeRate;
    }

    /** The close of a day, the VWAP of its listed fills, on the tick: the next trading day's base price. */
    public BigDecimal close(long amountFen, long units) {
        BigDecimal vwap = Money.yuan(amountFen).divide(BigDecimal.valueOf(units, instrument.rightType().precision()), 10, RoundingMode.HALF_UP);
        return vwap.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick).max(tick).setScale(2);
    }

    /** The same listing with another base price, from {@code from} on. */
    public Listing withBasePrice(BigDecimal price, LocalDate from, UUID proposedBy) {
        return new Listing(instrumentId, instrument, suspended, tick, lot, listedBand, blockBand, blockThreshold, buyerFeeRate, sellerFeeRate, sessions,
                holdingDays, positionLimit, largeHolderThreshold, settlement, bandRounding, price, from, proposedBy);
    }
}
