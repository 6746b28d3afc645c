package org.opengep.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.Arc;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The domain counters every service exports on {@code /q/metrics} (Prometheus): what was done, not only how the HTTP
 * layer fared. A count made inside a transaction is added when the transaction commits, so a rollback counts nothing.
 */
public final class DomainMetrics {

    /** Accounts computed and stored by the accounting service (single requests and jobs). */
    public static final String ACCOUNTS_COMPUTED = "gep.accounts.computed";
    /** Movements recorded by the trading service, by kind (trade, retirement, surrender, pledge, freeze, settlement, ...). */
    public static final String MOVEMENTS_RECORDED = "gep.movements.recorded";
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
        TransactionSynchronizationRegistry transactions = transactions();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            registry().counter(name, Tags.of(tags)).increment(amount);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted after
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    registry().counter(name, Tags.of(tags)).increment(amount);
                }
            }
        });
    }

    /** The service's registry (the one /q/metrics shows), looked up so that static helpers can count. */
    private static MeterRegistry registry() {
        return Arc.container().instance(MeterRegistry.class).get();
    }

    private static TransactionSynchronizationRegistry transactions() {
        return Arc.container().instance(TransactionSynchronizationRegistry.class).get();
    }
}
