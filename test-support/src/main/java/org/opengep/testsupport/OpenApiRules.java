package org.opengep.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules an OpenAPI document of ours keeps so that integrators can generate clients from it: every operation has a
 * unique operationId, a summary, a success response and its error responses documented; schemas stay simple for
 * generators (no type lists such as {@code [object, "null"]}, no siblings next to a {@code $ref}); and every example
 * is valid against its schema. {@link #violations} lists what breaks them, empty when the document is clean.
 */
public final class OpenApiRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode document;
    private final List<String> violations = new ArrayList<>();

    private OpenApiRules(JsonNode document) {
        this.document = document;
    }

    public static List<String> violations(String yaml) {
        try {
            OpenApiRules rules = new OpenApiRules(YAML.readTree(yaml));
            rules.checkOperations();
            rules.checkSchemas(rules.document, "#");
            rules.checkTextLimits();
            rules.checkSchemaNames();
            return rules.violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A schema name ending in a digit ({@code Status2}) is one the document generator made up to tell apart two types
     * of one simple name: generated clients then have a {@code Status2} class nobody can read. Such a type gets a
     * name of its own with {@code @Schema(name = ...)}.
     */
    private void checkSchemaNames() {
        for (Map.Entry<String, JsonNode> schema : fields(document.path("components").path("schemas"))) {
            if (schema.getKey().matches(".*\\d")) {
                violations.add("#/components/schemas/" + schema.getKey() + ": a made-up name (two types of one simple name); give it a name with @Schema(name = ...)");
            }
        }
    }

    private void checkOperations() {
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> method : fields(path.getValue())) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = method.getValue();
                String operationId = operation.path("operationId").asText("");
                if (operationId.isBlank()) {
                    violations.add(where + ": no operationId");
                } else if (!operationIds.add(operationId)) {
                    violations.add(where + ": operationId " + operationId + " is used twice");
                }
                if (operation.path("summary").asText("").isBlank()) {
                    violations.add(where + ": no summary");
                }
                checkResponses(where, path.getKey(), operation);
            }
        }
    }

    /** Every text a request body takes has its limit documented (the limit the service enforces: {@code @Schema(maxLength)}). */
    private void checkTextLimits() {
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> method : fields(path.getValue())) {
                for (JsonNode content : method.getValue().path("requestBody").path("content")) {
                    textLimits(content.path("schema"), "request body of " + method.getKey().toUpperCase() + " " + path.getKey(), seen);
                }
            }
        }
    }

    private void textLimits(JsonNode schema, String where, Set<String> seen) {
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (seen.add(name)) {
                textLimits(document.path("components").path("schemas").path(name), "schema " + name, seen);
            }
            return;
        }
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText("");
        if (type.equals("string") && !schema.has("maxLength") && !schema.has("enum") && !schema.has("format")) {
            violations.add(where + ": a text without maxLength");
        }
        for (Map.Entry<String, JsonNode> property : fields(schema.path("properties"))) {
            textLimits(property.getValue(), where + "." + property.getKey(), seen);
        }
        for (String nested : List.of("items", "additionalProperties")) {
            if (schema.path(nested).isObject()) {
                textLimits(schema.path(nested), where + "." + nested, seen);
            }
        }
        schema.path("allOf").forEach(s -> textLimits(s, where, seen));
    }

    private void checkResponses(String where, String path, JsonNode operation) {
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (Map.Entry<String, JsonNode> response : fields(responses)) {
            success |= response.getKey().startsWith("2");
            if (response.getValue().path("description").asText("").isBlank()) {
                violations.add(where + ": response " + response.getKey() + " has no description");
            }
        }
        if (!success) {
            violations.add(where + ": no success response");
        }
        boolean takesInput = operation.has("requestBody") || operation.path("parameters").size() > 0;
        boolean namesSomething = path.contains("{");
        if (path.startsWith("/api/")) {
            requireResponse(where, responses, "401");
            requireResponse(where, responses, "403");
        }
        if (takesInput) {
            requireResponse(where, responses, "400");
        }
        if (namesSomething) {
            requireResponse(where, responses, "404");
        }
    }

    private void requireResponse(String where, JsonNode responses, String status) {
        if (!responses.has(status)) {
            violations.add(where + ": response " + status + " is not documented");
        }
    }

    /** Walks the whole document: schema shapes, and every example against the schema beside it. */
    private void checkSchemas(JsonNode node, String pointer) {
        if (node.isObject()) {
            if (node.path("type").isArray()) {
                violations.add(pointer + ": type is a list " + node.get("type") + "; generators want one type (or a oneOf)");
            }
            if (node.has("$ref") && node.size() > 1 && !pointer.endsWith("/properties") && !node.has("in")) {
                Set<String> siblings = new HashSet<>();
                node.fieldNames().forEachRemaining(siblings::add);
                siblings.removeAll(Set.of("$ref", "description", "summary", "examples"));
                if (!siblings.isEmpty()) {
                    violations.add(pointer + ": $ref has siblings " + siblings);
                }
            }
            if (node.has("example") && node.has("schema")) {
                checkExample(node.get("example"), node.get("schema"), pointer + "/example");
            } else if (node.has("example") && (node.has("type") || node.has("$ref"))) {
                checkExample(node.get("example"), node, pointer + "/example");
            }
            if (node.path("examples").isArray() && (node.has("type") || node.has("$ref"))) {
                for (int i = 0; i < node.get("examples").size(); i++) {
                    checkExample(node.get("examples").get(i), node, pointer + "/examples/" + i);
                }
            }
            for (Map.Entry<String, JsonNode> field : fields(node)) {
                checkSchemas(field.getValue(), pointer + "/" + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkSchemas(node.get(i), pointer + "/" + i);
            }
        }
    }

    private void checkExample(JsonNode example, JsonNode schema, String pointer) {
        schema = resolve(schema);
        if (example.isNull()) {
            return;
        }
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && allowed.size() > 0 && !contains(allowed, example)) {
            violations.add(pointer + ": " + example + " is not one of " + allowed);
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!example.isObject()) {
                    violations.add(pointer + ": " + example + " is not an object");
                    return;
                }
                for (Map.Entry<String, JsonNode> field : fields(example)) {
                    JsonNode property = schema.path("properties").get(field.getKey());
                    if (property != null) {
                        checkExample(field.getValue(), property, pointer + "/" + field.getKey());
                    } else if (schema.path("properties").size() > 0 && !schema.has("additionalProperties")) {
                        violations.add(pointer + ": property " + field.getKey() + " is not in the schema");
                    }
                }
                for (JsonNode required : schema.path("required")) {
                    if (!example.has(required.asText())) {
                        violations.add(pointer + ": required property " + required.asText() + " is missing");
                    }
                }
            }
            case "array" -> {
                if (!example.isArray()) {
                    violations.add(pointer + ": " + example + " is not an array");
                    return;
                }
                for (int i = 0; i < example.size(); i++) {
                    checkExample(example.get(i), schema.path("items"), pointer + "/" + i);
                }
            }
            case "integer" -> {
                if (!example.isIntegralNumber()) {
                    violations.add(pointer + ": " + example + " is not an integer");
                }
            }
            case "number" -> {
                if (!example.isNumber()) {
                    violations.add(pointer + ": " + example + " is not a number");
                }
            }
            case "boolean" -> {
                if (!example.isBoolean()) {
                    violations.add(pointer + ": " + example + " is not a boolean");
                }
            }
            case "string" -> {
                if (!example.isTextual()) {
                    violations.add(pointer + ": " + example + " is not a string");
                } else if (!matchesFormat(example.asText(), schema.path("format").asText(""))) {
                    violations.add(pointer + ": " + example + " is not a " + schema.path("format").asText());
                }
            }
            default -> {
                // no type: anything goes
            }
        }
    }

    private static boolean matchesFormat(String value, String format) {
        try {
            switch (format) {
                case "date" -> LocalDate.parse(value);
                case "date-time" -> OffsetDateTime.parse(value);
                case "uuid" -> UUID.fromString(value);
                case "number" -> new BigDecimal(value);
                default -> {
                    // formats without a parser here are free text
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = document.at(ref.substring(1));
        }
        return schema;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            return fields;
        };
    }
}
