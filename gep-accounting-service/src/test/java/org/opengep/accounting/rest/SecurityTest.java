package org.opengep.accounting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.accounting.rest.ApiTest.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class SecurityTest {

    private static final String ACCOUNT = "{\"regionCode\": \"330602\", \"year\": 2020, \"indicators\": "
            + "{\"AGRICULTURE\": {\"value\": {\"value\": 1, \"unit\": \"亿元\"}}}}";

    @Test
    void withoutATokenEveryApiCallIs401Problem() {
        for (String path : new String[] {"/api/v1/regions", "/api/v1/indicators", "/api/v1/price-sets"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("https://opengep.org/problems/unauthorized"));
        }
        given().contentType("application/json").body(ACCOUNT).post("/api/v1/gep-accounts").then().statusCode(401);
    }

    @Test
    void aTokenSignedByAnotherKeyOrGarbageIs401() {
        given().auth().oauth2(TestTokens.foreignToken("mallory", Roles.Accounting.ACCOUNTANT)).get("/api/v1/regions")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.jwt").get("/api/v1/regions").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theWrongRoleIs403Problem() {
        as(Roles.Accounting.READER).body(ACCOUNT).post("/api/v1/gep-accounts").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://opengep.org/problems/forbidden"));
        as(Roles.Accounting.PUBLISHER).body("{\"name\": \"x\"}").post("/api/v1/price-sets").then().statusCode(403);
        as("someone-else").get("/api/v1/regions").then().statusCode(403);
        as(Roles.Accounting.READER).get("/api/v1/gep-accounts/00000000-0000-0000-0000-000000000001").then().statusCode(403);
    }

    @Test
    void theRightRoleGetsThrough() {
        as(Roles.Accounting.ACCOUNTANT).body(ACCOUNT).post("/api/v1/gep-accounts").then().statusCode(201);
        as(Roles.Accounting.READER).get("/api/v1/indicators").then().statusCode(200).body("catalogue.method.code", equalTo("MEE-2020"));
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/gep-accounts'.post.responses.'401'.content.'application/problem+json'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/gep-accounts'.post.responses.'403'", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.Problem", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/gep-accounts'.post.security[0].bearer", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/gep-accounts'.post.requestBody.content.'application/json'.examples.county", org.hamcrest.Matchers.notNullValue());
    }
}
