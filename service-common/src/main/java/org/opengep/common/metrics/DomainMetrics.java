package org.opengep.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.Arc;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.opengep.common.jdbc.AfterCommit;

/**
 * The domain counters every service exports on {@code /q/metrics} (Prometheus): what was done, not only how the HTTP
 * layer fared. A count made inside a transaction is added when the transaction commits, so a rollback counts nothing.
 */
public final class DomainMetrics {

    /** Accounts computed and stored by the accounting service (single requests and jobs). */
    public static final String ACCOUNTS_COMPUTED = "gep.accounts.computed";
    /** Movements recorded by the trading service, by kind (trade, retirement, surrender, pledge, freeze, settlement, ...). */
    public static final String MOVEMENTS_RECORDED = "gep.movements.recorded";
    /** The trading ledger's group commit: movements and resolutions per committed transaction (its count: the transactions). */
    public static final String LEDGER_BATCH_MOVEMENTS = "gep.ledger.batch.movements";
    /** The trading ledger's group commit: how long a batch's transaction took, from its first statement to its commit. */
    public static final String LEDGER_BATCH_DURATION = "gep.ledger.batch.duration";
    /** Problems answered, by problem type and status. */
    public static final String PROBLEMS = "gep.problems";

    private DomainMetrics() {}

    /** A problem answered (counted at once: the answer is given whatever happens to a transaction). */
    public static void problem(String type, int status) {
        String name = type == null ? "about:blank" : type.substring(type.lastIndexOf('/') + 1);
        registry().counter(PROBLEMS, "type", name, "status", Integer.toString(status)).increment();
    }

    /** Adds to a counter, when the current transaction commits if there is one. */
    public static void count(String name, long amount, String... tags) {
        if (amount <= 0) {
            return;
        }
        AfterCommit.run(transactions(), () -> registry().counter(name, Tags.of(tags)).increment(amount));
    }

    /** Records a committed batch of the trading ledger: its movements and resolutions, and its duration. */
    public static void ledgerBatch(int movements, java.time.Duration took) {
        MeterRegistry registry = registry();
        registry.summary(LEDGER_BATCH_MOVEMENTS).record(movements);
        registry.timer(LEDGER_BATCH_DURATION).record(took);
    }

    /** The service's registry (the one /q/metrics shows), looked up so that static helpers can count. */
    private static MeterRegistry registry() {
        return Arc.container().instance(MeterRegistry.class).get();
    }

    private static TransactionSynchronizationRegistry transactions() {
        return Arc.container().instance(TransactionSynchronizationRegistry.class).get();
    }
}
