package org.opengep.trading.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.store.MovementStore.Resolved;

/**
 * What the commands of one batch work on and leave for the writes: the locked part of the ledger and of the market,
 * the locked reservations, and the movements and resolutions to record. A {@link Mark} covers all of it, so a command
 * that fails is undone whole.
 */
final class BatchWork {

    record Mark(LedgerBatch.Mark ledger, MarketWork.Mark market, int movements, int resolutions, Map<UUID, Movement> reservations) {}

    final LedgerBatch ledger;
    final MarketWork market;
    final Map<UUID, Movement> reservations;
    final List<Movement> movements = new ArrayList<>();
    final List<Resolved> resolutions = new ArrayList<>();
    private final RegistryFacts registry;

    BatchWork(LedgerBatch ledger, MarketWork market, Map<UUID, Movement> reservations, RegistryFacts registry) {
        this.ledger = ledger;
        this.market = market;
        this.reservations = reservations;
        this.registry = registry;
    }

    /** Units of these products may only move while the registry has them REGISTERED. */
    void requireRegistered(Set<UUID> products) {
        products.forEach(registry::requireRegisteredProduct);
    }

    void record(Movement movement) {
        movements.add(movement);
    }

    /** Records a resolution; the reservation, as later commands of the batch see it, is resolved. */
    void resolve(Resolved resolution, Movement resolved) {
        resolutions.add(resolution);
        reservations.put(resolved.id(), resolved);
    }

    /** What the metrics count once the batch commits: the kind of each movement recorded and each resolution. */
    List<String> counted() {
        List<String> kinds = new ArrayList<>();
        movements.forEach(m -> kinds.add(m.kind().name()));
        resolutions.forEach(r -> kinds.add(r.status().name()));
        return kinds;
    }

    Mark mark() {
        return new Mark(ledger.mark(), market.mark(), movements.size(), resolutions.size(), Map.copyOf(reservations));
    }

    void rollback(Mark mark) {
        ledger.rollback(mark.ledger());
        market.rollback(mark.market());
        movements.subList(mark.movements(), movements.size()).clear();
        resolutions.subList(mark.resolutions(), resolutions.size()).clear();
        reservations.clear();
        reservations.putAll(mark.reservations());
    }
}
