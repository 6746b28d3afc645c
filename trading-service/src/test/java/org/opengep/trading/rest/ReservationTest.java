package org.opengep.trading.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.opengep.trading.rest.TradingFixtures.REGISTRY;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.available;
import static org.opengep.trading.rest.TradingFixtures.holderWith;
import static org.opengep.trading.rest.TradingFixtures.operator;
import static org.opengep.trading.rest.TradingFixtures.post;
import static org.opengep.trading.rest.TradingFixtures.reconciliationIsClean;
import static org.opengep.trading.rest.TradingFixtures.sync;
import static org.opengep.trading.rest.TradingFixtures.trade;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
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

/** Two-phase trades, pledges and freezes: reserved units cannot move, and each reservation ends exactly once. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class ReservationTest {

    private static String pending(UUID seller, UUID buyer, long quantity, Long expiresIn) {
        Map<String, Object> t = trade(seller, buyer, quantity);
        t.put("twoPhase", true);
        if (expiresIn != null) {
            t.put("expiresInSeconds", expiresIn);
        }
        return post(seller, t).then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
    }

    private static RequestSpecification keyed(RequestSpecification who) {
        return who.header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static Object bucket(UUID holder, String bucket) {
        return auditor().get("/api/v1/accounts/" + holder + "/balances").then().extract().path("find { it.rightType == 'FOREST_CARBON_SINK' }." + bucket);
    }

    @Test
    void aPartialSettlementDeliversPartAndReturnsTheRest() {
        UUID seller = holderWith(1000);
        UUID buyer = UUID.randomUUID();
        String id = pending(seller, buyer, 100, null);
        assertThat(available(seller)).isEqualByComparingTo("900");
        assertThat(bucket(seller, "pending")).isEqualTo(100);
        // reserved units cannot be sold twice
        post(seller, trade(seller, UUID.randomUUID(), 901)).then().statusCode(409);
        keyed(trader(buyer)).body(Map.of("quantity", 60)).post("/api/v1/trades/" + id + "/settlement").then().statusCode(200)
                .body("status", equalTo("SETTLED")).body("settledQuantity", equalTo(60));
        assertThat(available(buyer)).isEqualByComparingTo("60");
        assertThat(available(seller)).isEqualByComparingTo("940");
        assertThat(bucket(seller, "pending")).isEqualTo(0);
        keyed(trader(seller)).post("/api/v1/trades/" + id + "/cancellation").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/already-resolved"));
        keyed(trader(buyer)).body(Map.of("quantity", 101)).post("/api/v1/trades/" + pending(seller, buyer, 100, null) + "/settlement").then()
                .statusCode(400).body("errors[0].field", equalTo("quantity"));
        keyed(trader(UUID.randomUUID())).post("/api/v1/trades/" + id + "/cancellation").then().statusCode(403);
        reconciliationIsClean();
    }

    @Test
    void concurrentResolutionsResolveOnce() throws Exception {
        UUID seller = holderWith(100);
        UUID buyer = UUID.randomUUID();
        String id = pending(seller, buyer, 100, null);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(i % 2 == 0 ? () -> keyed(trader(buyer)).post("/api/v1/trades/" + id + "/settlement").statusCode()
                    : () -> keyed(trader(seller)).post("/api/v1/trades/" + id + "/cancellation").statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(available(seller).add(available(buyer))).isEqualByComparingTo("100");
        reconciliationIsClean();
    }

    @Test
    void anUnsettledTradeExpiresAndTheUnitsReturn() throws Exception {
        UUID seller = holderWith(100);
        UUID buyer = UUID.randomUUID();
        String id = pending(seller, buyer, 40, 1L);
        Thread.sleep(1_200);
        operator().post("/api/v1/expiry").then().statusCode(200);
        assertThat(available(seller)).isEqualByComparingTo("100");
        keyed(trader(buyer)).post("/api/v1/trades/" + id + "/settlement").then().statusCode(409)
                .body("detail", equalTo("this trade was EXPIRED already"));
        operator().post("/api/v1/expiry").then().statusCode(200).body("trades", equalTo(0));
        reconciliationIsClean();
    }

    @Test
    void aTradePastItsTimeCannotBeSettledEvenBeforeTheExpiryJobRuns() throws Exception {
        UUID seller = holderWith(100);
        UUID buyer = UUID.randomUUID();
        String id = pending(seller, buyer, 40, 1L);
        Thread.sleep(1_100);
        keyed(trader(buyer)).post("/api/v1/trades/" + id + "/settlement").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/trade-expired"));
        assertThat(available(buyer)).isEqualByComparingTo("0");
        assertThat(bucket(seller, "pending")).isEqualTo(40);
        operator().post("/api/v1/expiry").then().statusCode(200).body("trades", greaterThanOrEqualTo(1));
        assertThat(available(seller)).isEqualByComparingTo("100");
        reconciliationIsClean();
    }

    @Test
    void pledgedUnitsStayUntilReleasedOrEnforced() {
        UUID holder = holderWith(100);
        UUID bank = UUID.randomUUID();
        Map<String, Object> pledge = Map.of("holderId", holder.toString(), "pledgeeId", bank.toString(), "rightType", "FOREST_CARBON_SINK",
                "vintage", 2024, "quantity", 70);
        String first = keyed(trader(holder)).body(pledge).post("/api/v1/pledges").then().statusCode(201).extract().path("id");
        post(holder, trade(holder, UUID.randomUUID(), 31)).then().statusCode(409).body("type", equalTo("https://opengep.org/problems/insufficient-balance"));
        keyed(trader(holder)).post("/api/v1/pledges/" + first + "/release").then().statusCode(403); // the pledgee releases, not the holder
        keyed(trader(bank)).post("/api/v1/pledges/" + first + "/release").then().statusCode(200).body("status", equalTo("RELEASED"));
        assertThat(available(holder)).isEqualByComparingTo("100");
        String second = keyed(trader(holder)).body(pledge).post("/api/v1/pledges").then().statusCode(201).extract().path("id");
        keyed(operator()).post("/api/v1/pledges/" + second + "/enforcement").then().statusCode(200).body("status", equalTo("ENFORCED"));
        assertThat(available(holder)).isEqualByComparingTo("30");
        assertThat(available(bank)).isEqualByComparingTo("70");
        reconciliationIsClean();
    }

    @Test
    void frozenUnitsCannotMoveUntilTheOperatorReleasesThem() {
        UUID holder = holderWith(100);
        Map<String, Object> freeze = Map.of("holderId", holder.toString(), "rightType", "FOREST_CARBON_SINK", "vintage", 2024, "quantity", 100,
                "reason", "法院协助执行通知书 (2026) 浙0101执123号");
        keyed(trader(holder)).body(freeze).post("/api/v1/freezes").then().statusCode(403);
        String id = keyed(operator()).body(freeze).post("/api/v1/freezes").then().statusCode(201).extract().path("id");
        post(holder, trade(holder, UUID.randomUUID(), 1)).then().statusCode(409);
        assertThat(bucket(holder, "frozen")).isEqualTo(100);
        keyed(operator()).post("/api/v1/freezes/" + id + "/release").then().statusCode(200);
        post(holder, trade(holder, UUID.randomUUID(), 1)).then().statusCode(201);
        reconciliationIsClean();
    }

    @Test
    void certificatesPastTheirValidityExpireOnce() {
        UUID holder = UUID.randomUUID();
        REGISTRY.issue(holder, UUID.randomUUID(), "330110", "GREEN_POWER_CERTIFICATE", 2023, 1, 50, "2025-12-31");
        sync();
        operator().post("/api/v1/expiry").then().statusCode(200).body("rightsUnits", equalTo(50));
        operator().post("/api/v1/expiry").then().statusCode(200).body("rightsUnits", equalTo(0));
        auditor().get("/api/v1/accounts/" + holder + "/balances").then().body("[0].expired", equalTo(50)).body("[0].available", equalTo(0));
        reconciliationIsClean();
    }
}
