package org.opengep.common.jdbc;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opengep.common.jdbc.Writes.Write;

/**
 * Set-based inserts (and upserts) of many rows in one statement: one array parameter per column, {@code unnest}-ed
 * into rows, so that a batch writes a table with one statement whatever the number of rows.
 */
public final class Unnest {

    /** A column: its name, its PostgreSQL type (uuid, text, bigint, integer, numeric, boolean, date, timestamptz, bytea) and its value in a row. */
    public record Column<T>(String name, String type, Function<T, Object> value) {}

    private Unnest() {}

    public static <T> Column<T> column(String name, String type, Function<T, Object> value) {
        return new Column<>(name, type, value);
    }

    /**
     * {@code insert into table (columns) select * from unnest(...)} followed by {@code suffix} (e.g. an
     * {@code on conflict ... do update}); every row must be written. Null when there are no rows.
     */
    public static <T> Write insert(String table, List<T> rows, String suffix, String what, List<Column<T>> columns) {
        if (rows.isEmpty()) {
            return null;
        }
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String arrays = columns.stream().map(c -> switch (c.type()) {
            case "date", "timestamptz" -> "?::text[]::" + c.type() + "[]";
            default -> "?::" + c.type() + "[]";
        }).collect(Collectors.joining(", "));
        String sql = "insert into " + table + " (" + names + ") select * from unnest(" + arrays + ") as d(" + names + ") " + suffix;
        return new Write(sql, (c, s, n) -> {
            for (Column<T> col : columns) {
                Object[] values = rows.stream().map(r -> value(col, r)).toArray();
                switch (col.type()) {
                    case "bytea" -> s.setObject(n, rows.stream().map(r -> (byte[]) col.value().apply(r)).toArray(byte[][]::new));
                    case "date", "timestamptz" -> s.setArray(n, c.createArrayOf("text", values));
                    default -> s.setArray(n, c.createArrayOf(col.type(), values));
                }
                n++;
            }
            return n;
        }, rows.size(), what);
    }

    private static <T> Object value(Column<T> col, T row) {
        Object v = col.value().apply(row);
        if (v == null) {
            return null;
        }
        return switch (col.type()) {
            case "date", "timestamptz" -> v.toString();
            case "text" -> v instanceof Enum<?> e ? e.name() : v.toString();
            default -> v;
        };
    }

}
