package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.problem.TypedProblem;
import org.opengep.common.security.Caller;
import org.opengep.trading.ledger.ExpiryRules;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.rest.Requests.NewTrade;

/**
 * Trades, one at a time or in batches of up to 1 000: each is checked for everything that needs no lock (fields,
 * price limits, the trader, both holders ACTIVE in the registry) and then recorded by the {@link LedgerWriter}.
 */
@ApplicationScoped
public class TradeService {

    /** The outcome of one trade of a batch: the movement, or the problem that kept it from being recorded. */
    public record Outcome(int index, int status, Movement movement, Problem problem) {}

    @Inject
    LedgerWriter writer;

    @Inject
    RegistryFacts registry;


    @Inject
    Participants participants;

    public Response trade(NewTrade t, Caller caller, KeyedRequest key, Function<Movement, Object> view) {
        return writer.submit(check(t, caller), key, 201, view);
    }

    /** Records the trades of a batch, each on its own; answers 200 with every trade's outcome. */
    public Response batch(List<NewTrade> trades, Caller caller, KeyedRequest key, Function<List<Outcome>, Object> view) {
        List<TradeCommand> commands = new ArrayList<>();
        Map<Integer, Outcome> refused = new HashMap<>();
        for (int n = 0; n < trades.size(); n++) {
            try {
                commands.add(check(Problems.requireBody(trades.get(n)), caller));
            } catch (TypedProblem | InvalidInputException e) {
                commands.add(null);
                refused.put(n, refused(n, e));
            }
        }
        return writer.submit(new TradeBatchCommand(commands, refused), key, 200, view);
    }

    /** A trade's problem as its outcome in a batch. */
    static Outcome refused(int index, RuntimeException e) {
        if (e instanceof TypedProblem p) {
            return new Outcome(index, p.status(), null, Problem.of(p.type(), p.title(), p.status(), p.getMessage(), null));
        }
        InvalidInputException invalid = (InvalidInputException) e;
        return new Outcome(index, 400, null, new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                invalid.errors().size() + " problem(s) with the trade", null, invalid.errors()));
    }

    /** Everything about a trade that can be checked before its transaction: fields, price limits, the trader, the holders. */
    private TradeCommand check(NewTrade t, Caller caller) {
        Errors errors = new Errors();
        errors.required("sellerId", t.sellerId());
        errors.required("buyerId", t.buyerId());
        if (t.sellerId() != null && t.sellerId().equals(t.buyerId())) {
            errors.add("buyerId", "differs from the seller");
        }
        boolean twoPhase = Boolean.TRUE.equals(t.twoPhase());
        ExpiryRules.checkTwoPhase(twoPhase, t.expiresInSeconds()).ifPresent(p -> errors.add("expiresInSeconds", p));
        Instrument instrument = Instrument.from(errors, t.rightType(), t.vintage(), t.pollutant(), t.waterRightKind(), t.permitValidUntil());
        long units = Units.from(errors, t.quantity(), t.rightType());
        errors.throwIfAny();
        caller.requireActsFor(t.sellerId());
        registry.requireActiveHolder(t.sellerId(), "seller");
        registry.requireActiveHolder(t.buyerId(), "buyer");
        participants.readySeller(t.sellerId(), instrument);
        return new TradeCommand(t.sellerId(), t.buyerId(), instrument, units, twoPhase, t.expiresInSeconds(), caller.name());
    }

}
