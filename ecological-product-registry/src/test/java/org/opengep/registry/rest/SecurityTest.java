package org.opengep.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.registry.rest.Fixtures.forestSink;
import static org.opengep.registry.rest.Fixtures.newHolder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.HolderClaim;
import org.opengep.common.security.Roles;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.testsupport.ApiRequests;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
class SecurityTest {

    @Test
    void withoutAValidTokenNothingIsAnswered() {
        given().get("/api/v1/products").then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        ApiRequests.withToken(TestTokens.foreignToken("mallory", Roles.Registry.REGISTRAR)).get("/api/v1/products").then().statusCode(401);
    }

    @Test
    void eachRoleDoesItsOwnWork() {
        // a role of another service grants nothing here
        ApiRequests.asUser("accountant", "gep-accountant").get("/api/v1/products").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://opengep.org/problems/forbidden"));
        Fixtures.reader().body(Map.of("kind", "ORGANISATION", "name", "x", "uscc", Fixtures.newUscc())).post("/api/v1/holders").then().statusCode(403);
        Fixtures.verifier().body(forestSink(newHolder(), "1", 2024)).post("/api/v1/products").then().statusCode(403);
        Fixtures.reader().body(Map.of("productId", "00000000-0000-0000-0000-000000000001", "rightType", "CCER", "quantity", 1))
                .post("/api/v1/issuances").then().statusCode(403);
        Fixtures.holder(newHolder()).get("/api/v1/holders").then().statusCode(403);
    }

    @Test
    void aHolderTokenMustNameItsHolder() {
        ApiRequests.asUser("someone", Roles.Registry.HOLDER).get("/api/v1/products").then().statusCode(403)
                .body("type", equalTo("https://opengep.org/problems/invalid-holder-claim"));
        ApiRequests.asUser("someone", Map.of(HolderClaim.NAME, "not-a-uuid"), Roles.Registry.HOLDER).get("/api/v1/products").then().statusCode(403);
    }

    @Test
    void theOpenApiDocumentDescribesBearerSecurity() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/issuances'.get.responses.'401'.description", equalTo("No valid bearer token"));
    }
}
