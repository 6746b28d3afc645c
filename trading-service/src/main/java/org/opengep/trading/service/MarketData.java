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
import javax.sql.DataSource;
import org.opengep.common.rights.RightType;
import org.opengep.trading.config.MarketRules;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Money;
import org.opengep.trading.rest.CentreViews;
import org.opengep.trading.rest.CentreViews.MarketDay;
import org.opengep.trading.rest.Views.Realised;
import org.opengep.trading.store.FillStore;

/**
 * Market figures from the centre's fills (transfers between holders carry no price and count for nothing here):
 * per instrument and trading day open, high, low, last, volume, amount, VWAP, the close (VWAP of the day's listed
 * fills) and the base price and band it gives the next trading day; the trade tape; and the value realised from
 * each region's products, first sales out of the holder the units were issued to (primary) apart from resales.
 */
@ApplicationScoped
public class MarketData {

    @Inject
    DataSource dataSource;

    @Inject
    MarketRules rules;

    @Inject
    FillStore fills;

    @Inject
    ListingService listings;

    public List<MarketDay> days(int instrumentId, LocalDate from, LocalDate to) {
        Listing listing = listings.get(instrumentId);
        RightType type = listing.instrument().rightType();
        return Transactions.jdbc(dataSource, c -> {
            List<MarketDay> days = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select coalesce(f.day, k.day), f.open, f.high, f.low, f.last, f.units, f.amount, f.fills, k.close, k.next_base_price
                    from (select trading_day as day, (array_agg(price order by seq))[1] open, max(price) high, min(price) low,
                                 (array_agg(price order by seq desc))[1] last, sum(units) units, sum(amount_fen) amount, count(*) fills
                          from fill where instrument_id = ? and trading_day between ? and ? group by 1) f
                    full join (select day, close, next_base_price from listing_close where instrument_id = ? and day between ? and ?) k on k.day = f.day
                    order by 1""")) {
                s.setInt(1, instrumentId);
                s.setObject(2, from);
                s.setObject(3, to);
                s.setInt(4, instrumentId);
                s.setObject(5, from);
                s.setObject(6, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long units = rs.getLong(6);
                        long amount = rs.getLong(7);
                        BigDecimal vwap = units == 0 ? null : Money.yuan(amount).divide(Units.quantity(units, type), 2, RoundingMode.HALF_UP);
                        BigDecimal next = rs.getBigDecimal(10);
                        days.add(new MarketDay(instrumentId, rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                                rs.getBigDecimal(5), Units.quantity(units, type), Money.yuan(amount), vwap, rs.getLong(8), rs.getBigDecimal(9), next,
                                next == null ? null : CentreViews.band(listing.band(next, listing.listedBand()))));
                    }
                }
            }
            return days;
        });
    }

    /** The trade tape: an instrument's fills of a day (or every instrument's), in time order. */
    public List<Fill> tape(Integer instrumentId, LocalDate day, int limit) {
        return Transactions.jdbc(dataSource, c -> fills.tape(c, instrumentId, day, null, limit));
    }

    /** Value delivered by fills from each region's products in a year, per right type, primary apart from resales (optionally one region). */
    public List<Realised> realised(int year, String region) {
        return Transactions.jdbc(dataSource, c -> {
            List<Realised> result = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select o.region_code, i.right_type, sum(o.units) filter (where p.primary_sale), sum(o.units * f.price) filter (where p.primary_sale),
                           sum(o.units) filter (where not p.primary_sale), sum(o.units * f.price) filter (where not p.primary_sale)
                    from fill_origin o join fill f on f.id = o.fill_id join instrument i on i.id = f.instrument_id
                    join issuance_import u on u.issuance_id = o.issuance_id
                    cross join lateral (select u.holder_id = f.seller_id as primary_sale) p
                    where f.trading_day >= ? and f.trading_day < ? and (cast(? as text) is null or o.region_code = ?) group by 1, 2 order by 1, 2""")) {
                s.setObject(1, LocalDate.of(year, 1, 1));
                s.setObject(2, LocalDate.of(year + 1, 1, 1));
                s.setString(3, region);
                s.setString(4, region);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        RightType type = RightType.valueOf(rs.getString(2));
                        result.add(new Realised(rs.getString(1), year, type, Units.quantity(rs.getLong(3), type), value(rs.getBigDecimal(4), type),
                                Units.quantity(rs.getLong(5), type), value(rs.getBigDecimal(6), type)));
                    }
                }
            }
            return result;
        });
    }

    private static BigDecimal value(BigDecimal unitsTimesPrice, RightType type) {
        return unitsTimesPrice == null ? BigDecimal.ZERO.setScale(2) : unitsTimesPrice.movePointLeft(type.precision()).setScale(2, RoundingMode.HALF_UP);
    }
}
