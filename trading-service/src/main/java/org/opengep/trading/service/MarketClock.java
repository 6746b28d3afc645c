package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.opengep.trading.config.MarketRules;
import org.opengep.trading.market.TradingCalendar;

/**
 * The time of the market: the time of every batch of movements (to the microsecond, as PostgreSQL keeps it and the
 * journals hash it), the market time (Asia/Shanghai) sessions are checked against, and the trading day. Tests set
 * another clock with {@link #use} to trade inside or outside a session and across a close.
 */
@ApplicationScoped
public class MarketClock {

    @Inject
    MarketRules rules;

    private volatile Clock clock = Clock.systemUTC();

    /** Makes the market run on {@code other} (tests: a clock offset to a session of another day). */
    public void use(Clock other) {
        clock = other;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Market time of an instant. */
    public LocalDateTime marketTime(OffsetDateTime at) {
        return at.atZoneSameInstant(rules.zone()).toLocalDateTime();
    }

    public LocalDateTime marketTime() {
        return marketTime(now());
    }

    public LocalDate today() {
        return marketTime().toLocalDate();
    }

    public TradingCalendar calendar() {
        return new TradingCalendar(rules.tradingDays(), rules.holidays().orElse(Set.of()));
    }
}
