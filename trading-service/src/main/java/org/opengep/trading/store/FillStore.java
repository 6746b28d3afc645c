package org.opengep.trading.store;

import static org.opengep.common.jdbc.Unnest.column;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengep.common.jdbc.Unnest;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.FillMode;

/** The fill and fill_origin tables: what the centre's trades delivered, against what, and from which issuances. */
@ApplicationScoped
public class FillStore {

    /** Units of a fill from one issuance (and its region). */
    public record FillOrigin(UUID fillId, UUID issuanceId, String regionCode, long units) {}

    /** The fills of these instruments still waiting for the close to deliver them. */
    public List<Fill> pending(Connection c, Collection<Integer> instruments) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from fill where status = 'PENDING' and instrument_id = any(?) order by seq")) {
            s.setArray(1, c.createArrayOf("integer", instruments.toArray()));
            return rows(s);
        }
    }

    /** The trade tape: fills of an instrument (or all), of a day (or any), of a participant (or anyone's), in time order. */
    public List<Fill> tape(Connection c, Integer instrument, LocalDate day, UUID participant, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from fill where (cast(? as integer) is null or instrument_id = ?) "
                + "and (cast(? as date) is null or trading_day = ?) and (cast(? as uuid) is null or seller_id = ? or buyer_id = ?) "
                + "order by trading_day, instrument_id, seq limit ?")) {
            s.setObject(1, instrument);
            s.setObject(2, instrument);
            s.setObject(3, day);
            s.setObject(4, day);
            s.setObject(5, participant);
            s.setObject(6, participant);
            s.setObject(7, participant);
            s.setInt(8, limit);
            return rows(s);
        }
    }

    /** Per instrument, the amount (fen) and units of the day's listed fills: what the close's VWAP is made of. */
    public Map<Integer, long[]> listedTotals(Connection c, Collection<Integer> instruments, LocalDate day) throws SQLException {
        Map<Integer, long[]> totals = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select instrument_id, sum(amount_fen), sum(units) from fill where mode = 'LISTED' "
                + "and trading_day = ? and instrument_id = any(?) group by 1")) {
            s.setObject(1, day);
            s.setArray(2, c.createArrayOf("integer", instruments.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return totals;
    }

    /** The last trading day the participant bought (or sold) the instrument, for the holding period. */
    public Optional<LocalDate> lastDay(Connection c, UUID participant, int instrument, boolean asBuyer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select max(trading_day) from fill where instrument_id = ? and "
                + (asBuyer ? "buyer_id" : "seller_id") + " = ?")) {
            s.setInt(1, instrument);
            s.setObject(2, participant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, LocalDate.class));
            }
        }
    }

    public Write upserting(List<Fill> fills) {
        return Unnest.insert("fill", fills, "on conflict (id) do update set status = excluded.status, settled_at = excluded.settled_at", "fills",
                List.of(column("id", "uuid", Fill::id), column("seq", "bigint", Fill::seq), column("instrument_id", "integer", Fill::instrumentId),
                        column("mode", "text", Fill::mode), column("seller_id", "uuid", Fill::sellerId), column("buyer_id", "uuid", Fill::buyerId),
                        column("units", "bigint", Fill::units), column("price", "numeric", Fill::price), column("amount_fen", "bigint", Fill::amountFen),
                        column("seller_fee_fen", "bigint", Fill::sellerFeeFen), column("buyer_fee_fen", "bigint", Fill::buyerFeeFen),
                        column("source_id", "uuid", Fill::sourceId), column("platform", "text", Fill::platform),
                        column("platform_reference", "text", Fill::platformReference), column("status", "text", Fill::status),
                        column("trading_day", "date", Fill::tradingDay), column("at", "timestamptz", Fill::at),
                        column("settled_at", "timestamptz", Fill::settledAt)));
    }

    public Write insertingOrigins(List<FillOrigin> origins) {
        return Unnest.insert("fill_origin", origins, "", "fill origins", List.of(column("fill_id", "uuid", FillOrigin::fillId),
                column("issuance_id", "uuid", FillOrigin::issuanceId), column("region_code", "text", FillOrigin::regionCode),
                column("units", "bigint", FillOrigin::units)));
    }

    private static final String COLUMNS = "id, seq, instrument_id, mode, seller_id, buyer_id, units, price, amount_fen, seller_fee_fen, buyer_fee_fen, "
            + "source_id, platform, platform_reference, status, trading_day, at, settled_at";

    /** The row mapper of the fill table (columns as {@link #COLUMNS}). */
    private static List<Fill> rows(PreparedStatement s) throws SQLException {
        List<Fill> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new Fill(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3), FillMode.valueOf(rs.getString(4)), rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class), rs.getLong(7), rs.getBigDecimal(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        rs.getObject(12, UUID.class), rs.getString(13), rs.getString(14), Fill.Status.valueOf(rs.getString(15)),
                        rs.getObject(16, LocalDate.class), rs.getObject(17, OffsetDateTime.class), rs.getObject(18, OffsetDateTime.class)));
            }
        }
        return result;
    }
}
