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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengep.common.jdbc.Unnest;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.CashBook.Account;

/**
 * The cash_account, cash_entry and cash_transfer tables. Accounts are locked after the balances, in participant id
 * order, by every batch that moves cash; a participant's account is created the first time one is needed.
 */
@ApplicationScoped
public class CashStore {

    /** A deposit or a withdrawal the operator recorded. */
    public record Transfer(UUID id, UUID participantId, String kind, long fen, String bankReference, OffsetDateTime at, LocalDate tradingDay,
            String by) {}

    public List<Account> lock(Connection c, Collection<UUID> participants) throws SQLException {
        if (participants.isEmpty()) {
            return List.of();
        }
        Object[] ids = participants.stream().distinct().sorted().toArray();
        try (PreparedStatement s = c.prepareStatement("insert into cash_account (participant_id) select p from unnest(?::uuid[]) p order by p "
                + "on conflict do nothing")) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from cash_account where participant_id = any(?) order by participant_id "
                + "for update")) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            return rows(s);
        }
    }

    public Optional<Account> find(Connection c, UUID participant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from cash_account where participant_id = ?")) {
            s.setObject(1, participant);
            return rows(s).stream().findFirst();
        }
    }

    /** The statements that write the cash a batch moved: the accounts, and the journal lines. */
    public List<Write> writes(CashBook book) {
        List<Account> changed = book.accounts().stream().filter(Account::changed).toList();
        Write accounts = changed.isEmpty() ? null : new Write("update cash_account a set available = d.available, frozen = d.frozen, entries = d.entries, "
                + "head_hash = d.head from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bytea[]) as d(id, available, frozen, entries, head) "
                + "where a.participant_id = d.id", (c, s, n) -> {
                    s.setArray(n, c.createArrayOf("uuid", changed.stream().map(a -> a.participantId).toArray()));
                    s.setArray(n + 1, c.createArrayOf("bigint", changed.stream().map(Account::available).toArray()));
                    s.setArray(n + 2, c.createArrayOf("bigint", changed.stream().map(Account::frozen).toArray()));
                    s.setArray(n + 3, c.createArrayOf("bigint", changed.stream().map(Account::entries).toArray()));
                    s.setObject(n + 4, changed.stream().map(Account::head).toArray(byte[][]::new));
                    return n + 5;
                }, changed.size(), "locked cash accounts");
        Write lines = Unnest.insert("cash_entry", book.lines(), "", "cash journal lines", List.of(column("reference_id", "uuid", CashBook.Line::referenceId),
                column("participant_id", "uuid", CashBook.Line::participantId), column("bucket", "text", CashBook.Line::bucket),
                column("fen", "bigint", CashBook.Line::fen), column("chain_seq", "bigint", CashBook.Line::chainSeq),
                column("at", "timestamptz", CashBook.Line::at), column("trading_day", "date", CashBook.Line::tradingDay),
                column("previous_hash", "bytea", CashBook.Line::previousHash), column("hash", "bytea", CashBook.Line::hash)));
        return java.util.Arrays.asList(accounts, lines);
    }

    public Write insertingTransfers(List<Transfer> transfers) {
        return Unnest.insert("cash_transfer", transfers, "", "cash transfers", List.of(column("id", "uuid", Transfer::id),
                column("participant_id", "uuid", Transfer::participantId), column("kind", "text", Transfer::kind), column("fen", "bigint", Transfer::fen),
                column("bank_reference", "text", Transfer::bankReference), column("at", "timestamptz", Transfer::at),
                column("trading_day", "date", Transfer::tradingDay), column("by_name", "text", Transfer::by)));
    }

    private static final String COLUMNS = "participant_id, available, frozen, entries, head_hash";

    /** The row mapper of the cash_account table (columns as {@link #COLUMNS}). */
    private static List<Account> rows(PreparedStatement s) throws SQLException {
        List<Account> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new Account(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBytes(5)));
            }
        }
        return result;
    }
}
