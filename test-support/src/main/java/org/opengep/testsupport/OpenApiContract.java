package org.opengep.testsupport;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("openapi"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no openapi/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("openapi").resolve(service + ".yaml");
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
}
