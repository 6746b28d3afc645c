package org.opengep.trading.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.store.BalanceStore.Wanted;
import org.opengep.trading.store.HoldingStore.Need;

/**
 * A movement (or several that succeed or fail together) as the {@link LedgerWriter} applies it in a batch: what it
 * must find locked and read, and how it changes the batch. Its request was checked before it was queued; what needs
 * the locks (balances, the reservation's state, the blocks) is checked in {@link #apply}.
 *
 * @param <R> what it answers
 */
interface LedgerCommand<R> {

    /** The reservations (movement ids) it resolves: locked first, before any balance. */
    default Collection<UUID> reservations() {
        return List.of();
    }

    /** The books, proposals and auctions of the trading centre it needs locked and read, after the reservations. */
    default void market(MarketNeeds needs) {}

    /** What it needs locked and read, once the reservations and the books are (null for one not found). */
    void declare(Needs needs, Map<UUID, Movement> reservations);

    /** Applies it; a problem (TypedProblem, InvalidInputException) refuses this command alone, its changes undone. */
    R apply(BatchWork work);

    /** How many movements it counts for the size of a batch. */
    default int size() {
        return 1;
    }

    /** What the commands of a batch need: the balances and cash accounts to lock, the AVAILABLE units to read blocks for, reservations' blocks. */
    final class Needs {

        final List<Wanted> balances = new ArrayList<>();
        final Set<UUID> cash = new LinkedHashSet<>();
        /** The books and what they hold, locked and read. */
        final MarketWork market;

        Needs(MarketWork market) {
            this.market = market;
        }

        /** The cash accounts of these participants (locked after the balances; created if missing). */
        void cash(UUID... participants) {
            cash.addAll(List.of(participants));
        }
        final List<Need> available = new ArrayList<>();
        final Set<UUID> reserved = new LinkedHashSet<>();

        /** The balance of a holder that gives units (it must exist to give any). */
        void giver(UUID holder, Instrument instrument) {
            balances.add(new Wanted(holder, instrument, false));
        }

        /** The balance of a holder that receives units (created if missing). */
        void receiver(UUID holder, Instrument instrument) {
            balances.add(new Wanted(holder, instrument, true));
        }

        /** Up to {@code units} of the holder's AVAILABLE blocks (Long.MAX_VALUE: all of them), and its balance. */
        void takes(UUID holder, Instrument instrument, long units) {
            giver(holder, instrument);
            available.add(new Need(holder, instrument, units));
        }

        /** The blocks a reservation keeps. */
        void reservation(UUID id) {
            reserved.add(id);
        }

        /** The needs of one holder's AVAILABLE blocks added up: what the whole batch may take from them. */
        List<Need> availableTotals() {
            record Source(UUID holderId, Instrument instrument) {}
            Map<Source, Long> totals = new LinkedHashMap<>();
            for (Need n : available) {
                totals.merge(new Source(n.holderId(), n.instrument()), n.units(), (a, b) -> a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b);
            }
            return totals.entrySet().stream().map(e -> new Need(e.getKey().holderId(), e.getKey().instrument(), e.getValue())).toList();
        }
    }
}
