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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengep.common.jdbc.Unnest;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.market.BlockProposal;
import org.opengep.trading.market.Side;

/** The block_proposal table: block agreements, changed only under their listing's lock. */
@ApplicationScoped
public class ProposalStore {

    public Optional<BlockProposal> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from block_proposal where id = ?")) {
            s.setObject(1, id);
            return rows(s).stream().findFirst();
        }
    }

    /** The proposals with these ids, and those of these instruments still PROPOSED (for the close). */
    public List<BlockProposal> load(Connection c, Collection<UUID> ids, Collection<Integer> openOf) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from block_proposal where id = any(?) or (status = 'PROPOSED' "
                + "and instrument_id = any(?))")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            s.setArray(2, c.createArrayOf("integer", openOf.toArray()));
            return rows(s);
        }
    }

    /** A participant's proposals, as initiator or counterparty, newest first. */
    public List<BlockProposal> of(Connection c, UUID participant, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from block_proposal where cast(? as uuid) is null or initiator_id = ? "
                + "or counterparty_id = ? order by created_at desc limit ?")) {
            s.setObject(1, participant);
            s.setObject(2, participant);
            s.setObject(3, participant);
            s.setInt(4, limit);
            return rows(s);
        }
    }

    public Write upserting(List<BlockProposal> proposals) {
        return Unnest.insert("block_proposal", proposals, "on conflict (id) do update set status = excluded.status, ended_at = excluded.ended_at, "
                + "fill_id = excluded.fill_id", "block proposals",
                List.of(column("id", "uuid", BlockProposal::id), column("instrument_id", "integer", BlockProposal::instrumentId),
                        column("initiator_id", "uuid", BlockProposal::initiatorId), column("counterparty_id", "uuid", BlockProposal::counterpartyId),
                        column("initiator_side", "text", BlockProposal::initiatorSide), column("price", "numeric", BlockProposal::price),
                        column("units", "bigint", BlockProposal::units), column("status", "text", BlockProposal::status),
                        column("expires_at", "timestamptz", BlockProposal::expiresAt), column("created_at", "timestamptz", BlockProposal::createdAt),
                        column("created_by", "text", BlockProposal::createdBy), column("ended_at", "timestamptz", BlockProposal::endedAt),
                        column("fill_id", "uuid", BlockProposal::fillId)));
    }

    private static final String COLUMNS = "id, instrument_id, initiator_id, counterparty_id, initiator_side, price, units, status, expires_at, created_at, "
            + "created_by, ended_at, fill_id";

    /** The row mapper of the block_proposal table (columns as {@link #COLUMNS}). */
    private static List<BlockProposal> rows(PreparedStatement s) throws SQLException {
        List<BlockProposal> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new BlockProposal(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                        Side.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getLong(7), BlockProposal.Status.valueOf(rs.getString(8)),
                        rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
                        rs.getObject(13, UUID.class)));
            }
        }
        return result;
    }
}
