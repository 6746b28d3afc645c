package org.opengep.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.registry.rest.Fixtures.forestSink;
import static org.opengep.registry.rest.Fixtures.newHolder;
import static org.opengep.registry.rest.Fixtures.reader;
import static org.opengep.registry.rest.Fixtures.registered;
import static org.opengep.registry.rest.Fixtures.registrar;
import static org.opengep.testsupport.ApiRequests.number;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
class IdempotencyTest {

    @Inject
    DataSource dataSource;

    private static Map<String, Object> issue(String productId, int quantity) {
        return Map.of("productId", productId, "rightType", "CCER", "quantity", quantity);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndIssuesNothingMore() {
        String product = registered(forestSink(newHolder(), "100", 2024));
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = registrar().header("Idempotency-Key", key).body(issue(product, 10))
                .post("/api/v1/issuances").then().statusCode(201).extract();
        ExtractableResponse<Response> retry = registrar().header("Idempotency-Key", key).body(issue(product, 10))
                .post("/api/v1/issuances").then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(retry.body().asString()).isEqualTo(first.body().asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        reader().get("/api/v1/products/" + product).then().body("issuedQuantity", number("10"));
        // the key is the caller's: another registrar's identical request with the same key is a request of its own
        registrar("registrar-zhao").header("Idempotency-Key", key).body(issue(product, 10)).post("/api/v1/issuances").then()
                .statusCode(201).header("Idempotent-Replayed", (String) null);
        reader().get("/api/v1/products/" + product).then().body("issuedQuantity", number("20"));
    }

    @Test
    void concurrentRequestsWithOneKeyIssueOnce() throws Exception {
        String product = registered(forestSink(newHolder(), "1000", 2024));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ExtractableResponse<Response>>> outcomes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            outcomes.add(pool.submit(() -> registrar().header("Idempotency-Key", key).body(issue(product, 10)).post("/api/v1/issuances")
                    .then().extract()));
        }
        int created = 0;
        for (Future<ExtractableResponse<Response>> outcome : outcomes) {
            ExtractableResponse<Response> r = outcome.get();
            assertThat(r.statusCode()).isIn(201, 409);
            if (r.statusCode() == 201 && r.header("Idempotent-Replayed") == null) {
                created++;
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        reader().get("/api/v1/products/" + product).then().body("issuedQuantity", number("10"));
    }

    @Test
    void theSameKeyForAnotherRequestIs422() {
        String product = registered(forestSink(newHolder(), "100", 2024));
        String key = UUID.randomUUID().toString();
        registrar().header("Idempotency-Key", key).body(issue(product, 10)).post("/api/v1/issuances").then().statusCode(201);
        registrar().header("Idempotency-Key", key).body(issue(product, 11)).post("/api/v1/issuances").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://opengep.org/problems/idempotency-key-reused"));
        reader().get("/api/v1/products/" + product).then().body("issuedQuantity", number("10"));
    }

    @Test
    void whileTheFirstRequestRunsASecondIs409() throws Exception {
        String product = registered(forestSink(newHolder(), "100", 2024));
        String key = UUID.randomUUID().toString();
        // hold the key's lock as a running request does
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                s.setString(1, "registrar-li\n" + key);
                s.execute();
            }
            registrar().header("Idempotency-Key", key).body(issue(product, 10)).post("/api/v1/issuances").then().statusCode(409)
                    .body("type", equalTo("https://opengep.org/problems/idempotency-key-in-use"));
            c.rollback();
        }
        registrar().header("Idempotency-Key", key).body(issue(product, 10)).post("/api/v1/issuances").then().statusCode(201);
    }

    @Test
    void aFailedRequestLeavesTheKeyFree() {
        String product = registered(forestSink(newHolder(), "100", 2024));
        String key = UUID.randomUUID().toString();
        registrar().header("Idempotency-Key", key).body(issue(product, 101)).post("/api/v1/issuances").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/over-issuance"));
        registrar().header("Idempotency-Key", key).body(issue(product, 100)).post("/api/v1/issuances").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        registrar().header("Idempotency-Key", "k".repeat(256)).body(issue(product, 1)).post("/api/v1/issuances").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void holdersAndTransitionsTakeKeysToo() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> holder = Map.of("kind", "ORGANISATION", "name", "幂等合作社", "uscc", Fixtures.newUscc());
        String id = registrar().header("Idempotency-Key", key).body(holder).post("/api/v1/holders").then().statusCode(201).extract().path("id");
        registrar().header("Idempotency-Key", key).body(holder).post("/api/v1/holders").then().statusCode(201).body("id", equalTo(id));
        String product = Fixtures.create(forestSink(id, "10", 2024));
        String moveKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            registrar().header("Idempotency-Key", moveKey).body(Map.of("to", "SUBMITTED")).post("/api/v1/products/" + product + "/transitions")
                    .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        }
        reader().get("/api/v1/products/" + product + "/transitions").then().body("size()", equalTo(1));
    }
}
