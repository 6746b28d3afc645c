package org.opengep.trading.rest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Drift made in the service's database behind its back, for a check that it is found: the change is made, the check
 * runs, and the change is undone whatever the check finds, so that a failing check leaves no drift to the next test.
 */
public final class BehindTheService {

    private final DataSource dataSource;

    public BehindTheService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code check} with {@code change} made in the database, and {@code undo} after it. */
    public void whileChanged(List<String> change, List<String> undo, Runnable check) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : change) {
                s.execute(statement);
            }
            try {
                check.run();
            } finally {
                for (String statement : undo) {
                    s.execute(statement);
                }
            }
        }
    }

    public void whileChanged(String change, String undo, Runnable check) throws SQLException {
        whileChanged(List.of(change), List.of(undo), check);
    }

    /** The first column of the first row of a query; the query must find one. */
    public String value(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new AssertionError("no row: " + query);
            }
            return rs.getString(1);
        }
    }
}
