package org.opengep.common.jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Whether a failure is the database going away (a restart, a failover, a broken connection) rather than anything the
 * request did: SQLSTATE class 08 (connection exception), 57P01 to 57P03 (the server shut down, crashed or is starting)
 * and a pool that could not hand out a connection in time. Such a failure is answered 503 with "retry with the same
 * Idempotency-Key", never 500. The pool drops the broken connection (Agroal's PostgreSQL exception sorter) and checks
 * a connection idle for a while before handing it out again (foreground validation); and once one loss is noticed,
 * every idle connection is checked at once ({@link #noticed}), since a restart shorter than the validation interval
 * leaves recently used ones broken too. A restart then costs only the requests that were using the database at that
 * moment.
 */
public final class ConnectionLoss {

    private static final Logger LOG = Logger.getLogger(ConnectionLoss.class);
    /** At most one check of the idle connections this often. */
    private static final long CHECK_EVERY = TimeUnit.MILLISECONDS.toNanos(200);
    private static final AtomicLong LAST_CHECK = new AtomicLong(System.nanoTime() - CHECK_EVERY);

    private ConnectionLoss() {}

    /**
     * Whether the failure is a connection loss; if so, the pool is told to check its idle connections and drop the
     * broken ones (Agroal does so on its housekeeping thread, in a few milliseconds; at most once in {@link #CHECK_EVERY}),
     * so that what runs after this gets a live connection.
     */
    public static boolean noticed(Throwable failure) {
        if (!in(failure)) {
            return false;
        }
        long last = LAST_CHECK.get();
        long now = System.nanoTime();
        if (now - last >= CHECK_EVERY && LAST_CHECK.compareAndSet(last, now)) {
            dropBrokenIdleConnections();
        }
        return true;
    }

    private static void dropBrokenIdleConnections() {
        try (InstanceHandle<AgroalDataSource> pool = Arc.container().instance(AgroalDataSource.class)) {
            if (pool.isAvailable()) {
                pool.get().flush(AgroalDataSource.FlushMode.INVALID);
            }
        } catch (RuntimeException e) {
            LOG.warnf("the pool's idle connections could not be checked: %s", e);
        }
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
                    return true;
                }
                // Agroal's: no connection could be had within the acquisition timeout (the database is down or the pool exhausted)
                if (state == null && sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Waits a while for the database to come back; an interrupt (a stop) ends the wait and is kept. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
