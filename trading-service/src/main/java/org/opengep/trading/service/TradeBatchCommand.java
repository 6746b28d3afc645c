package org.opengep.trading.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.TypedProblem;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.service.TradeService.Outcome;

/**
 * The trades of one batch request, each with its own outcome, in the order given: one that fails is undone and
 * answers its problem, the others are recorded. {@code refused} holds the outcomes of trades already refused by their
 * checks (by index); the others are applied.
 */
record TradeBatchCommand(List<TradeCommand> trades, Map<Integer, Outcome> refused) implements LedgerCommand<List<Outcome>> {

    @Override
    public void declare(Needs needs, Map<UUID, Movement> reservations) {
        for (TradeCommand t : trades) {
            if (t != null) {
                t.declare(needs, reservations);
            }
        }
    }

    @Override
    public List<Outcome> apply(BatchWork work) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int n = 0; n < trades.size(); n++) {
            if (refused.containsKey(n)) {
                outcomes.add(refused.get(n));
                continue;
            }
            BatchWork.Mark mark = work.mark();
            try {
                outcomes.add(new Outcome(n, 201, trades.get(n).apply(work), null));
            } catch (TypedProblem | InvalidInputException e) {
                work.rollback(mark);
                outcomes.add(TradeService.refused(n, e));
            }
        }
        return outcomes;
    }

    @Override
    public int size() {
        return trades.size();
    }
}
