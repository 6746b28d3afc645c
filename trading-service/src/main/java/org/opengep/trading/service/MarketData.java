package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.opengep.common.rights.RightType;
import org.opengep.trading.config.MarketRules;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.rest.Views.Day;
import org.opengep.trading.rest.Views.Realised;

/**
 * Daily market figures from delivered trades (a two-phase trade counts on the day it settles), days in the market's
 * time zone ({@code trading.market.zone}, Asia/Shanghai): volume, trades, VWAP, open/high/low/last, and the close as
 * the national carbon market defines it: the volume-weighted average price of the day's listed trades.
 */
@ApplicationScoped
public class MarketData {

    @Inject
    DataSource dataSource;

    @Inject
    MarketRules rules;

    private final Map<String, Optional<BigDecimal>> previousCloses = new ConcurrentHashMap<>();

    public List<Day> days(RightType type, LocalDate from, LocalDate to) {
        return Transactions.jdbc(dataSource, c -> {
            List<Day> days = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select (settled_at at time zone ?)::date, sum(settled_units), count(*), sum(settled_units * price) / sum(settled_units),
                           (array_agg(price order by settled_at, id))[1], max(price), min(price), (array_agg(price order by settled_at desc, id desc))[1],
                           sum(settled_units * price) filter (where mode = 'LISTED') / nullif(sum(settled_units) filter (where mode = 'LISTED'), 0)
                    from movement where kind = 'TRADE' and settled_units > 0 and instrument_id in (select id from instrument where right_type = ?) and settled_at >= ? and settled_at < ?
                    group by 1 order by 1""")) {
                s.setString(1, rules.zone().getId());
                s.setString(2, type.name());
                s.setObject(3, from.atStartOfDay(rules.zone()).toOffsetDateTime());
                s.setObject(4, to.plusDays(1).atStartOfDay(rules.zone()).toOffsetDateTime());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        days.add(new Day(rs.getObject(1, LocalDate.class), type, Units.quantity(rs.getLong(2), type), rs.getLong(3), price(rs.getBigDecimal(4)),
                                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), price(rs.getBigDecimal(9))));
                    }
                }
            }
            return days;
        });
    }

    /** The close of the last day before {@code today} with listed trades; it cannot change during the day, so it is kept. */
    public Optional<BigDecimal> previousClose(RightType type, LocalDate today) {
        return previousCloses.computeIfAbsent(type + "|" + today, k -> Transactions.jdbc(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select close from (
                        select (settled_at at time zone ?)::date as day, sum(settled_units * price) / sum(settled_units) as close from movement
                        where kind = 'TRADE' and settled_units > 0 and mode = 'LISTED' and instrument_id in (select id from instrument where right_type = ?)
                          and settled_at < ?
                        group by 1) days
                    order by day desc limit 1""")) {
                s.setString(1, rules.zone().getId());
                s.setString(2, type.name());
                s.setObject(3, today.atStartOfDay(rules.zone()).toOffsetDateTime());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(price(rs.getBigDecimal(1))) : Optional.empty();
                }
            }
        }));
    }

    /** Value delivered by trades from each region's products in a year, per right type (optionally one region). */
    public List<Realised> realised(int year, String region) {
        return Transactions.jdbc(dataSource, c -> {
            List<Realised> result = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select o.region_code, i.right_type, sum(o.units), sum(o.units * m.price) "
                    + "from trade_origin o join movement m on m.id = o.movement_id join instrument i on i.id = m.instrument_id "
                    + "where m.settled_at >= ? and m.settled_at < ? and (cast(? as text) is null or o.region_code = ?) group by 1, 2 order by 1, 2")) {
                s.setObject(1, LocalDate.of(year, 1, 1).atStartOfDay(rules.zone()).toOffsetDateTime());
                s.setObject(2, LocalDate.of(year + 1, 1, 1).atStartOfDay(rules.zone()).toOffsetDateTime());
                s.setString(3, region);
                s.setString(4, region);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        RightType type = RightType.valueOf(rs.getString(2));
                        result.add(new Realised(rs.getString(1), year, type, Units.quantity(rs.getLong(3), type),
                                rs.getBigDecimal(4).movePointLeft(type.precision()).setScale(2, RoundingMode.HALF_UP)));
                    }
                }
            }
            return result;
        });
    }

    private static BigDecimal price(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
