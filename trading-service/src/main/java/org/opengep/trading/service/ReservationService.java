package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.sql.DataSource;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.NotFoundException;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.MovementStatus;
import org.opengep.trading.ledger.ReservationRules.Asker;
import org.opengep.trading.ledger.ReservationRules.Resolution;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.rest.Requests.NewReservation;
import org.opengep.trading.store.MovementStore;

/**
 * Reservations: pledges (by the pledgor's trader, to a pledgee) and freezes (by the operator), and the resolution,
 * exactly once, of those and of two-phase trades.
 */
@ApplicationScoped
public class ReservationService {

    @Inject
    MarketClock clock;

    @Inject
    LedgerWriter writer;

    @Inject
    RegistryFacts registry;

    @Inject
    MovementStore movements;

    @Inject
    DataSource dataSource;

    /** A pledge or a freeze: the holder's available units become PLEDGED or FROZEN. */
    public Response reserve(MovementKind kind, NewReservation r, Caller caller, KeyedRequest key, Function<Movement, Object> view) {
        boolean pledge = kind == MovementKind.PLEDGE;
        Errors errors = new Errors();
        errors.required("holderId", r.holderId());
        if (pledge) {
            errors.required("pledgeeId", r.pledgeeId());
            if (r.holderId() != null && r.holderId().equals(r.pledgeeId())) {
                errors.add("pledgeeId", "differs from the holder");
            }
        } else if (r.pledgeeId() != null) {
            errors.add("pledgeeId", "only for pledges");
        }
        Instrument instrument = Instrument.from(errors, r.rightType(), r.vintage(), r.pollutant(), r.waterRightKind(), r.permitValidUntil());
        long units = Units.from(errors, r.quantity(), r.rightType());
        errors.throwIfAny();
        if (pledge) {
            caller.requireActsFor(r.holderId());
            registry.requireActiveHolder(r.pledgeeId(), "pledgee");
        }
        return writer.submit(new ReservationCommand(kind, r.holderId(), r.pledgeeId(), instrument, units, r.reason(), caller.name()), key, 201, view);
    }

    /**
     * Resolves an OPEN reservation exactly once (a second resolution is 409). The counterparty that receives units
     * must be ACTIVE in the registry: asked before the reservation is queued (who it is never changes).
     */
    public Response resolve(UUID id, Resolution resolution, BigDecimal quantity, Caller caller, KeyedRequest key, Function<Movement, Object> view) {
        Movement m = Transactions.jdbc(dataSource, c -> movements.find(c, id)).orElseThrow(() -> new NotFoundException("reservation " + id));
        if (m.status() == MovementStatus.OPEN && m.counterpartyId() != null && (resolution == Resolution.SETTLED || resolution == Resolution.ENFORCED)) {
            registry.requireActiveHolder(m.counterpartyId(), m.kind() == MovementKind.PLEDGE ? "pledgee" : "buyer");
        }
        Asker asker = new Asker(caller.has(Roles.Trading.OPERATOR), caller.holderId());
        return writer.submit(new ResolutionCommand(id, resolution, quantity, asker, caller.name()), key, 200, view);
    }

    /** Expires, as the system, every two-phase trade past its time; answers how many. */
    public int expireOverdue(Caller system, int limit) {
        List<UUID> due = Transactions.jdbc(dataSource, c -> movements.overdue(c, clock.now(), limit));
        List<CompletableFuture<Response>> answers = due.stream()
                .map(id -> writer.queue(new ResolutionCommand(id, Resolution.EXPIRED, null, new Asker(true, null), system.name()), null, 200, m -> m.id()))
                .toList();
        int expired = 0;
        for (CompletableFuture<Response> answer : answers) {
            try {
                writer.await(answer);
                expired++;
            } catch (ConflictException e) {
                // settled, cancelled or expired by someone else meanwhile: resolved once, as it must be
            }
        }
        return expired;
    }
}
