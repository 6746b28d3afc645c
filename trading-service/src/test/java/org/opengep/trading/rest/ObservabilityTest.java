package org.opengep.trading.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opengep.trading.rest.TradingFixtures.REGISTRY;
import static org.opengep.trading.rest.TradingFixtures.holderWith;
import static org.opengep.trading.rest.TradingFixtures.operator;
import static org.opengep.trading.rest.TradingFixtures.post;
import static org.opengep.trading.rest.TradingFixtures.trade;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
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

    /** The value of a Prometheus counter whose labels contain {@code label}, 0 when it has not been counted yet. */
    private static double counter(String name, String label) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
