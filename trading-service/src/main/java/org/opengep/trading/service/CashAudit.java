package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.CashBook.CashBucket;
import org.opengep.trading.market.Money;
import org.opengep.trading.rest.Views.BrokenLink;
import org.opengep.trading.rest.Views.CashTotals;

/**
 * What the reconciliation and the journal verification check of the trading centre: cash is conserved (deposits =
 * every account's cash + withdrawals, the fee account = the fees of delivered fills less its withdrawals), every
 * account equals its journal, nothing is frozen without an open order, bid, demand or pending fill, and no units wait
 * in PENDING blocks for an order, lot, offer or fill that is no longer open; and the cash journal's hash chains.
 */
@ApplicationScoped
public class CashAudit {

    /** The totals, with every drift found added to {@code drift}. */
    CashTotals reconcile(Connection c, List<String> drift) throws SQLException {
        long deposits;
        long withdrawals;
        long accounts;
        long fees;
        try (PreparedStatement s = c.prepareStatement("""
                select (select coalesce(sum(fen), 0) from cash_transfer where kind = 'DEPOSIT'),
                       (select coalesce(sum(fen), 0) from cash_transfer where kind = 'WITHDRAWAL'),
                       (select coalesce(sum(available + frozen), 0) from cash_account),
                       (select coalesce(sum(available + frozen), 0) from cash_account where participant_id = ?)""")) {
            s.setObject(1, CashBook.FEE_ACCOUNT);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                deposits = rs.getLong(1);
                withdrawals = rs.getLong(2);
                accounts = rs.getLong(3);
                fees = rs.getLong(4);
            }
        }
        if (deposits != accounts + withdrawals) {
            drift.add("cash: deposits " + Money.yuan(deposits) + " 元 <> accounts " + Money.yuan(accounts) + " + withdrawals " + Money.yuan(withdrawals));
        }
        rows(c, drift, """
                select 'cash: the fee account holds ' || a.available || ' fen, delivered fills took ' || f.fees || ' fen of fees less '
                       || w.out || ' withdrawn'
                from cash_account a
                cross join (select coalesce(sum(seller_fee_fen + buyer_fee_fen), 0) fees from fill where status = 'SETTLED') f
                cross join lateral (select coalesce(sum(fen), 0) out from cash_transfer where kind = 'WITHDRAWAL' and participant_id = a.participant_id) w
                where a.participant_id = ? and a.available + a.frozen <> f.fees - w.out""", CashBook.FEE_ACCOUNT);
        rows(c, drift, """
                select 'cash of ' || a.participant_id || ': the account holds ' || a.available || ' / ' || a.frozen || ' fen, its journal '
                       || coalesce(j.available, 0) || ' / ' || coalesce(j.frozen, 0)
                from cash_account a
                left join (select participant_id, sum(fen) filter (where bucket = 'AVAILABLE') available, sum(fen) filter (where bucket = 'FROZEN') frozen
                           from cash_entry group by 1) j using (participant_id)
                where a.available <> coalesce(j.available, 0) or a.frozen <> coalesce(j.frozen, 0)""", null);
        rows(c, drift, """
                select 'cash of ' || a.participant_id || ': ' || a.frozen || ' fen frozen, open buy orders, bids, demands and pending fills hold '
                       || coalesce(h.held, 0)
                from cash_account a
                left join (select owner, sum(fen) held from (
                        select owner_id owner, frozen_fen fen from market_order where status = 'OPEN'
                        union all select bidder_id, frozen_fen from auction_bid where status = 'OPEN'
                        union all select principal_id, frozen_fen from auction where status = 'OPEN'
                        union all select buyer_id, amount_fen + buyer_fee_fen from fill where status = 'PENDING' and mode <> 'PLATFORM') x
                      group by 1) h on h.owner = a.participant_id
                where a.frozen <> coalesce(h.held, 0)""", null);
        rows(c, drift, """
                select 'units of ' || h.holder_id || ' wait in PENDING blocks for ' || h.movement_id || ' (' || sum(h.serial_end - h.serial_start + 1)
                       || ' units), which is ' || coalesce(o.status, b.status, a.status, f.status, m.status, 'nothing known')
                       || coalesce(', waiting for ' || o.remaining || ' units', '')
                from holding h
                left join (select id, status, units - filled remaining from market_order where side = 'SELL') o on o.id = h.movement_id
                left join (select b.id, b.status from auction_bid b join auction a on a.id = b.auction_id where a.side = 'BUY') b on b.id = h.movement_id
                left join (select id, status from auction where side = 'SELL') a on a.id = h.movement_id
                left join fill f on f.id = h.movement_id
                left join movement m on m.id = h.movement_id
                where h.held_until is null and h.state = 'PENDING'
                group by h.holder_id, h.movement_id, o.status, o.remaining, b.status, a.status, f.status, m.status
                having coalesce(o.status, b.status, a.status, f.status, m.status, '') not in ('OPEN', 'PENDING')
                    or (o.status is not null and sum(h.serial_end - h.serial_start + 1) <> o.remaining)""", null);
        return new CashTotals(Money.yuan(deposits), Money.yuan(withdrawals), Money.yuan(accounts - fees), Money.yuan(fees));
    }

    /** Recomputes every cash chain; the first broken link, if any. */
    BrokenLink verify(Connection c, long[] counts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select e.id, e.reference_id, e.participant_id, e.bucket, e.fen, e.chain_seq, e.at, e.previous_hash, "
                + "e.hash from cash_entry e order by e.participant_id, e.chain_seq")) {
            s.setFetchSize(5000);
            UUID participant = null;
            byte[] previous = null;
            long seq = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts[0]++;
                    UUID p = rs.getObject(3, UUID.class);
                    if (!p.equals(participant)) {
                        BrokenLink head = participant == null ? null : head(c, participant, seq, previous);
                        if (head != null) {
                            return head;
                        }
                        counts[1]++;
                        participant = p;
                        previous = null;
                        seq = 0;
                    }
                    seq++;
                    byte[] hash = CashBook.hash(previous, rs.getObject(2, UUID.class), p, CashBucket.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6),
                            rs.getObject(7, OffsetDateTime.class));
                    if (rs.getLong(6) != seq || !Arrays.equals(previous, rs.getBytes(8)) || !Arrays.equals(hash, rs.getBytes(9))) {
                        return new BrokenLink(rs.getLong(1), p, "CNY", rs.getLong(6), hex(hash), hex(rs.getBytes(9)));
                    }
                    previous = hash;
                }
            }
            return participant == null ? null : head(c, participant, seq, previous);
        }
    }

    /** The account's head must be its chain's last entry. */
    private static BrokenLink head(Connection c, UUID participant, long seq, byte[] last) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select entries, head_hash from cash_account where participant_id = ?")) {
            s.setObject(1, participant);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != seq || !Arrays.equals(rs.getBytes(2), last)) {
                    return new BrokenLink(0, participant, "CNY", seq, hex(last), rs.getRow() == 0 ? null : hex(rs.getBytes(2)));
                }
                return null;
            }
        }
    }

    private static void rows(Connection c, List<String> drift, String sql, UUID parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    drift.add(rs.getString(1));
                }
            }
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
