package org.opengep.testsupport;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * What an outside tester sends to every operation of a service's OpenAPI document, and what each must answer: a
 * problem document ({@code application/problem+json}) with the status the README promises and, where one field is
 * wrong, that field named; and nothing changed ({@link #state}). For each operation: a malformed escape, an
 * over-long URI and over-long headers; a NUL and an over-long value in every query and path parameter; with a body, a wrong Content-Type,
 * a declared size over the limit, a member given twice, invalid UTF-8 (an overlong form, an encoded surrogate), and for every field of the valid body
 * the hostile values of its documented type (text: NUL, an unpaired surrogate, a number, 100 000 characters; whole
 * numbers: a fraction, 10^40, 1e400; decimals: 1e400, 10^40, 1E-400; dates: {@code []} and {@code {}}; lists: a
 * null element; enums: their position).
 * <p>
 * The requests are written byte for byte ({@link RawHttp}); the valid bodies come from the test, which knows what
 * its service needs; an operation of the document with a body but no valid body given fails the run.
 */
public final class HostileInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "@@hostile@@";

    private final JsonNode document;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, String> pathValues = new HashMap<>();
    private String defaultToken;
    private Supplier<String> state = () -> "";
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int operations;

    private HostileInputs(JsonNode document) {
        this.document = document;
    }

    /** The operations of the service under test, as it serves its document. */
    public static HostileInputs forServedDocument() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        try {
            return new HostileInputs(JSON.readTree(served));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token every request carries: one whose roles pass every operation's role check. */
    public HostileInputs token(String token) {
        this.defaultToken = token;
        return this;
    }

    public HostileInputs token(String operationId, String token) {
        tokens.put(operationId, token);
        return this;
    }

    /** A valid JSON body of an operation (the hostile bodies are made from it). */
    public HostileInputs body(String operationId, Object body) {
        try {
            bodies.put(operationId, body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    /** The value of a path parameter (e.g. {@code id}) in every path that has it. */
    public HostileInputs pathValue(String name, Object value) {
        pathValues.put(name, value.toString());
        return this;
    }

    /** What must be the same before and after (e.g. {@link DatabaseState#of}): a hostile request changes nothing. */
    public HostileInputs state(Supplier<String> state) {
        this.state = state;
        return this;
    }

    /** Sends everything, then fails naming every answer that broke a rule. */
    public void assertAllRefused() {
        String before = state.get();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(op.getKey()) && path.getKey().startsWith("/api/")) {
                operation(op.getKey().toUpperCase(), path.getKey(), path.getValue(), op.getValue());
            }
        }));
        Assertions.assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " hostile requests were not refused as they must be:\n"
                + String.join("\n", failures));
        Assertions.assertEquals(before, state.get(), "a hostile request changed what is stored");
        System.out.println("HostileInputs: " + requests + " hostile requests to " + operations + " operations, each refused as it must be");
    }

    private void operation(String method, String template, JsonNode pathItem, JsonNode op) {
        String id = op.path("operationId").asText();
        operations++;
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        String path = filled(template, Map.of());
        Call call = new Call(id, method, tokens.getOrDefault(id, defaultToken));
        call.expect("a malformed escape", path + "?x=%ZZ", null, null, 400, "uri");
        call.expect("an over-long URI", path + "?x=" + "a".repeat(9000), null, null, 414, null);
        call.expectWithHeaders("30 000 bytes of headers", path, Map.of("X-Padding", "a".repeat(30_000)), null, 431);
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            if (in.equals("query")) {
                call.expect("NUL in query parameter " + name, path + "?" + name + "=a%00b", null, null, 400, name);
                call.expect("an over-long query parameter " + name, path + "?" + name + "=" + "a".repeat(201), null, null, 400, name);
            } else if (in.equals("path")) {
                call.expect("NUL in path parameter " + name, filled(template, Map.of(name, "a%00b")), null, null, 400, name);
                call.expect("an over-long path parameter " + name, filled(template, Map.of(name, "a".repeat(201))), null, null, 400, name);
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            String body = bodies.get(id);
            if (body == null) {
                failures.add(id + ": no valid body was given for its hostile variants");
                return;
            }
            body(call, path, body, content.path("application/json").path("schema"));
        }
    }

    /** The path with each parameter's value: the one given here, else the test's ({@link #pathValue}), else a UUID. */
    private String filled(String template, Map<String, String> values) {
        Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            parameter.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(name,
                    pathValues.getOrDefault(name, "00000000-0000-4000-8000-000000000000"))));
        }
        return parameter.appendTail(path).toString();
    }

    private void body(Call call, String path, String valid, JsonNode schema) {
        call.expect("an unsupported Content-Type", path, "text/x-unknown", valid.getBytes(StandardCharsets.UTF_8), 415, null);
        call.expect("a Content-Type that is no media type", path, "garbage", valid.getBytes(StandardCharsets.UTF_8), 415, null);
        call.expectWithHeaders("a body declared larger than the limit", path, Map.of("Content-Type", "application/json", "Content-Length", "999999999"),
                new byte[0], 413);
        JsonNode tree;
        try {
            tree = JSON.readTree(valid);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(call.id + ": the valid body is not JSON", e);
        }
        if (tree instanceof ObjectNode object && object.size() > 0) {
            String first = object.fieldNames().next();
            String duplicated = valid.strip().substring(0, valid.strip().length() - 1) + ", \"" + first + "\": " + object.get(first) + "}";
            call.expect("the member " + first + " given twice", path, duplicated, 400, null);
        }
        boolean encodingSent = false;
        for (Leaf leaf : leaves(tree, "", schema)) {
            for (Map.Entry<String, String> hostile : hostileValues(leaf).entrySet()) {
                String field = hostile.getKey().startsWith("a null element") ? leaf.path + "[0]" : leaf.path;
                call.expect(hostile.getKey() + " in " + leaf.path, path, replaced(tree, leaf.steps, hostile.getValue()), 400, field);
            }
            if (!encodingSent && leaf.type().equals("string")) {
                encodingSent = true; // in the first text of the body
                for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
                    String[] around = replaced(tree, leaf.steps, "\"" + MARK + "\"").split(MARK, -1);
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    bytes.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
                    bytes.writeBytes(bad);
                    bytes.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
                    call.expect("invalid UTF-8 in " + leaf.path, path, "application/json", bytes.toByteArray(), 400, "body");
                }
            }
        }
    }

    /** Hostile raw JSON values for one field, by what the document says it is. */
    private static Map<String, String> hostileValues(Leaf leaf) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        switch (leaf.type()) {
            case "string" -> {
                values.put("NUL", "\"a\\u0000b\"");
                values.put("an unpaired surrogate", "\"a\\ud800b\"");
                values.put("a number for text", "0");
                if (leaf.schema.has("format") && leaf.schema.path("format").asText().startsWith("date")) {
                    values.put("[] for a date", "[]");
                    values.put("{} for a date", "{}");
                } else if (!leaf.schema.has("enum") && !leaf.schema.has("format")) {
                    values.put("100 000 characters", "\"" + "x".repeat(100_000) + "\"");
                }
            }
            case "integer" -> {
                values.put("a fraction for a whole number", "1.5");
                values.put("10^40", "1" + "0".repeat(40));
                values.put("1e400", "1e400");
            }
            case "number" -> {
                values.put("1e400", "1e400");
                values.put("10^40", "1" + "0".repeat(40));
                values.put("1E-400", "1E-400");
            }
            case "boolean" -> values.put("a number for true or false", "1");
            case "array" -> values.put("a null element", "[null]");
            default -> { }
        }
        return values;
    }

    private record Leaf(String path, List<Object> steps, JsonNode schema) {

        String type() {
            if (schema.has("enum")) {
                return "string";
            }
            JsonNode type = schema.path("type");
            return type.isArray() ? type.path(0).asText() : type.asText("object");
        }
    }

    /** Every field of the valid body with its schema: the values themselves, and the lists. */
    private List<Leaf> leaves(JsonNode node, String path, JsonNode schema) {
        List<Leaf> leaves = new ArrayList<>();
        collect(node, path, new ArrayList<>(), resolve(schema), leaves);
        return leaves;
    }

    private void collect(JsonNode node, String path, List<Object> steps, JsonNode schema, List<Leaf> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                JsonNode property = schema.path("properties").has(member.getKey()) ? schema.path("properties").path(member.getKey())
                        : schema.path("additionalProperties");
                List<Object> next = new ArrayList<>(steps);
                next.add(member.getKey());
                collect(member.getValue(), path.isEmpty() ? member.getKey() : path + "." + member.getKey(), next, resolve(property), leaves);
            }
        } else if (node.isArray()) {
            if (!path.isEmpty()) {
                leaves.add(new Leaf(path, steps, schema));
            }
            if (node.size() > 0) {
                List<Object> next = new ArrayList<>(steps);
                next.add(0);
                collect(node.get(0), path + "[0]", next, resolve(schema.path("items")), leaves);
            }
        } else if (!node.isNull() && !path.isEmpty()) {
            leaves.add(new Leaf(path, steps, schema));
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        if (ref.isTextual()) {
            return resolve(document.path("components").path("schemas").path(ref.asText().substring(ref.asText().lastIndexOf('/') + 1)));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").path(0));
        }
        return schema;
    }

    /** The valid body with the field at {@code steps} replaced by raw JSON text. */
    private static String replaced(JsonNode tree, List<Object> steps, String rawValue) {
        JsonNode copy = tree.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = steps.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) steps.get(i));
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, TextNode.valueOf(MARK));
        } else {
            ((ObjectNode) parent).set((String) last, TextNode.valueOf(MARK));
        }
        return copy.toString().replace("\"" + MARK + "\"", rawValue);
    }

    /** One operation's requests and their checks. */
    private final class Call {

        final String id;
        final String method;
        final String token;

        Call(String id, String method, String token) {
            this.id = id;
            this.method = method;
            this.token = token;
        }

        void expect(String what, String target, String json, int status, String field) {
            expect(what, target, "application/json", json.getBytes(StandardCharsets.UTF_8), status, field);
        }

        void expect(String what, String target, String contentType, byte[] body, int status, String field) {
            send(what, target, body == null ? Map.of() : Map.of("Content-Type", contentType), body, status, field);
        }

        void expectWithHeaders(String what, String target, Map<String, String> extraHeaders, byte[] body, int status) {
            send(what, target, extraHeaders, body, status, null);
        }

        private void send(String what, String target, Map<String, String> extraHeaders, byte[] body, int status, String field) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + token);
            headers.put("Accept", "application/json");
            headers.putAll(extraHeaders);
            RawHttp.Answer answer = RawHttp.send(host(), RestAssured.port, method, target, headers, body);
            requests++;
            int query = target.indexOf('?');
            ObservedResponses.record(method, query < 0 ? target : target.substring(0, query), answer.status());
            String problem = check(answer, status, field);
            if (problem != null) {
                failures.add(id + " (" + method + " " + abbreviated(target) + ") with " + what + ": " + problem + "; got " + answer.status()
                        + " " + abbreviated(answer.text()));
            }
        }

        private static String check(RawHttp.Answer answer, int status, String field) {
            if (answer.status() != status) {
                return "expected " + status;
            }
            if (!answer.contentType().startsWith("application/problem+json")) {
                return "expected a problem document (application/problem+json)";
            }
            if (field == null) {
                return null;
            }
            try {
                for (JsonNode error : JSON.readTree(answer.body()).path("errors")) {
                    if (error.path("field").asText().equals(field)) {
                        return null;
                    }
                }
            } catch (java.io.IOException e) {
                return "the problem document is not JSON";
            }
            return "expected the problem to name " + field;
        }

        private static String host() {
            return java.net.URI.create(RestAssured.baseURI).getHost();
        }

        private static String abbreviated(String text) {
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }
}
