package org.opengep.trading.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.opengep.trading.centre.Centre.at;
import static org.opengep.trading.centre.Centre.auction;
import static org.opengep.trading.centre.Centre.list;
import static org.opengep.trading.centre.Centre.participant;
import static org.opengep.trading.centre.Centre.posted;
import static org.opengep.trading.centre.Centre.units;
import static org.opengep.trading.centre.Centre.vintage;
import static org.opengep.trading.centre.Centre.wednesday;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.operator;
import static org.opengep.trading.rest.TradingFixtures.reconciliationIsClean;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.ApiRequests;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;
import org.opengep.trading.service.MarketClock;

/**
 * The trading centre's promises under retries and races: a retry with its Idempotency-Key gets the first answer
 * whatever the order or the reference became since; one platform reference reported under several keys at once is
 * one fill; sealed bids stay sealed to everyone but the bidder, the operator and the auditor.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class RetriesAndRacesTest {

    @Inject
    MarketClock clock;

    @AfterEach
    void realTime() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void aRetriedTakeIsAnsweredAsFirstAfterItFilledTheOrderOrTheOrderEnded() {
        at(clock, wednesday(20).atTime(10, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of());
        UUID seller = participant(v, 300, null);
        UUID buyer = participant(v, 0, "100000.00");
        String whole = posted(seller, instrument, "SELL", "50.00", 100);
        String key = UUID.randomUUID().toString();
        Response first = takeWithKey(buyer, whole, key, Map.of());
        first.then().statusCode(201);
        // the take filled the order: the retry is the first answer again, not order-not-open
        takeWithKey(buyer, whole, key, Map.of()).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id"))).body("quantity", equalTo(100));
        // a partial take, then its order is cancelled: the retry still replays
        String part = posted(seller, instrument, "SELL", "50.00", 200);
        String partKey = UUID.randomUUID().toString();
        String fill = takeWithKey(buyer, part, partKey, Map.of("quantity", 50)).then().statusCode(201).extract().path("id");
        trader(seller).header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders/" + part + "/cancellation").then().statusCode(200);
        takeWithKey(buyer, part, partKey, Map.of("quantity", 50)).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(fill));
        // the same key for another request is still 422, and a new key meets the order's state
        takeWithKey(buyer, part, partKey, Map.of("quantity", 60)).then().statusCode(422).body("type", endsWith("/idempotency-key-reused"));
        takeWithKey(buyer, part, UUID.randomUUID().toString(), Map.of()).then().statusCode(409).body("type", endsWith("/order-not-open"));
        assertThat(units(buyer, v, "available")).isEqualByComparingTo("150");
        reconciliationIsClean();
    }

    @Test
    void onePlatformReferenceReportedUnderManyKeysAtOnceIsOneFillAndDisturbsNoOtherMovement() throws Exception {
        at(clock, wednesday(21).atTime(10, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of());
        UUID seller = participant(v, 1000, null);
        UUID buyer = UUID.randomUUID();
        for (UUID member : List.of(seller, buyer)) {
            operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("participantId", member.toString()))
                    .post("/api/v1/platforms/race/members").then().statusCode(200);
        }
        UUID giver = participant(v, 400, null);
        UUID receiver = UUID.randomUUID();
        Map<String, Object> report = Map.of("instrumentId", instrument, "sellerId", seller.toString(), "buyerId", buyer.toString(), "quantity", 10,
                "price", new BigDecimal("50.00"), "platformReference", "R-" + v);
        int reporters = 12;
        int transfers = 8;
        CyclicBarrier start = new CyclicBarrier(reporters + transfers);
        ExecutorService pool = Executors.newFixedThreadPool(reporters + transfers);
        try {
            List<Future<Response>> reports = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int n = 0; n < reporters; n++) {
                String key = UUID.randomUUID().toString();
                keys.add(key);
                reports.add(pool.submit(() -> {
                    start.await();
                    return reportWithKey(key, report);
                }));
            }
            List<Future<Response>> moves = new ArrayList<>();
            for (int n = 0; n < transfers; n++) {
                moves.add(pool.submit(() -> {
                    start.await();
                    return trader(giver).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("sellerId", giver.toString(), "buyerId",
                            receiver.toString(), "rightType", "FOREST_CARBON_SINK", "vintage", v, "quantity", 5)).post("/api/v1/trades");
                }));
            }
            int created = 0;
            String winner = null;
            for (int n = 0; n < reporters; n++) {
                Response r = reports.get(n).get();
                if (r.statusCode() == 201) {
                    created++;
                    winner = keys.get(n);
                } else {
                    assertThat(r.statusCode()).as("report %d: %s", n, r.asString()).isEqualTo(409);
                    assertThat(r.<String>path("type")).endsWith("/platform-reference-used");
                }
            }
            assertThat(created).isEqualTo(1);
            for (Future<Response> m : moves) {
                assertThat(m.get().statusCode()).as(m.get().asString()).isEqualTo(201);
            }
            // the winner's retry replays its fill; a loser's retry is a new request again (its refusal stored nothing)
            reportWithKey(winner, report).then().statusCode(201).header("Idempotent-Replayed", "true");
            reportWithKey(keys.get(keys.indexOf(winner) == 0 ? 1 : 0), report).then().statusCode(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(units(buyer, v, "available")).isEqualByComparingTo("10");
        assertThat(units(seller, v, "available")).isEqualByComparingTo("990");
        assertThat(units(receiver, v, "available")).isEqualByComparingTo(BigDecimal.valueOf(5L * transfers));
        reconciliationIsClean();
    }

    @Test
    void sealedBidsAreSeenByTheirBidderTheOperatorAndTheAuditorOnlyUntilAllocated() {
        LocalDate day = wednesday(22);
        at(clock, day.atTime(10, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of("lot", 100));
        UUID seller = participant(v, 1000, null);
        UUID x = participant(v, 0, "100000.00");
        UUID y = participant(v, 0, "100000.00");
        UUID bystander = participant(v, 0, null);
        OffsetDateTime now = clock.now();
        String auction = auction(instrument, Map.of("side", "SELL", "principalId", seller.toString(), "quantity", 1000, "reservePrice", 50,
                "minBidQuantity", 100, "maxPerBidder", 1000, "pricing", "PAY_AS_BID"), now, now.plusHours(1));
        String path = "/api/v1/auctions/" + auction;
        for (UUID bidder : List.of(x, y)) {
            trader(bidder).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("price", new BigDecimal("51.00"), "quantity", 100))
                    .post(path + "/bids").then().statusCode(201);
        }
        Map<String, Integer> seen = new HashMap<>();
        seen.put("bidder", trader(x).get(path).then().statusCode(200).body("bids", equalTo(2)).body("results[0].bidderId", equalTo(x.toString()))
                .extract().path("results.size()"));
        seen.put("another trader", trader(bystander).get(path).then().statusCode(200).body("bids", equalTo(2)).extract().path("results.size()"));
        seen.put("operator", operator().get(path).then().statusCode(200).extract().path("results.size()"));
        seen.put("auditor", auditor().get(path).then().statusCode(200).extract().path("results.size()"));
        seen.put("market reader", ApiRequests.asUser("reader", Roles.Trading.MARKET_READER).get(path).then().statusCode(200).extract().path("results.size()"));
        seen.put("platform", ApiRequests.asUser("p9", Roles.Trading.PLATFORM).get(path).then().statusCode(200).extract().path("results.size()"));
        assertThat(seen).isEqualTo(Map.of("bidder", 1, "another trader", 0, "operator", 2, "auditor", 2, "market reader", 0, "platform", 0));
        // the list never shows bids
        ApiRequests.asUser("reader", Roles.Trading.MARKET_READER).get("/api/v1/auctions").then().statusCode(200)
                .body("find { it.id == '" + auction + "' }.results", hasSize(0));

        at(clock, day.atTime(11, 1));
        operator().header("Idempotency-Key", UUID.randomUUID().toString()).post(path + "/allocation").then().statusCode(200);
        // allocated: the results are published to every reader
        ApiRequests.asUser("reader", Roles.Trading.MARKET_READER).get(path).then().statusCode(200).body("results", hasSize(2));
        ApiRequests.asUser("p9", Roles.Trading.PLATFORM).get(path).then().statusCode(200).body("results", hasSize(2));
        trader(bystander).get(path).then().statusCode(200).body("results", hasSize(2));
    }

    @Test
    void everyCentreReadAnswersEachRoleAsTheDocumentSays() {
        at(clock, wednesday(23).atTime(10, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of("largeHolderThreshold", 50));
        UUID owner = participant(v, 100, "1000.00");
        UUID other = participant(v, 0, null);
        String order = posted(owner, instrument, "SELL", "50.00", 10);
        Map<String, List<Integer>> expected = new HashMap<>();
        // path → status for: owner trader, other trader, operator, auditor, market reader, platform
        expected.put("/api/v1/instruments", List.of(200, 200, 200, 200, 200, 200));
        expected.put("/api/v1/instruments/" + instrument + "/book", List.of(200, 200, 200, 200, 200, 200));
        expected.put("/api/v1/instruments/" + instrument + "/market-data", List.of(200, 200, 200, 200, 200, 200));
        expected.put("/api/v1/fills", List.of(200, 200, 200, 200, 200, 200));
        expected.put("/api/v1/instruments/" + instrument + "/large-holders", List.of(403, 403, 200, 200, 403, 403));
        expected.put("/api/v1/orders/" + order, List.of(200, 403, 200, 200, 403, 403));
        expected.put("/api/v1/participants/" + owner + "/cash", List.of(200, 403, 200, 200, 403, 403));
        expected.put("/api/v1/block-trades", List.of(200, 200, 200, 200, 403, 403));
        expected.put("/api/v1/platforms/p9/members", List.of(403, 403, 200, 200, 403, 403));
        expected.put("/api/v1/realised-value?year=2027", List.of(403, 403, 200, 200, 200, 403));
        Map<String, List<Integer>> actual = new HashMap<>();
        for (String path : expected.keySet()) {
            actual.put(path, List.of(trader(owner).get(path).statusCode(), trader(other).get(path).statusCode(), operator().get(path).statusCode(),
                    auditor().get(path).statusCode(), ApiRequests.asUser("reader", Roles.Trading.MARKET_READER).get(path).statusCode(),
                    ApiRequests.asUser("p9", Roles.Trading.PLATFORM).get(path).statusCode()));
        }
        assertThat(actual).isEqualTo(expected);
        // a trader's list of orders is its own
        trader(other).get("/api/v1/orders").then().statusCode(200).body("size()", equalTo(0));
    }

    private static Response takeWithKey(UUID taker, String order, String key, Map<String, Object> body) {
        return trader(taker).header("Idempotency-Key", key).body(body).post("/api/v1/orders/" + order + "/takes");
    }

    private static Response reportWithKey(String key, Map<String, Object> report) {
        return ApiRequests.asUser("race", Roles.Trading.PLATFORM).header("Idempotency-Key", key).body(report).post("/api/v1/platform-trades");
    }
}
