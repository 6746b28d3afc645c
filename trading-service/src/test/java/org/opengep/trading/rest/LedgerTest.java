package org.opengep.trading.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
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

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class LedgerTest {

    private static List<Integer> concurrently(int threads, List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = pool.invokeAll(calls);
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void eachIssuanceEntersOnceHoweverOftenAndConcurrentlyTheFeedIsRead() throws Exception {
        UUID holder = UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            REGISTRY.issue(holder, "FOREST_CARBON_SINK", 2024, 100);
        }
        List<Callable<Integer>> syncs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            syncs.add(() -> operator().post("/api/v1/feed/sync").statusCode());
        }
        assertThat(concurrently(6, syncs)).containsOnly(200);
        sync();
        assertThat(available(holder)).isEqualByComparingTo("700");
        reconciliationIsClean();
    }

    @Test
    void aPartialTradeSplitsTheBlockAndTheHistoryShowsWhoHeldEachSerial() {
        UUID seller = holderWith(1000);
        UUID buyer = UUID.randomUUID();
        String serials = post(seller, trade(seller, buyer, 300)).then().statusCode(201).body("quantity", equalTo(300))
                .extract().path("serials[0]");
        assertThat(serials).endsWith("-701-1000");
        assertThat(available(seller)).isEqualByComparingTo("700");
        assertThat(available(buyer)).isEqualByComparingTo("300");
        auditor().get("/api/v1/accounts/" + seller + "/holdings").then().statusCode(200).body("first", contains(endsWith("-1")))
                .body("last", contains(endsWith("-700")));
        String prefix = serials.substring(0, serials.length() - "-701-1000".length());
        auditor().get("/api/v1/serials/" + prefix + "-800/history").then().statusCode(200)
                .body("holderId", contains(seller.toString(), buyer.toString()));
        reconciliationIsClean();
    }

    @Test
    void concurrentTradesNeverOverdrawTheSeller() throws Exception {
        UUID seller = holderWith(1000);
        List<Callable<Integer>> trades = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID buyer = UUID.randomUUID();
            trades.add(() -> post(seller, trade(seller, buyer, 50)).statusCode());
        }
        List<Integer> statuses = concurrently(16, trades);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(20);
        assertThat(available(seller)).isEqualByComparingTo("0");
        reconciliationIsClean();
    }

    @Test
    void opposingTradesNeverDeadlock() throws Exception {
        UUID a = holderWith(1000);
        UUID b = holderWith(1000);
        List<Callable<Integer>> trades = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID from = i % 2 == 0 ? a : b;
            UUID to = i % 2 == 0 ? b : a;
            trades.add(() -> post(from, trade(from, to, 10)).statusCode());
        }
        assertThat(concurrently(16, trades)).containsOnly(201);
        assertThat(available(a).add(available(b))).isEqualByComparingTo("2000");
        reconciliationIsClean();
    }

    @Test
    void retiredUnitsNeverMoveAgain() {
        UUID holder = holderWith(100);
        trader(holder).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("holderId", holder.toString(), "rightType", "FOREST_CARBON_SINK", "vintage", 2024, "quantity", 100,
                        "purpose", "2025年度碳中和", "beneficiary", "某某公司"))
                .post("/api/v1/retirements").then().statusCode(201).body("kind", equalTo("RETIREMENT"));
        post(holder, trade(holder, UUID.randomUUID(), 1)).then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/insufficient-balance"));
        auditor().get("/api/v1/accounts/" + holder + "/balances").then().body("[0].retired", equalTo(100));
        reconciliationIsClean();
    }

    @Test
    void badInputIsNamed() {
        UUID seller = holderWith(10);
        Map<String, Object> half = trade(seller, UUID.randomUUID(), 1);
        half.put("quantity", new BigDecimal("1.5"));
        post(seller, half).then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        Map<String, Object> self = trade(seller, seller, 1);
        post(seller, self).then().statusCode(400).body("errors[0].field", equalTo("buyerId"));
        UUID other = holderWith(10);
        post(seller, trade(other, seller, 1)).then().statusCode(403).body("type", equalTo("https://opengep.org/problems/not-your-account"));
        trader(seller).body(trade(seller, other, 1)).post("/api/v1/trades").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
