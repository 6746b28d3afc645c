package org.opengep.trading.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.market.BandRounding;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Session;
import org.opengep.trading.market.Settlement;

/**
 * The listing table: an instrument's trading rules and state, and its book's lock. A batch that touches a book locks
 * its listing row (in instrument id order) before any balance; the row's {@code seq} counts the book's orders, bids
 * and fills for time priority.
 */
@ApplicationScoped
public class ListingStore {

    /** A listing as locked, and its counter. */
    public record Locked(Listing listing, long seq) {}

    /** What a batch changes in a listing: the counter and the base price. */
    public record Changed(int instrumentId, long seq, BigDecimal basePrice, LocalDate basePriceFrom, UUID proposedBy) {}

    @Inject
    InstrumentStore instruments;

    public Map<Integer, Locked> lock(Connection c, Collection<Integer> ids) throws SQLException {
        Map<Integer, Locked> locked = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + ", seq from listing where instrument_id = any(?) order by instrument_id for update")) {
            s.setArray(1, c.createArrayOf("integer", ids.stream().sorted().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Listing l = row(c, rs);
                    locked.put(l.instrumentId(), new Locked(l, rs.getLong(19)));
                }
            }
        }
        return locked;
    }

    public List<Listing> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from listing order by instrument_id")) {
            return rows(c, s);
        }
    }

    public Optional<Listing> find(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from listing where instrument_id = ?")) {
            s.setInt(1, id);
            return rows(c, s).stream().findFirst();
        }
    }

    /** Lists an instrument; false when it is listed already. */
    public boolean insert(Connection c, Listing l, OffsetDateTime at, String by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into listing (instrument_id, status, tick, lot, listed_band, block_band, block_threshold, "
                + "buyer_fee_rate, seller_fee_rate, sessions, holding_days, position_limit, large_holder_threshold, settlement, base_price, base_price_from, "
                + "base_price_proposed_by, listed_at, listed_by, changed_at, changed_by, band_rounding) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?) "
                + "on conflict do nothing")) {
            s.setInt(1, l.instrumentId());
            s.setString(2, l.suspended() ? "SUSPENDED" : "LISTED");
            s.setBigDecimal(3, l.tick());
            s.setLong(4, l.lot());
            s.setBigDecimal(5, l.listedBand());
            s.setBigDecimal(6, l.blockBand());
            s.setLong(7, l.blockThreshold());
            s.setBigDecimal(8, l.buyerFeeRate());
            s.setBigDecimal(9, l.sellerFeeRate());
            s.setString(10, Session.format(l.sessions()));
            s.setInt(11, l.holdingDays());
            s.setObject(12, l.positionLimit());
            s.setObject(13, l.largeHolderThreshold());
            s.setString(14, l.settlement().name());
            s.setBigDecimal(15, l.basePrice());
            s.setObject(16, l.basePriceFrom());
            s.setObject(17, l.basePriceProposedBy());
            s.setObject(18, at);
            s.setString(19, by);
            s.setObject(20, at);
            s.setString(21, by);
            s.setString(22, l.bandRounding().name());
            return s.executeUpdate() == 1;
        }
    }

    /** Suspends or resumes a listing (under its row lock, so never in the middle of a batch on its book). */
    public void setSuspended(Connection c, int id, boolean suspended, OffsetDateTime at, String by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update listing set status = ?, changed_at = ?, changed_by = ? where instrument_id = ?")) {
            s.setString(1, suspended ? "SUSPENDED" : "LISTED");
            s.setObject(2, at);
            s.setString(3, by);
            s.setInt(4, id);
            s.executeUpdate();
        }
    }

    /** Whether the trading day was closed. */
    public boolean dayClosed(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from market_day where day = ?")) {
            s.setObject(1, day);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Write updating(List<Changed> changed) {
        if (changed.isEmpty()) {
            return null;
        }
        return new Write("update listing l set seq = d.seq, base_price = d.base, base_price_from = d.base_from, base_price_proposed_by = d.by "
                + "from unnest(?::integer[], ?::bigint[], ?::numeric[], ?::text[]::date[], ?::uuid[]) as d(id, seq, base, base_from, by) "
                + "where l.instrument_id = d.id", (c, s, n) -> {
                    s.setArray(n, c.createArrayOf("integer", changed.stream().map(Changed::instrumentId).toArray()));
                    s.setArray(n + 1, c.createArrayOf("bigint", changed.stream().map(Changed::seq).toArray()));
                    s.setArray(n + 2, c.createArrayOf("numeric", changed.stream().map(Changed::basePrice).toArray()));
                    s.setArray(n + 3, c.createArrayOf("text", changed.stream().map(x -> x.basePriceFrom() == null ? null : x.basePriceFrom().toString()).toArray()));
                    s.setArray(n + 4, c.createArrayOf("uuid", changed.stream().map(Changed::proposedBy).toArray()));
                    return n + 5;
                }, changed.size(), "listings of the books locked");
    }

    private static final String COLUMNS = "instrument_id, status, tick, lot, listed_band, block_band, block_threshold, buyer_fee_rate, seller_fee_rate, "
            + "sessions, holding_days, position_limit, large_holder_threshold, settlement, base_price, base_price_from, base_price_proposed_by, band_rounding";

    private List<Listing> rows(Connection c, PreparedStatement s) throws SQLException {
        List<Listing> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(row(c, rs));
            }
        }
        return result;
    }

    /** The row mapper of the listing table (columns as {@link #COLUMNS}). */
    private Listing row(Connection c, ResultSet rs) throws SQLException {
        int id = rs.getInt(1);
        return new Listing(id, instruments.byId(c, id), rs.getString(2).equals("SUSPENDED"), rs.getBigDecimal(3), rs.getLong(4), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9), Session.parse(rs.getString(10)).orElseThrow(), rs.getInt(11),
                (Long) rs.getObject(12, Long.class), (Long) rs.getObject(13, Long.class), Settlement.valueOf(rs.getString(14)),
                BandRounding.valueOf(rs.getString(18)), rs.getBigDecimal(15),
                rs.getObject(16, LocalDate.class), rs.getObject(17, UUID.class));
    }
}
