package org.opengep.accounting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengep.common.problem.Errors;

/**
 * Account inputs from a CSV in long format, one amount a line:
 * <pre>regionCode,year,indicator,field,value,unit
 * 330602,2023,,extent.FOREST,380,km²
 * 330602,2023,,population,1100000,
 * 330602,2023,WATER_CONSERVATION,byEcosystem.FOREST.precipitation,1450,mm
 * 330602,2023,FLOOD_REGULATION,items.西湖.kind,LAKE,
 * 330602,2023,AGRICULTURE,value,12.4,亿元</pre>
 * {@code field} is the path of the amount in the JSON request (below the indicator when one is named), so
 * the CSV and JSON forms say the same thing; the lines of one region and year make one account.
 */
public final class CsvAccounts {

    private static final List<String> HEADER = List.of("regionCode", "year", "indicator", "field", "value", "unit");
    /** Account-level fields whose value is text, not an amount. */
    private static final Set<String> TEXT_FIELDS = Set.of("methodVersion", "priceSetId", "provisioningBasis");

    private CsvAccounts() {}

    public static List<ObjectNode> parse(String csv, ObjectMapper json) {
        Errors errors = new Errors();
        List<List<String>> rows = Csv.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (rows.isEmpty() || !rows.get(0).equals(HEADER)) {
            errors.add("line 1", "the header must be " + String.join(",", HEADER));
            errors.throwIfAny();
        }
        Map<String, ObjectNode> accounts = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String at = "line " + (i + 1);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != HEADER.size()) {
                errors.add(at, "expected " + HEADER.size() + " columns, found " + row.size());
                continue;
            }
            String region = row.get(0).strip();
            String year = row.get(1).strip();
            if (region.isEmpty() || !year.matches("\\d{4}")) {
                errors.add(at, "regionCode and a four-digit year are required");
                continue;
            }
            ObjectNode account = accounts.computeIfAbsent(region + "|" + year, k -> {
                ObjectNode n = json.createObjectNode();
                n.put("regionCode", region);
                n.put("year", Integer.parseInt(year));
                return n;
            });
            String indicator = row.get(2).strip();
            String[] path = row.get(3).strip().split("\\.");
            if (path.length == 0 || path[0].isEmpty()) {
                errors.add(at, "field is required");
                continue;
            }
            ObjectNode parent = indicator.isEmpty() ? account : account.withObjectProperty("indicators").withObjectProperty(indicator);
            String name = path[path.length - 1];
            if (!indicator.isEmpty() && path[0].equals("items")) {
                if (path.length != 3) {
                    errors.add(at, "item fields are items.<name>.<input> or items.<name>.kind");
                    continue;
                }
                ObjectNode item = item(parent, path[1], json);
                parent = name.equals("kind") ? item : item.withObjectProperty("inputs");
            } else {
                for (int p = 0; p < path.length - 1; p++) {
                    parent = parent.withObjectProperty(path[p]);
                }
            }
            String value = row.get(4).strip();
            String unit = row.get(5).strip();
            boolean text = name.equals("kind") || (indicator.isEmpty() && path.length == 1 && TEXT_FIELDS.contains(name));
            if (text) {
                parent.put(name, value);
            } else if (indicator.isEmpty() && name.equals("population")) {
                parent.put(name, number(value, at, errors).longValue());
            } else {
                ObjectNode amount = parent.putObject(name);
                amount.put("value", number(value, at, errors));
                amount.put("unit", unit.isEmpty() ? "1" : unit);
            }
        }
        errors.throwIfAny();
        return new ArrayList<>(accounts.values());
    }

    private static ObjectNode item(ObjectNode indicator, String name, ObjectMapper json) {
        var items = indicator.withArrayProperty("items");
        for (var existing : items) {
            if (name.equals(existing.path("name").asText())) {
                return (ObjectNode) existing;
            }
        }
        ObjectNode item = json.createObjectNode();
        item.put("name", name);
        items.add(item);
        return item;
    }

    private static BigDecimal number(String value, String at, Errors errors) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(at, "'" + value + "' is not a number");
            return BigDecimal.ZERO;
        }
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. */
    static final class Csv {

        private Csv() {}

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(ch);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
