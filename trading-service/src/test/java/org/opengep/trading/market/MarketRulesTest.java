package org.opengep.trading.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.UnprocessableException;
import org.opengep.common.rights.RightType;
import org.opengep.trading.ledger.Instrument;

/** The trading centre's rules as pure code: price-time priority, bands, sessions, fees, auction allocation, cash. */
class MarketRulesTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 2, 2, 0, 0, 0, ZoneOffset.UTC);
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
    private static final TradingCalendar CALENDAR = new TradingCalendar(TradingCalendar.WEEKDAYS, Set.of(LocalDate.of(2026, 12, 25)));

    private static Listing listing(BigDecimal base, LocalDate from) {
        return listing(base, from, false);
    }

    private static Listing listing(BigDecimal base, LocalDate from, boolean suspended) {
        return listing(base, from, suspended, BandRounding.HALF_UP);
    }

    private static Listing listing(BigDecimal base, LocalDate from, boolean suspended, BandRounding rounding) {
        return new Listing(1, Instrument.of(RightType.CARBON_ALLOWANCE, 2025), suspended, new BigDecimal("0.01"), 100, new BigDecimal("0.10"),
                new BigDecimal("0.30"), 100_000, new BigDecimal("0.005"), new BigDecimal("0.005"), Session.parse("09:30-11:30,13:00-15:00").orElseThrow(),
                0, null, null, Settlement.AT_FILL, rounding, base, from, null);
    }

    private static long seq;

    private static Order order(UUID owner, Side side, String price, long units) {
        return new Order(UUID.randomUUID(), ++seq, 1, owner, side, new BigDecimal(price), units, 0, 0, 0, 0, OrderStatus.OPEN, WEDNESDAY, AT, "t", null);
    }

    @Test
    void theBestOrderIsTheBestPriceThenTheEarliest() {
        OrderBook book = new OrderBook();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Order ask1 = order(a, Side.SELL, "50.10", 100);
        Order ask2 = order(b, Side.SELL, "50.00", 100);
        Order ask3 = order(a, Side.SELL, "50.00", 300);
        Order bid1 = order(b, Side.BUY, "49.90", 200);
        Order bid2 = order(a, Side.BUY, "49.95", 100);
        List.of(ask1, ask2, ask3, bid1, bid2).forEach(book::add);
        assertThat(book.best(Side.SELL)).contains(ask2);
        assertThat(book.best(Side.BUY)).contains(bid2);
        UUID taker = UUID.randomUUID();
        assertThat(book.takeable(ask2.id, taker)).isSameAs(ask2);
        assertThatThrownBy(() -> book.takeable(ask3.id, taker)).isInstanceOf(ConflictException.class).hasMessageContaining("price, then time");
        assertThatThrownBy(() -> book.takeable(ask2.id, b)).isInstanceOf(ConflictException.class).hasMessageContaining("its own order");
        // each level names its earliest order: on the best level, the one to take
        assertThat(book.levels(Side.SELL, 5)).containsExactly(new OrderBook.Level(new BigDecimal("50.00"), 400, 2, ask2.id),
                new OrderBook.Level(new BigDecimal("50.10"), 100, 1, ask1.id));
        assertThat(book.levels(Side.BUY, 5)).containsExactly(new OrderBook.Level(new BigDecimal("49.95"), 100, 1, bid2.id),
                new OrderBook.Level(new BigDecimal("49.90"), 200, 1, bid1.id));
        assertThat(book.levels(Side.SELL, 1)).hasSize(1);
        assertThat(book.openUnits(a, Side.SELL)).isEqualTo(400);
    }

    @Test
    void partialFillsUntilTheOrderIsFilled() {
        Order o = new Order(UUID.randomUUID(), 1, 1, UUID.randomUUID(), Side.BUY, new BigDecimal("50.00"), 300, 0, 0, 0, 1_507_500, OrderStatus.OPEN,
                WEDNESDAY, AT, "t", null);
        o.fill(100, 500_000, 2_500, 502_500, AT);
        assertThat(o.remaining()).isEqualTo(200);
        assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
        assertThatThrownBy(() -> o.fill(201, 0, 0, 0, AT)).isInstanceOf(IllegalStateException.class);
        Order before = o.copy();
        o.fill(200, 1_000_000, 5_000, 1_005_000, AT);
        assertThat(o.frozenFen()).isZero();
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        o.restore(before);
        assertThat(o.remaining()).isEqualTo(200);
        assertThat(o.end(OrderStatus.CLOSED, AT)).isEqualTo(1_005_000);
        assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
    }

    @Test
    void bandLimitsAreRoundedHalfUpToTheTickAsExchangesDoOrInwardWhereAListingSaysSo() {
        BigDecimal base = new BigDecimal("45.67");
        Listing exchange = listing(base, WEDNESDAY);
        // 45.67 × 0.9 = 41.103 and 45.67 × 1.1 = 50.237: 四舍五入 gives 41.10 and 50.24
        assertThat(exchange.band(base, exchange.listedBand())).isEqualTo(new Listing.Band(new BigDecimal("41.10"), new BigDecimal("50.24")));
        exchange.checkOrder(FillMode.LISTED, new BigDecimal("41.10"), 100, WEDNESDAY.atTime(10, 0), CALENDAR);
        exchange.checkOrder(FillMode.LISTED, new BigDecimal("50.24"), 100, WEDNESDAY.atTime(10, 0), CALENDAR);
        Listing inward = listing(base, WEDNESDAY, false, BandRounding.INWARD);
        assertThat(inward.band(base, inward.listedBand())).isEqualTo(new Listing.Band(new BigDecimal("41.11"), new BigDecimal("50.23")));
        assertThatThrownBy(() -> inward.checkOrder(FillMode.LISTED, new BigDecimal("50.24"), 100, WEDNESDAY.atTime(10, 0), CALENDAR))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("41.11 to 50.23");
        // a half exactly on the tick's middle rounds up on both sides: 10.05 × 0.9 = 9.045 → 9.05, 10.05 × 1.1 = 11.055 → 11.06
        Listing halves = listing(new BigDecimal("10.05"), WEDNESDAY);
        assertThat(halves.band(new BigDecimal("10.05"), halves.listedBand())).isEqualTo(new Listing.Band(new BigDecimal("9.05"), new BigDecimal("11.06")));
    }

    @Test
    void bandsAroundTheBasePriceOnTheTickAndCarriedForward() {
        Listing l = listing(new BigDecimal("50.05"), WEDNESDAY);
        // 45.045 and 55.055: half-up to the tick
        assertThat(l.band(new BigDecimal("50.05"), l.listedBand())).isEqualTo(new Listing.Band(new BigDecimal("45.05"), new BigDecimal("55.06")));
        assertThat(l.band(new BigDecimal("33.33"), l.listedBand())).isEqualTo(new Listing.Band(new BigDecimal("30.00"), new BigDecimal("36.66")));
        LocalDateTime inSession = WEDNESDAY.atTime(10, 0);
        l.checkOrder(FillMode.LISTED, new BigDecimal("55.06"), 100, inSession, CALENDAR);
        assertThatThrownBy(() -> l.checkOrder(FillMode.LISTED, new BigDecimal("55.07"), 100, inSession, CALENDAR))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("45.05 to 55.06");
        assertThatThrownBy(() -> l.checkOrder(FillMode.LISTED, new BigDecimal("50.055"), 100, inSession, CALENDAR)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> l.checkOrder(FillMode.LISTED, new BigDecimal("50.00"), 150, inSession, CALENDAR)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> l.checkOrder(FillMode.BLOCK, new BigDecimal("60.00"), 1_000, inSession, CALENDAR))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("at least 100000");
        l.checkOrder(FillMode.BLOCK, new BigDecimal("65.06"), 100_000, inSession, CALENDAR);
        // the close is the VWAP of the day's listed fills on the tick; a proposal of a first base price applies from its day
        assertThat(l.close(100 * 5012 + 300 * 5001, 400)).isEqualByComparingTo("50.04");
        Listing proposed = listing(new BigDecimal("52.00"), CALENDAR.next(WEDNESDAY));
        assertThat(proposed.basePriceOn(WEDNESDAY)).isEmpty();
        assertThatThrownBy(() -> proposed.checkOrder(FillMode.LISTED, new BigDecimal("52.00"), 100, inSession, CALENDAR))
                .isInstanceOf(ConflictException.class).hasMessageContaining("applies from 2026-12-03");
        assertThat(proposed.basePriceOn(WEDNESDAY.plusDays(1))).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("52.00"));
    }

    @Test
    void ordersOnlyInASessionOfATradingDayAndNotWhileSuspended() {
        Listing l = listing(new BigDecimal("50.00"), WEDNESDAY);
        assertThat(l.open(WEDNESDAY.atTime(9, 30), CALENDAR)).isTrue();
        assertThat(l.open(WEDNESDAY.atTime(11, 30), CALENDAR)).isFalse();
        assertThat(l.open(WEDNESDAY.atTime(12, 0), CALENDAR)).isFalse();
        assertThat(l.open(WEDNESDAY.atTime(14, 59, 59), CALENDAR)).isTrue();
        assertThat(l.open(LocalDate.of(2026, 12, 5).atTime(10, 0), CALENDAR)).isFalse();
        assertThat(l.open(LocalDate.of(2026, 12, 25).atTime(10, 0), CALENDAR)).isFalse();
        assertThatThrownBy(() -> listing(new BigDecimal("50.00"), WEDNESDAY, true).checkTradable(WEDNESDAY.atTime(10, 0), CALENDAR)).hasMessageContaining("suspended");
        assertThatThrownBy(() -> l.checkTradable(WEDNESDAY.atTime(16, 0), CALENDAR)).hasMessageContaining("closed");
        assertThat(Session.parse("13:00-15:00,09:30-11:30")).isEmpty();
        assertThat(Session.parse("09:30-11:30;13:00")).isEmpty();
        assertThat(CALENDAR.tradingDaysBetween(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 11))).isEqualTo(5);
        assertThat(CALENDAR.next(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void feesOfPartialFillsAddUpToTheFeeOfTheWhole() {
        BigDecimal rate = new BigDecimal("0.005");
        BigDecimal price = new BigDecimal("1.01");
        long filled = 0;
        long fees = 0;
        long amounts = 0;
        for (int n = 0; n < 7; n++) {
            long before = Money.amount(price, filled, 0);
            long after = Money.amount(price, filled + 3, 0);
            amounts += after - before;
            fees += Money.fee(after, rate) - Money.fee(before, rate);
            filled += 3;
        }
        assertThat(amounts).isEqualTo(Money.amount(price, 21, 0));
        assertThat(fees).isEqualTo(Money.fee(Money.amount(price, 21, 0), rate));
        assertThat(Money.amount(new BigDecimal("12.34"), 1_234, 3)).isEqualTo(1_523);
        assertThat(Money.fee(1_000, rate)).isEqualTo(5);
    }

    @Test
    void auctionsGoByPriceThenTimeWithinTheCapAtEachBidOrOneClearingPrice() {
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        UUID z = UUID.randomUUID();
        List<AuctionAllocation.Bid> bids = List.of(new AuctionAllocation.Bid(UUID.randomUUID(), 1, x, new BigDecimal("51.00"), 400),
                new AuctionAllocation.Bid(UUID.randomUUID(), 2, y, new BigDecimal("53.00"), 300),
                new AuctionAllocation.Bid(UUID.randomUUID(), 3, z, new BigDecimal("51.00"), 500),
                new AuctionAllocation.Bid(UUID.randomUUID(), 4, y, new BigDecimal("52.00"), 400));
        AuctionAllocation.Result paid = AuctionAllocation.allocate(Side.SELL, 1_000, 100, 500, AuctionPricing.PAY_AS_BID, bids);
        // y: 300 at 53 and 200 more at 52 (cap 500); then x (earlier at 51) 400; z gets the last 100
        assertThat(paid.awards()).extracting(a -> a.bid().seq(), AuctionAllocation.Award::units).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 300L), org.assertj.core.groups.Tuple.tuple(4L, 200L),
                org.assertj.core.groups.Tuple.tuple(1L, 400L), org.assertj.core.groups.Tuple.tuple(3L, 100L));
        assertThat(paid.awards().get(0).price()).isEqualByComparingTo("53.00");
        assertThat(paid.clearingPrice()).isNull();
        assertThat(paid.allocated()).isEqualTo(1_000);
        AuctionAllocation.Result uniform = AuctionAllocation.allocate(Side.SELL, 1_000, 100, 500, AuctionPricing.UNIFORM, bids);
        assertThat(uniform.clearingPrice()).isEqualByComparingTo("51.00");
        assertThat(uniform.awards()).allSatisfy(a -> assertThat(a.price()).isEqualByComparingTo("51.00"));
        // a buyer's demand takes the lowest offers; too few offers leave part of it unallocated
        AuctionAllocation.Result demand = AuctionAllocation.allocate(Side.BUY, 2_000, 100, 2_000, AuctionPricing.UNIFORM, bids);
        assertThat(demand.awards().get(0).bid().seq()).isEqualTo(1);
        assertThat(demand.clearingPrice()).isEqualByComparingTo("53.00");
        assertThat(demand.allocated()).isEqualTo(1_600);
        assertThat(demand.unallocated()).isEqualTo(400);
        assertThat(AuctionAllocation.allocate(Side.BUY, 2_000, 100, 300, AuctionPricing.PAY_AS_BID, bids).unallocated()).isEqualTo(1_100);
        assertThat(AuctionAllocation.allocate(Side.SELL, 1_000, 100, 500, AuctionPricing.UNIFORM, List.of()).clearingPrice()).isNull();
    }

    @Test
    void cashIsNeverNegativeAndEveryChangeIsChainedAndUndone() {
        CashBook cash = new CashBook(AT, WEDNESDAY);
        UUID p = UUID.randomUUID();
        cash.add(new CashBook.Account(p, 10_000, 0, 0, null));
        CashBook.Mark mark = cash.mark();
        cash.freeze(UUID.randomUUID(), p, 6_000);
        assertThat(cash.account(p).frozen()).isEqualTo(6_000);
        assertThatThrownBy(() -> cash.freeze(UUID.randomUUID(), p, 4_001)).isInstanceOf(ConflictException.class).hasMessageContaining("40.00 元 available");
        assertThat(cash.lines()).hasSize(2);
        assertThat(cash.lines().get(1).previousHash()).isEqualTo(cash.lines().get(0).hash());
        cash.rollback(mark);
        assertThat(cash.account(p).available()).isEqualTo(10_000);
        assertThat(cash.account(p).changed()).isFalse();
        assertThat(cash.lines()).isEmpty();
        assertThatThrownBy(() -> cash.post(UUID.randomUUID(), p, CashBook.CashBucket.FROZEN, -1)).isInstanceOf(IllegalStateException.class);
    }
}
