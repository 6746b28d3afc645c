package org.opengep.trading.store;

import static org.opengep.common.jdbc.Unnest.column;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.opengep.trading.market.Auction;
import org.opengep.trading.market.AuctionBid;
import org.opengep.trading.market.AuctionPricing;
import org.opengep.trading.market.Side;

/** The auction and auction_bid tables, changed only under their listing's lock. */
@ApplicationScoped
public class AuctionStore {

    public Optional<Auction> find(Connection c, UUID id) throws SQLException {
        return load(c, List.of(id)).stream().findFirst();
    }

    public List<Auction> load(Connection c, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from auction where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            return auctions(s);
        }
    }

    /** Auctions, newest first (open ones that have ended first of all when {@code dueAt} is given: only those). */
    public List<Auction> list(Connection c, OffsetDateTime dueAt, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from auction where cast(? as timestamptz) is null "
                + "or (status = 'OPEN' and ends_at <= ?) order by created_at desc limit ?")) {
            s.setObject(1, dueAt);
            s.setObject(2, dueAt);
            s.setInt(3, limit);
            return auctions(s);
        }
    }

    public List<AuctionBid> bids(Connection c, Collection<UUID> auctions) throws SQLException {
        List<AuctionBid> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, auction_id, seq, bidder_id, price, units, frozen_fen, allocated, status, created_at, "
                + "created_by from auction_bid where auction_id = any(?) order by seq")) {
            s.setArray(1, c.createArrayOf("uuid", auctions.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new AuctionBid(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3), rs.getObject(4, UUID.class),
                            rs.getBigDecimal(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), AuctionBid.Status.valueOf(rs.getString(9)),
                            rs.getObject(10, OffsetDateTime.class), rs.getString(11)));
                }
            }
        }
        return result;
    }

    /** What each of the bidders bids for in the auction, in units. */
    public Map<UUID, Long> bidderUnits(Connection c, UUID auction, Collection<UUID> bidders) throws SQLException {
        Map<UUID, Long> units = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select bidder_id, sum(units) from auction_bid where auction_id = ? and bidder_id = any(?) group by 1")) {
            s.setObject(1, auction);
            s.setArray(2, c.createArrayOf("uuid", bidders.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    units.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        return units;
    }

    public Write upserting(List<Auction> auctions) {
        return Unnest.insert("auction", auctions, "on conflict (id) do update set status = excluded.status, frozen_fen = excluded.frozen_fen, "
                + "clearing_price = excluded.clearing_price, allocated = excluded.allocated, allocated_at = excluded.allocated_at", "auctions",
                List.of(column("id", "uuid", Auction::id), column("instrument_id", "integer", Auction::instrumentId), column("side", "text", Auction::side),
                        column("principal_id", "uuid", Auction::principalId), column("units", "bigint", Auction::units),
                        column("reserve_price", "numeric", Auction::reservePrice), column("min_bid_units", "bigint", Auction::minBidUnits),
                        column("max_per_bidder", "bigint", Auction::maxPerBidder), column("pricing", "text", Auction::pricing),
                        column("starts_at", "timestamptz", Auction::startsAt), column("ends_at", "timestamptz", Auction::endsAt),
                        column("status", "text", Auction::status), column("frozen_fen", "bigint", Auction::frozenFen),
                        column("clearing_price", "numeric", Auction::clearingPrice), column("allocated", "bigint", Auction::allocated),
                        column("created_at", "timestamptz", Auction::createdAt), column("created_by", "text", Auction::createdBy),
                        column("allocated_at", "timestamptz", Auction::allocatedAt)));
    }

    public Write upsertingBids(List<AuctionBid> bids) {
        return Unnest.insert("auction_bid", bids, "on conflict (id) do update set frozen_fen = excluded.frozen_fen, allocated = excluded.allocated, "
                + "status = excluded.status", "auction bids",
                List.of(column("id", "uuid", AuctionBid::id), column("auction_id", "uuid", AuctionBid::auctionId), column("seq", "bigint", AuctionBid::seq),
                        column("bidder_id", "uuid", AuctionBid::bidderId), column("price", "numeric", AuctionBid::price),
                        column("units", "bigint", AuctionBid::units), column("frozen_fen", "bigint", AuctionBid::frozenFen),
                        column("allocated", "bigint", AuctionBid::allocated), column("status", "text", AuctionBid::status),
                        column("created_at", "timestamptz", AuctionBid::createdAt), column("created_by", "text", AuctionBid::createdBy)));
    }

    private static final String COLUMNS = "id, instrument_id, side, principal_id, units, reserve_price, min_bid_units, max_per_bidder, pricing, starts_at, "
            + "ends_at, status, frozen_fen, clearing_price, allocated, created_at, created_by, allocated_at";

    /** The row mapper of the auction table (columns as {@link #COLUMNS}). */
    private static List<Auction> auctions(PreparedStatement s) throws SQLException {
        List<Auction> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new Auction(rs.getObject(1, UUID.class), rs.getInt(2), Side.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getLong(5),
                        rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), AuctionPricing.valueOf(rs.getString(9)), rs.getObject(10, OffsetDateTime.class),
                        rs.getObject(11, OffsetDateTime.class), Auction.Status.valueOf(rs.getString(12)), rs.getLong(13), rs.getBigDecimal(14), rs.getLong(15),
                        rs.getObject(16, OffsetDateTime.class), rs.getString(17), rs.getObject(18, OffsetDateTime.class)));
            }
        }
        return result;
    }
}
