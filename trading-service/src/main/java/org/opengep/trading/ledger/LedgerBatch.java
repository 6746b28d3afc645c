package org.opengep.trading.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;

/**
 * The part of the ledger one batch of movements has locked, read into memory: balances with the heads of their
 * journal chains, and the live serial blocks the movements may take. Movements are applied one after the other;
 * every change is kept for the writes that follow (all at once, set-based) and can be undone back to a {@link Mark},
 * so that a movement that fails leaves the batch as it was before it.
 */
public final class LedgerBatch {

    /** One leg of a movement: units into (positive) or out of (negative) a holder's bucket. */
    public record Leg(UUID holderId, Bucket bucket, long units) {}

    /** What a transfer of blocks moved: the serial ranges, the products, and the units per issuance (and its region). */
    public record Moved(List<String> serials, Set<UUID> products, List<Piece> pieces) {}

    /** Units moved from one issuance (of a product of {@code regionCode}). */
    public record Piece(UUID issuanceId, String regionCode, long units) {}

    /** A journal entry to write, chained to its balance's previous head. */
    public record JournalLine(UUID movementId, UUID holderId, Instrument instrument, Bucket bucket, long units, long chainSeq, OffsetDateTime at,
            byte[] previousHash, byte[] hash) {}

    /** A point to undo back to. */
    public record Mark(int undo, int started, int ended, int journal) {}

    private record Key(UUID holderId, Instrument instrument) {}

    private record Source(UUID holderId, Instrument instrument, Bucket state) {}

    private final OffsetDateTime at;
    private final Map<Key, Balance> balances = new LinkedHashMap<>();
    private final Map<Source, List<SerialBlock>> live = new HashMap<>();
    private final List<SerialBlock> started = new ArrayList<>();
    private final List<SerialBlock> endedStored = new ArrayList<>();
    private final List<JournalLine> journal = new ArrayList<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();

    /** A batch whose movements all happen at {@code at} (the time of its transaction). */
    public LedgerBatch(OffsetDateTime at) {
        this.at = at;
    }

    public OffsetDateTime at() {
        return at;
    }

    /** Adds a balance read under its lock. */
    public void add(Balance balance) {
        balances.put(new Key(balance.holderId(), balance.instrument()), balance);
    }

    /** Adds a live block read under its balance's lock; blocks of one holder, instrument and bucket are added oldest first. */
    public void add(SerialBlock block) {
        live.computeIfAbsent(new Source(block.holderId, block.instrument, block.state), k -> new ArrayList<>()).add(block);
    }

    /** The balance of a holder's instrument; null when the holder has none. */
    public Balance balance(UUID holder, Instrument instrument) {
        return balances.get(new Key(holder, instrument));
    }

    /**
     * Moves {@code units} of {@code from}'s live blocks in {@code fromState} (only those of {@code reservation} when
     * given) to {@code to} in {@code toState}: whole blocks oldest first, the last one split (the holder keeps the
     * first sub-range, the receiver gets the last). The caller posts the legs.
     */
    public Moved transfer(UUID movementId, Instrument instrument, UUID from, Bucket fromState, UUID reservation, UUID to, Bucket toState,
            long units) {
        Balance source = balance(from, instrument);
        long held = source == null ? 0 : source.get(fromState);
        if (held < units) {
            if (fromState != Bucket.AVAILABLE) {
                throw new IllegalStateException(from + " holds " + held + " " + fromState + " units of " + instrument + ", not " + units);
            }
            throw new ConflictException("insufficient-balance", "the holder has " + Units.quantity(held, instrument.rightType()).toPlainString() + " "
                    + instrument.unit() + " of " + instrument + " available, not " + Units.quantity(units, instrument.rightType()).toPlainString());
        }
        List<SerialBlock> blocks = live.getOrDefault(new Source(from, instrument, fromState), List.of());
        // a copy: ending blocks takes them out of the live list
        List<SerialBlock> candidates = blocks.stream().filter(b -> reservation == null || reservation.equals(b.movementId)).toList();
        List<SerialSplit.Block> ranges = new ArrayList<>();
        for (int n = 0; n < candidates.size(); n++) {
            ranges.add(new SerialSplit.Block(n, candidates.get(n).start, candidates.get(n).end));
        }
        SerialSplit.Result split = SerialSplit.take(ranges, units);
        for (long n : split.ended()) {
            end(candidates.get((int) n));
        }
        if (split.kept() != null) {
            SerialBlock b = candidates.get((int) split.kept().holdingId());
            start(b.part(split.kept().start(), split.kept().end(), from, fromState, reservation != null ? reservation : movementId, at));
        }
        List<String> serials = new ArrayList<>();
        Set<UUID> products = new LinkedHashSet<>();
        Map<UUID, Piece> pieces = new LinkedHashMap<>();
        for (SerialSplit.Block range : split.moved()) {
            SerialBlock b = candidates.get((int) range.holdingId());
            SerialBlock moved = b.part(range.start(), range.end(), to, toState, movementId, at);
            start(moved);
            serials.add(moved.serials());
            products.add(b.productId);
            pieces.merge(b.issuanceId, new Piece(b.issuanceId, b.regionCode, range.units()),
                    (x, y) -> new Piece(x.issuanceId(), x.regionCode(), x.units() + y.units()));
        }
        return new Moved(serials, products, List.copyOf(pieces.values()));
    }

