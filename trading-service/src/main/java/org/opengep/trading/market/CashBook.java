package org.opengep.trading.market;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;

/**
 * The cash accounts one batch has locked, in memory, as {@code LedgerBatch} keeps units: available and frozen fen, and
 * the head of each account's journal chain. Every change is a journal line chained to the account's head; a batch
 * can undo back to a mark. Cash never goes below zero.
 */
public final class CashBook {

    /** The centre's fee account. */
    public static final UUID FEE_ACCOUNT = UUID.fromString("00000000-0000-0000-0000-00000000fee0");

    public enum CashBucket {
        AVAILABLE,
        FROZEN
    }

    /** A cash journal line to write. */
    public record Line(UUID referenceId, UUID participantId, CashBucket bucket, long fen, long chainSeq, OffsetDateTime at, LocalDate tradingDay,
            byte[] previousHash, byte[] hash) {}

    private final OffsetDateTime at;
    private final LocalDate tradingDay;
    private final Map<UUID, Account> accounts = new LinkedHashMap<>();
    private final List<Line> lines = new ArrayList<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();

    public CashBook(OffsetDateTime at, LocalDate tradingDay) {
        this.at = at;
        this.tradingDay = tradingDay;
    }

    public void add(Account account) {
        accounts.put(account.participantId, account);
    }

    public Account account(UUID participant) {
        Account a = accounts.get(participant);
        if (a == null) {
            throw new IllegalStateException("the cash account of " + participant + " is not locked");
        }
        return a;
    }

    /** Refuses when the participant's available cash is below {@code fen}. */
    public void requireAvailable(UUID participant, long fen, String forWhat) {
        long available = account(participant).available;
        if (available < fen) {
            throw new ConflictException("insufficient-cash", participant + " has " + Money.yuan(available).toPlainString() + " 元 available, "
                    + forWhat + " needs " + Money.yuan(fen).toPlainString() + " 元; nothing was frozen");
        }
    }

    /** Moves available cash to frozen (for an order or a bid). */
    public void freeze(UUID reference, UUID participant, long fen) {
        requireAvailable(participant, fen, "this");
        post(reference, participant, CashBucket.AVAILABLE, -fen);
        post(reference, participant, CashBucket.FROZEN, fen);
    }

    /** Moves frozen cash back to available. */
    public void release(UUID reference, UUID participant, long fen) {
        if (fen > 0) {
            post(reference, participant, CashBucket.FROZEN, -fen);
            post(reference, participant, CashBucket.AVAILABLE, fen);
        }
    }

    /** One journal line, chained to the account's head; a line that takes a bucket below zero is a bug in the caller. */
    public void post(UUID reference, UUID participant, CashBucket bucket, long fen) {
        if (fen == 0) {
            return;
        }
        Account a = account(participant);
        if (a.get(bucket) + fen < 0) {
            throw new IllegalStateException(participant + " " + bucket + " " + a.get(bucket) + " fen cannot take " + fen);
        }
        long available = a.available;
        long frozen = a.frozen;
        long entries = a.entries;
        byte[] head = a.head;
        undo.push(() -> {
            a.available = available;
            a.frozen = frozen;
            a.entries = entries;
            a.head = head;
        });
        long seq = a.entries + 1;
        byte[] hash = hash(a.head, reference, participant, bucket, fen, seq, at);
        lines.add(new Line(reference, participant, bucket, fen, seq, at, tradingDay, a.head, hash));
        if (bucket == CashBucket.AVAILABLE) {
            a.available += fen;
        } else {
            a.frozen += fen;
        }
        a.entries = seq;
        a.head = hash;
    }

    /** A point to undo back to. */
    public record Mark(int undo, int lines) {}

    public Mark mark() {
        return new Mark(undo.size(), lines.size());
    }

    /** Undoes every change made since {@code mark}. */
    public void rollback(Mark mark) {
        while (undo.size() > mark.undo()) {
            undo.pop().run();
        }
        lines.subList(mark.lines(), lines.size()).clear();
    }

    public OffsetDateTime at() {
        return at;
    }

    public LocalDate tradingDay() {
        return tradingDay;
    }

    public List<Line> lines() {
        return lines;
    }

    public Collection<Account> accounts() {
        return accounts.values();
    }

    /** The hash of a cash journal line: SHA-256 over the previous hash and the line's fields (times to the microsecond). */
    public static byte[] hash(byte[] previous, UUID reference, UUID participant, CashBucket bucket, long fen, long seq, OffsetDateTime at) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (previous != null) {
                sha.update(previous);
            }
            String fields = reference + "|" + participant + "|CNY|" + bucket + "|" + fen + "|" + seq + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant());
            sha.update(fields.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A participant's cash account as locked: available, frozen, and its chain's head. */
    public static final class Account {

        public final UUID participantId;
        private final long storedEntries;
        private long available;
        private long frozen;
        private long entries;
        private byte[] head;

        public Account(UUID participantId, long available, long frozen, long entries, byte[] head) {
            this.participantId = participantId;
            this.available = available;
            this.frozen = frozen;
            this.entries = entries;
            this.storedEntries = entries;
            this.head = head;
        }

        public long get(CashBucket bucket) {
            return bucket == CashBucket.AVAILABLE ? available : frozen;
        }

        public long available() {
            return available;
        }

        public long frozen() {
            return frozen;
        }

        public long entries() {
            return entries;
        }

        public byte[] head() {
            return head;
        }

        public boolean changed() {
            return entries != storedEntries;
        }
    }
}
