package org.opengep.common.jdbc;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must see the current transaction committed, or not happen: counting what it did, telling caches of what it
 * changed, starting what follows it. Runs at once when there is no transaction.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(TransactionSynchronizationRegistry transactions, Runnable work) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            work.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // after, and only once it committed
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}
