package org.opengep.accounting.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Version numbers of records that are versioned per name (schemes, datasets, extent change matrices). */
public final class Versions {

    private Versions() {}

    /**
     * The next version of the records of {@code table} that match {@code where} (a constant condition with one {@code ?}
     * per key), under a transaction-scoped advisory lock on the table and the keys: two writers at once get two numbers.
     */
    public static int next(Connection c, String table, String where, Object... keys) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))");
                PreparedStatement next = c.prepareStatement("select coalesce(max(version), 0) + 1 from " + table + " where " + where)) {
            lock.setString(1, table + ":" + Arrays.stream(keys).map(String::valueOf).collect(Collectors.joining(":")));
            lock.execute();
            for (int i = 0; i < keys.length; i++) {
                next.setObject(i + 1, keys[i]);
            }
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
