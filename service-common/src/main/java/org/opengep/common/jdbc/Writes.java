package org.opengep.common.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The set-based statements of one batch's writes, sent together: the PostgreSQL driver sends the statements of one
 * prepared statement in one round trip and runs them in order, so a batch costs one round trip for all its writes
 * whatever the number of tables. Each statement says how many rows it must change; another count is a bug (or a
 * change behind the lock) and fails the transaction.
 */
public final class Writes {

    /** Binds a statement's parameters from {@code first} on; answers the next free index. */
    public interface Binder {
        int bind(Connection c, PreparedStatement s, int first) throws SQLException;
    }

    /** One statement: its SQL, its parameters, and the rows it must change (-1: any number). */
    public record Write(String sql, Binder binder, int expectedRows, String what) {}

    /** A statement changed another number of rows than it must: nothing of the transaction may commit. */
    public static final class CountMismatch extends IllegalStateException {

        private final String what;

        CountMismatch(String what, int rows, int expected) {
            super(what + ": " + rows + " rows changed, not " + expected);
            this.what = what;
        }

        /** Which statement it was ({@link Write#what}). */
        public String what() {
            return what;
        }
    }

    private Writes() {}

    /** Runs the writes (null ones, as a statement for no rows is, are left out) in one round trip. */
    public static void execute(Connection c, Write... writes) throws SQLException {
        execute(c, Arrays.asList(writes));
    }

    /** Runs the writes (null ones are left out) in one round trip. */
    public static void execute(Connection c, List<Write> writes) throws SQLException {
        List<Write> all = writes.stream().filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(String.join(";\n", all.stream().map(Write::sql).toList()))) {
            int next = 1;
            for (Write w : all) {
                next = w.binder().bind(c, s, next);
            }
            s.execute();
            for (Write w : all) {
                int rows = s.getUpdateCount();
                if (w.expectedRows() >= 0 && rows != w.expectedRows()) {
                    throw new CountMismatch(w.what(), rows, w.expectedRows());
                }
                s.getMoreResults();
            }
        }
    }
}