    /** Ends the holder's AVAILABLE blocks of the instrument that expired on {@code today} and starts them again as EXPIRED. */
    public long expire(UUID movementId, UUID holder, Instrument instrument, LocalDate today) {
        long units = 0;
        for (SerialBlock b : List.copyOf(live.getOrDefault(new Source(holder, instrument, Bucket.AVAILABLE), List.of()))) {
            if (ExpiryRules.expired(b.validUntil, today)) {
                end(b);
                start(b.part(b.start, b.end, holder, Bucket.EXPIRED, movementId, at));
                units += b.units();
            }
        }
        return units;
    }

    /** Units entering the ledger: an issuance's block, AVAILABLE to its holder, with its one leg. */
    public void issue(UUID issuanceId, UUID holder, Instrument instrument, UUID productId, String regionCode, String serialPrefix, long first,
            long last, LocalDate validUntil) {
        start(new SerialBlock(0, holder, instrument, productId, regionCode, issuanceId, serialPrefix, first, last, Bucket.AVAILABLE, issuanceId,
                validUntil, at, null));
        post(issuanceId, instrument, List.of(new Leg(holder, Bucket.AVAILABLE, last - first + 1)));
    }

    /**
     * Writes a movement's legs to the journal, each chained to its balance's head, and applies them to the balances
     * (which the batch has locked). A leg that would take a bucket below zero is a bug in the caller.
     */
    public void post(UUID movementId, Instrument instrument, List<Leg> legs) {
        for (Leg leg : legs) {
            Balance b = balance(leg.holderId(), instrument);
            if (b == null) {
                throw new IllegalStateException("the balance of " + leg.holderId() + " in " + instrument + " is not locked");
            }
            if (b.get(leg.bucket()) + leg.units() < 0) {
                throw new IllegalStateException(leg + " takes " + instrument + " below zero");
            }
            Balance before = b.copy();
            undo.push(() -> b.restore(before));
            long seq = b.entries + 1;
            byte[] hash = JournalChain.hash(b.head, new JournalChain.Entry(movementId, leg.holderId(), instrument, leg.bucket().name(), leg.units(), seq, at));
            journal.add(new JournalLine(movementId, leg.holderId(), instrument, leg.bucket(), leg.units(), seq, at, b.head, hash));
            b.buckets[leg.bucket().ordinal()] += leg.units();
            b.entries = seq;
            b.head = hash;
        }
    }

    public Mark mark() {
        return new Mark(undo.size(), started.size(), endedStored.size(), journal.size());
    }

    /** Undoes every change made since {@code mark}. */
    public void rollback(Mark mark) {
        while (undo.size() > mark.undo()) {
            undo.pop().run();
        }
        truncate(started, mark.started());
        truncate(endedStored, mark.ended());
        truncate(journal, mark.journal());
    }

    /** Blocks read from the database that this batch ended. */
    public List<SerialBlock> endedStoredBlocks() {
        return endedStored;
    }

    /** Blocks this batch started, in order (those it ended again carry their end). */
    public List<SerialBlock> startedBlocks() {
        return started;
    }

    public List<JournalLine> journal() {
        return journal;
    }

    /** Every balance of the batch, changed or not. */
    public Collection<Balance> balances() {
        return balances.values();
    }

    private void start(SerialBlock block) {
        Source source = new Source(block.holderId, block.instrument, block.state);
        List<SerialBlock> list = live.computeIfAbsent(source, k -> new ArrayList<>());
        list.add(block);
        started.add(block);
        undo.push(() -> list.remove(list.size() - 1));
    }

    private void end(SerialBlock block) {
        List<SerialBlock> list = live.get(new Source(block.holderId, block.instrument, block.state));
        int position = list.indexOf(block);
        list.remove(position);
        block.heldUntil = at;
        if (block.id != 0) {
            endedStored.add(block);
        }
        undo.push(() -> {
            block.heldUntil = null;
            list.add(position, block);
        });
    }

    private static void truncate(List<?> list, int size) {
        list.subList(size, list.size()).clear();
    }

    /** A holder's balance of one instrument: its buckets and the head of its journal chain. */
    public static final class Balance {

        private final UUID holderId;
        private final Instrument instrument;
        private final long[] buckets;
        private final long storedEntries;
        private final boolean created;
        private long entries;
        private byte[] head;

        /** {@code created}: the batch inserted the row (it is removed again if nothing is posted to it). */
        public Balance(UUID holderId, Instrument instrument, long[] buckets, long entries, byte[] head, boolean created) {
            this.holderId = holderId;
            this.instrument = instrument;
            this.buckets = buckets.clone();
            this.storedEntries = entries;
            this.entries = entries;
            this.head = head;
            this.created = created;
        }

        private Balance copy() {
            return new Balance(holderId, instrument, buckets, entries, head, created);
        }

        private void restore(Balance earlier) {
            System.arraycopy(earlier.buckets, 0, buckets, 0, buckets.length);
            entries = earlier.entries;
            head = earlier.head;
        }

        public UUID holderId() {
            return holderId;
        }

        public Instrument instrument() {
            return instrument;
        }

        public long get(Bucket bucket) {
            return buckets[bucket.ordinal()];
        }

        public long entries() {
            return entries;
        }

        public byte[] head() {
            return head;
        }

        /** Whether the batch posted to it. */
        public boolean changed() {
            return entries != storedEntries;
        }

        /** Whether the batch inserted it and posted nothing to it: it is removed again. */
        public boolean unused() {
            return created && !changed();
        }
    }
}
