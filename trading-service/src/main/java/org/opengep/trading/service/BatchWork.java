package org.opengep.trading.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.store.MovementStore.Origin;
import org.opengep.trading.store.MovementStore.Resolved;

/**
 * What the commands of one batch work on and leave for the writes: the locked part of the ledger, the locked
 * reservations, and the movements, resolutions and origins to record. A {@link Mark} covers all of it, so a command
 * that fails is undone whole.
 */
final class BatchWork {

    record Mark(LedgerBatch.Mark ledger, int movements, int resolutions, int origins, Map<UUID, Movement> reservations) {}

    final LedgerBatch ledger;
    final Map<UUID, Movement> reservations;
    final List<Movement> movements = new ArrayList<>();
    final List<Resolved> resolutions = new ArrayList<>();
    final List<Origin> origins = new ArrayList<>();
    private final RegistryFacts registry;

    BatchWork(LedgerBatch ledger, Map<UUID, Movement> reservations, RegistryFacts registry) {
        this.ledger = ledger;
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

    /** Records where a trade's delivered units came from. */
    void origins(UUID movementId, Map<String, Long> unitsByRegion) {
        unitsByRegion.forEach((region, units) -> origins.add(new Origin(movementId, region, units)));
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
        return new Mark(ledger.mark(), movements.size(), resolutions.size(), origins.size(), Map.copyOf(reservations));
    }

    void rollback(Mark mark) {
        ledger.rollback(mark.ledger());
        movements.subList(mark.movements(), movements.size()).clear();
        resolutions.subList(mark.resolutions(), resolutions.size()).clear();
        origins.subList(mark.origins(), origins.size()).clear();
        reservations.clear();
        reservations.putAll(mark.reservations());
    }
}
