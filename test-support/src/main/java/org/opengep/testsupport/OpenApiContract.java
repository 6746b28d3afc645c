package org.opengep.testsupport;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * The OpenAPI document a service serves is a contract: it is committed under {@code openapi/} at the project root,
 * integrators and our own services generate clients from it, and a test keeps it equal to what is served.
 * After an intended API change, run the service's tests with {@code -Dopenapi.update=true} to rewrite the file,
 * then review the diff.
 */
public final class OpenApiContract {

    private OpenApiContract() {}

    /** The committed document of a service: {@code openapi/<service>.yaml} in the project root. */
    public static Path committedDocument(String service) {
        return ProjectRoot.path().resolve("openapi").resolve(service + ".yaml");
    }

    /**
     * Asserts that the running test service serves a document that keeps {@link OpenApiRules} and is exactly its
     * committed document (in update mode it first rewrites the committed document).
     */
    public static void assertServedEqualsCommitted(String service) throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        Path committed = committedDocument(service);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(committed, served);
        }
        List<String> violations = OpenApiRules.violations(served);
        Assertions.assertTrue(violations.isEmpty(), "the OpenAPI document breaks our rules:\n" + String.join("\n", violations));
        Assertions.assertTrue(Files.exists(committed), committed + " is missing: run the tests with -Dopenapi.update=true");
        Assertions.assertEquals(Files.readString(committed), served, "the served OpenAPI document drifted from "
                + committed + "; if the change is intended, run the tests with -Dopenapi.update=true and commit the file");
    }

    /**
     * Asserts that every status a service's API tests received (recorded by {@link ObservedResponses} in
     * {@code observed}) is documented for its operation in the service's committed document.
     */
    public static void assertObservedResponsesDocumented(String service, Path observed) throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(committedDocument(service))).path("paths");
        Map<String, Pattern> templates = new LinkedHashMap<>();
        paths.fieldNames().forEachRemaining(t -> templates.put(t, Pattern.compile(t.replaceAll("\\{[^}]+}", "[^/]+"))));
        Set<String> undocumented = new TreeSet<>();
        List<String> lines = Files.readAllLines(observed);
        for (String line : lines) {
            String[] parts = line.split(" ");
            String method = parts[0].toLowerCase(Locale.ROOT);
            String status = parts[2];
            // the most specific template that matches: literal segments win over parameters
            String template = templates.entrySet().stream().filter(e -> e.getValue().matcher(parts[1]).matches())
                    .map(Map.Entry::getKey).min(Comparator.comparingLong(t -> t.chars().filter(ch -> ch == '{').count())).orElse(null);
            if (template == null) {
                continue; // no such path: the 404 of an unknown URL, not an operation's answer
            }
            JsonNode operation = paths.path(template).path(method);
            if (!operation.isMissingNode() && !operation.path("responses").has(status)) {
                undocumented.add(method.toUpperCase(Locale.ROOT) + " " + template + " answers " + status);
            }
        }
        Assertions.assertFalse(lines.isEmpty(), "no API answer was recorded in " + observed);
        Assertions.assertTrue(undocumented.isEmpty(), "statuses the tests received that " + service + "'s OpenAPI document does not "
                + "name for the operation:\n" + String.join("\n", undocumented));
    }
}
