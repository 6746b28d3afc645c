package org.opengep.trading.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.opengep.testsupport.ApiRequests.number;
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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.HolderClaim;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.ApiRequests;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;

/** What the ledger refuses, and how it answers a retry; the journal's chain detects an edit. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class GuardsTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyIdempotencyKeyCase() throws Exception {
        UUID seller = holderWith(100);
        UUID buyer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = trader(seller).header("Idempotency-Key", key).body(trade(seller, buyer, 10))
                .post("/api/v1/trades").then().statusCode(201).extract();
        ExtractableResponse<Response> replay = trader(seller).header("Idempotency-Key", key).body(trade(seller, buyer, 10))
                .post("/api/v1/trades").then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(replay.body().asString()).isEqualTo(first.body().asString());
        assertThat(available(seller)).isEqualByComparingTo("90");
        trader(seller).header("Idempotency-Key", key).body(trade(seller, buyer, 11)).post("/api/v1/trades").then().statusCode(422)
                .body("type", equalTo("https://opengep.org/problems/idempotency-key-reused"));
        trader(seller).body(trade(seller, buyer, 10)).post("/api/v1/trades").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        String running = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                s.setString(1, "trader-" + seller + " for " + seller + "\n" + running);
                s.execute();
            }
            trader(seller).header("Idempotency-Key", running).body(trade(seller, buyer, 10)).post("/api/v1/trades").then().statusCode(409)
                    .body("type", equalTo("https://opengep.org/problems/idempotency-key-in-use"));
            c.rollback();
        }
        assertThat(available(seller)).isEqualByComparingTo("90");
    }

    @Test
    void aKeyBelongsToTheCallerAndTheHolderItActsFor() {
        UUID a = holderWith(100);
        UUID c = holderWith(100);
        UUID buyer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        // one user name, two tokens: acting for holder A, then for holder C
        var forA = ApiRequests.asUser("broker", Map.of(HolderClaim.NAME, a.toString()), Roles.Trading.TRADER);
        var forC = ApiRequests.asUser("broker", Map.of(HolderClaim.NAME, c.toString()), Roles.Trading.TRADER);
        String tradeOfA = forA.header("Idempotency-Key", key).body(trade(a, buyer, 10)).post("/api/v1/trades").then().statusCode(201)
                .extract().path("id");
        // acting for C, A's key and request are not A's answer: C may not sell A's units
        ApiRequests.asUser("broker", Map.of(HolderClaim.NAME, c.toString()), Roles.Trading.TRADER).header("Idempotency-Key", key)
                .body(trade(a, buyer, 10)).post("/api/v1/trades").then().statusCode(403).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        // and the same key is C's own for C's own trade
        String tradeOfC = forC.header("Idempotency-Key", key).body(trade(c, buyer, 10)).post("/api/v1/trades").then().statusCode(201)
                .extract().path("id");
        assertThat(tradeOfC).isNotEqualTo(tradeOfA);
        ApiRequests.asUser("broker", Map.of(HolderClaim.NAME, a.toString()), Roles.Trading.TRADER).header("Idempotency-Key", key)
                .body(trade(a, buyer, 10)).post("/api/v1/trades").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(tradeOfA));
        assertThat(available(a)).isEqualByComparingTo("90");
        assertThat(available(c)).isEqualByComparingTo("90");
    }

    @Test
    void holdersMustBeActiveAndRightsRegistered() throws Exception {
        UUID seller = holderWith(100);
        UUID suspended = UUID.randomUUID();
        REGISTRY.status(suspended, "SUSPENDED");
        post(seller, trade(seller, suspended, 10)).then().statusCode(409).body("type", equalTo("https://opengep.org/problems/holder-not-active"));
        UUID holder = UUID.randomUUID();
        UUID product = REGISTRY.issue(holder, "FOREST_CARBON_SINK", 2024, 50);
        sync();
        REGISTRY.status(product, "SUSPENDED");
        post(holder, trade(holder, UUID.randomUUID(), 10)).then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/right-not-registered"));
        trader(holder).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("holderId", holder.toString(), "rightType",
                "FOREST_CARBON_SINK", "vintage", 2024, "quantity", 10, "purpose", "碳中和", "beneficiary", "x")).post("/api/v1/retirements").then()
                .statusCode(409).body("type", equalTo("https://opengep.org/problems/right-not-registered"));
        assertThat(available(holder)).isEqualByComparingTo("50");
        UUID allowances = REGISTRY.issue(holder, "CARBON_ALLOWANCE", 2025, 50);
        sync();
        REGISTRY.status(allowances, "SUSPENDED");
        trader(holder).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("holderId", holder.toString(), "complianceYear", 2025,
                "obligation", 50, "parts", List.of(Map.of("rightType", "CARBON_ALLOWANCE", "vintage", 2025, "quantity", 50))))
                .post("/api/v1/surrenders").then().statusCode(409).body("type", equalTo("https://opengep.org/problems/right-not-registered"));
        reconciliationIsClean();
    }

    @Test
    void registryDownAndNothingFreshKnownIs503AndNothingIsRecorded() throws Exception {
        UUID seller = holderWith(100);
        Thread.sleep(1_100); // the test cache keeps registry answers for 1 s
        REGISTRY.service().stop();
        try {
            post(seller, trade(seller, UUID.randomUUID(), 10)).then().statusCode(503).header("Retry-After", notNullValue())
                    .body("type", equalTo("https://opengep.org/problems/registry-unavailable"));
            TradingFixtures.operator().post("/api/v1/feed/sync").then().statusCode(503);
        } finally {
            REGISTRY.service().start();
        }
        assertThat(available(seller)).isEqualByComparingTo("100");
        long deadline = System.currentTimeMillis() + 15_000;
        while (post(seller, trade(seller, UUID.randomUUID(), 10)).statusCode() != 201) {
            assertThat(System.currentTimeMillis()).as("trading resumes when the registry is back").isLessThan(deadline);
            Thread.sleep(250);
        }
        reconciliationIsClean();
    }

    @Test
    void pollutantsNeverMixAndKeepTheirPrecision() {
        UUID holder = UUID.randomUUID();
        REGISTRY.issuePollutant(holder, "SO2", 2025, 12_345);
        sync();
        Map<String, Object> so2 = new HashMap<>(Map.of("sellerId", holder.toString(), "buyerId", UUID.randomUUID().toString(),
                "rightType", "POLLUTANT_EMISSION_RIGHT", "vintage", 2025, "pollutant", "SO2", "quantity", new BigDecimal("2.345")));
        post(holder, so2).then().statusCode(201);
        Map<String, Object> nox = new HashMap<>(so2);
        nox.put("pollutant", "NOX");
        post(holder, nox).then().statusCode(409).body("type", equalTo("https://opengep.org/problems/insufficient-balance"));
        Map<String, Object> none = new HashMap<>(so2);
        none.remove("pollutant");
        post(holder, none).then().statusCode(400).body("errors[0].field", equalTo("pollutant"));
        Map<String, Object> grams = new HashMap<>(so2);
        grams.put("quantity", new BigDecimal("0.0005"));
        post(holder, grams).then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        auditor().get("/api/v1/accounts/" + holder + "/balances").then().body("[0].pollutant", equalTo("SO2")).body("[0].available", number("10"));
        reconciliationIsClean();
    }

    @Test
    void anUnreadableFeedPageIsNotAppliedInPart() {
        UUID holder = UUID.randomUUID();
        REGISTRY.issue(holder, "CCER", 2024, 5);
        REGISTRY.issueUnreadable(holder);
        TradingFixtures.operator().post("/api/v1/feed/sync").then().statusCode(503)
                .body("type", equalTo("https://opengep.org/problems/registry-feed-unreadable"));
        // the readable issuance before it is not kept either
        auditor().get("/api/v1/accounts/" + holder + "/balances").then().body("size()", equalTo(0));
        REGISTRY.repair();
        sync();
        auditor().get("/api/v1/accounts/" + holder + "/balances").then().body("[0].available", equalTo(15));
        reconciliationIsClean();
    }

    @Test
    void theJournalChainShowsAnEditedEntry() throws Exception {
        UUID seller = holderWith(100);
        post(seller, trade(seller, UUID.randomUUID(), 10)).then().statusCode(201);
        auditor().get("/api/v1/journal/verification").then().body("intact", equalTo(true));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update journal_entry set units = units + 1 where holder_id = ? and chain_seq = 1")) {
            s.setObject(1, seller);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        try {
            auditor().get("/api/v1/journal/verification").then().statusCode(200).body("intact", equalTo(false))
                    .body("firstBroken.holderId", equalTo(seller.toString())).body("firstBroken.chainSeq", equalTo(1));
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "update journal_entry set units = units - 1 where holder_id = ? and chain_seq = 1")) {
                s.setObject(1, seller);
                s.executeUpdate();
            }
        }
        auditor().get("/api/v1/journal/verification").then().body("intact", equalTo(true));
    }

    @Test
    void eachRoleDoesItsOwnWork() {
        UUID holder = holderWith(10);
        trader(holder).get("/api/v1/accounts/" + holder + "/balances").then().statusCode(200);
        trader(holder).get("/api/v1/accounts/" + UUID.randomUUID() + "/balances").then().statusCode(403);
        trader(holder).get("/api/v1/journal/verification").then().statusCode(403);
        trader(holder).post("/api/v1/feed/sync").then().statusCode(403);
        auditor().body(Map.of()).header("Idempotency-Key", "x").post("/api/v1/trades").then().statusCode(403);
        org.opengep.testsupport.ApiRequests.asUser("registrar", "registrar").get("/api/v1/reconciliation").then().statusCode(403);
    }
}
