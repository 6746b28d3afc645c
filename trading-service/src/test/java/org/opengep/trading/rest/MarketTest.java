package org.opengep.trading.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.opengep.trading.rest.TradingFixtures.REGISTRY;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.available;
import static org.opengep.trading.rest.TradingFixtures.holderWith;
import static org.opengep.trading.rest.TradingFixtures.post;
import static org.opengep.trading.rest.TradingFixtures.reconciliationIsClean;
import static org.opengep.trading.rest.TradingFixtures.sync;
import static org.opengep.trading.rest.TradingFixtures.trade;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;

/** Batches and compliance surrenders. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class MarketTest {

    private static JsonPath batch(UUID seller, List<Map<String, Object>> trades) {
        return trader(seller).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("trades", trades))
                .post("/api/v1/trade-batches").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachTradeOfABatchHasItsOwnOutcome() {
        UUID seller = holderWith(1000);
        UUID suspended = UUID.randomUUID();
        REGISTRY.status(suspended, "SUSPENDED");
        List<Map<String, Object>> trades = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            trades.add(trade(seller, UUID.randomUUID(), 50));
        }
        Map<String, Object> half = trade(seller, UUID.randomUUID(), 1);
        half.put("quantity", new BigDecimal("0.5"));
        trades.add(2, half);
        trades.add(3, trade(seller, suspended, 10));
        JsonPath result = batch(seller, trades);
        assertThat(result.getInt("recorded")).isEqualTo(20);
        assertThat(result.getInt("outcomes[2].status")).isEqualTo(400);
        assertThat(result.getString("outcomes[2].problem.errors[0].field")).isEqualTo("quantity");
        assertThat(result.getString("outcomes[3].problem.type")).endsWith("/holder-not-active");
        assertThat(result.getInt("outcomes[21].status")).isEqualTo(201);
        assertThat(result.getString("outcomes[22].problem.type")).endsWith("/insufficient-balance");
        assertThat(available(seller)).isEqualByComparingTo("0");
        trader(seller).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("trades", List.of())).post("/api/v1/trade-batches")
                .then().statusCode(400).body("errors[0].field", equalTo("trades"));
        reconciliationIsClean();
    }

    @Test
    void opposingBatchesNeverDeadlock() throws Exception {
        // sellers and buyers drawn from one pool, so that batches touch each other's balances in every order
        List<UUID> holders = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            UUID holder = UUID.randomUUID();
            REGISTRY.issue(holder, "FOREST_CARBON_SINK", 2024, 1000);
            holders.add(holder);
        }
        sync();
        java.util.Random random = new java.util.Random(7);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            UUID from = holders.get(n);
            List<Map<String, Object>> trades = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                UUID to = holders.get(random.nextInt(holders.size()));
                trades.add(trade(from, to.equals(from) ? holders.get(299) : to, 1));
            }
            calls.add(() -> batch(from, trades).getInt("recorded"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int recorded = 0;
        for (Future<Integer> f : pool.invokeAll(calls)) {
            recorded += f.get();
        }
        pool.shutdown();
        assertThat(recorded).isEqualTo(2000);
        reconciliationIsClean();
    }

    @Test
    void complianceSurrenderTakesCcerUpToItsShare() {
        UUID holder = UUID.randomUUID();
        REGISTRY.issue(holder, "CARBON_ALLOWANCE", 2025, 95);
        REGISTRY.issue(holder, "CCER", 2024, 10);
        sync();
        Map<String, Object> tooMuchCcer = Map.of("holderId", holder.toString(), "complianceYear", 2025, "obligation", 100,
                "parts", List.of(Map.of("rightType", "CARBON_ALLOWANCE", "vintage", 2025, "quantity", 90),
                        Map.of("rightType", "CCER", "vintage", 2024, "quantity", 10)));
        trader(holder).header("Idempotency-Key", UUID.randomUUID().toString()).body(tooMuchCcer).post("/api/v1/surrenders").then()
                .statusCode(400).body("errors[0].message", equalTo("CCER covers 10 tCO2e, more than 5 % of the obligation"));
        Map<String, Object> ok = Map.of("holderId", holder.toString(), "complianceYear", 2025, "obligation", 100,
                "parts", List.of(Map.of("rightType", "CARBON_ALLOWANCE", "vintage", 2025, "quantity", 95),
                        Map.of("rightType", "CCER", "vintage", 2024, "quantity", 5)));
        trader(holder).header("Idempotency-Key", UUID.randomUUID().toString()).body(ok).post("/api/v1/surrenders").then().statusCode(201)
                .body("$", hasSize(2)).body("[0].kind", equalTo("SURRENDER"));
        auditor().get("/api/v1/accounts/" + holder + "/balances").then()
                .body("find { it.rightType == 'CARBON_ALLOWANCE' }.retired", equalTo(95)).body("find { it.rightType == 'CCER' }.available", equalTo(5));
        reconciliationIsClean();
    }
}
