package org.opengep.accounting.rest.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A sheet to export: columns named in Chinese and English, rows of plain values (text, numbers, null). */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {

    public record Column(String zh, String en) {
        public String header() {
            return zh + " / " + en;
        }
    }

    public static Table of(String title, Column... columns) {
        return new Table(title, List.of(columns), new ArrayList<>());
    }

    public Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row of " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(Arrays.asList(values));
        return this;
    }
}
