package org.opengep.trading.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opengep.trading.rest.TradingFixtures.REGISTRY;
import static org.opengep.trading.rest.TradingFixtures.available;
import static org.opengep.trading.rest.TradingFixtures.holderWith;
import static org.opengep.trading.rest.TradingFixtures.operator;
import static org.opengep.trading.rest.TradingFixtures.post;
import static org.opengep.trading.rest.TradingFixtures.trade;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;

/** Metrics an operator scrapes, and the trace context that follows a request into the calls it makes. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class ObservabilityTest {

    @Test
    void theTraceOfARequestContinuesIntoTheRegistryCall() {
        UUID holder = UUID.randomUUID();
        REGISTRY.issue(holder, "CCER", 2024, 5);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        operator().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").post("/api/v1/feed/sync").then().statusCode(200);
        assertThat(REGISTRY.service().traceparents()).anySatisfy(t -> assertThat(t).startsWith("00-" + traceId + "-"));
    }

    @Test
    void recordedTradesAndProblemsAreCounted() {
        double before = counter("gep_movements_recorded_total", "kind=\"trade\"");
        double problemsBefore = counter("gep_problems_total", "type=\"invalid-input\"");
        UUID seller = holderWith(100);
        post(seller, trade(seller, UUID.randomUUID(), 10)).then().statusCode(201);
        // a retry with the same key replays the answer and counts nothing more
        Map<String, Object> retried = trade(seller, UUID.randomUUID(), 20);
        String key = UUID.randomUUID().toString();
        trader(seller).header("Idempotency-Key", key).body(retried).post("/api/v1/trades").then().statusCode(201);
        trader(seller).header("Idempotency-Key", key).body(retried).post("/api/v1/trades").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        post(seller, trade(seller, seller, 5)).then().statusCode(400);
        assertThat(counter("gep_movements_recorded_total", "kind=\"trade\"")).isEqualTo(before + 2);
        assertThat(counter("gep_problems_total", "type=\"invalid-input\"")).isEqualTo(problemsBefore + 1);
    }

    @Test
    void concurrentTradesShareTransactionsAndTheBatchesAreMeasured() throws Exception {
        UUID seller = holderWith(24);
        double movementsBefore = value("gep_ledger_batch_movements_sum");
        double batchesBefore = value("gep_ledger_batch_movements_count");
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int n = 0; n < 24; n++) {
            answers.add(pool.submit(() -> post(seller, trade(seller, UUID.randomUUID(), 1)).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(201);
        }
        pool.shutdown();
        assertThat(available(seller)).isEqualByComparingTo("0");
        // every trade was committed in some batch: the movements add up, in at most as many transactions as trades
        assertThat(value("gep_ledger_batch_movements_sum") - movementsBefore).isEqualTo(24);
        assertThat(value("gep_ledger_batch_movements_count") - batchesBefore).isBetween(1.0, 24.0);
        assertThat(value("gep_ledger_batch_duration_seconds_count")).isPositive();
    }

    /** The value of a Prometheus metric without labels (or with any), 0 when it has not been recorded yet. */
    private static double value(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + name + "(\\{[^}]*})? (\\S+)", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    /** The value of a Prometheus counter whose labels contain {@code label}, 0 when it has not been counted yet. */
    private static double counter(String name, String label) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
