package org.opengep.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** A fingerprint of everything a service has stored: every table's rows, but the bookkeeping tables named. */
public final class DatabaseState {

    private DatabaseState() {}

    public static Supplier<String> of(DataSource dataSource, String... ignoredTables) {
        List<String> ignored = new ArrayList<>(List.of("flyway_schema_history"));
        ignored.addAll(List.of(ignoredTables));
        return () -> {
            StringBuilder state = new StringBuilder();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = current_schema() "
                        + "and table_type = 'BASE TABLE' order by table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    if (ignored.contains(table)) {
                        continue;
                    }
                    try (ResultSet rs = s.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from \""
                            + table + "\" t")) {
                        rs.next();
                        state.append(table).append(": ").append(rs.getLong(1)).append(" rows, ").append(rs.getString(2)).append('\n');
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return state.toString();
        };
    }
}
