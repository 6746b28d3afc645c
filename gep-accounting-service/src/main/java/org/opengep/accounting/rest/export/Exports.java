package org.opengep.accounting.rest.export;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;

/**
 * CSV and XLSX versions of the answers finance bureaus put in spreadsheets. The format is chosen by the
 * Accept header ({@code text/csv}, {@link #XLSX}) or, for links in a browser, by {@code ?format=csv|xlsx}.
 */
public final class Exports {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public enum Format {
        JSON,
        CSV,
        XLSX
    }

    private Exports() {}

    public static Format negotiate(HttpHeaders headers, String format) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> Format.CSV;
                case "xlsx" -> Format.XLSX;
                case "json" -> Format.JSON;
                default -> throw new InvalidInputException(List.of(
                        new InputError("format", "json, csv or xlsx")));
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType()) {
                return Format.CSV;
            }
            if (type.isCompatible(MediaType.valueOf(XLSX)) && !type.isWildcardType()) {
                return Format.XLSX;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
        }
        return Format.JSON;
    }

    /** The table as a download in the chosen format (not JSON). */
    public static Response download(Table table, Format format, String fileName) {
        return download(List.of(table), format, fileName);
    }

    /** The tables as one workbook, a sheet each (XLSX), or the first as CSV (the caller picks the table for CSV). */
    public static Response download(List<Table> tables, Format format, String fileName) {
        byte[] body = format == Format.XLSX ? xlsx(tables) : csv(tables.get(0));
        String type = format == Format.XLSX ? XLSX : CSV + "; charset=UTF-8";
        String name = fileName + (format == Format.XLSX ? ".xlsx" : ".csv");
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF"); // BOM: Excel then reads the Chinese headers as UTF-8
        out.append(String.join(",", table.columns().stream().map(c -> quote(c.header())).toList())).append("\r\n");
        for (List<Object> row : table.rows()) {
            out.append(String.join(",", row.stream().map(Exports::cell).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value instanceof Number ? value.toString() : quote(value.toString());
    }

    private static String quote(String text) {
        boolean needs = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        // a leading = + - @ would make a spreadsheet evaluate the cell as a formula
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return needs ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    static byte[] xlsx(List<Table> tables) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Workbook workbook = new Workbook(bytes, "GEP platform", "1.0");
            for (Table table : tables) {
                sheet(workbook.newWorksheet(table.title().length() > 31 ? table.title().substring(0, 31) : table.title()), table);
            }
            workbook.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Worksheet sheet, Table table) {
        for (int c = 0; c < table.columns().size(); c++) {
            sheet.value(0, c, table.columns().get(c).zh());
            sheet.value(1, c, table.columns().get(c).en());
            sheet.style(0, c).bold().set();
            sheet.style(1, c).bold().set();
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    sheet.value(r + 2, c, n);
                } else if (v != null) {
                    sheet.value(r + 2, c, v.toString());
                }
            }
        }
    }
}
