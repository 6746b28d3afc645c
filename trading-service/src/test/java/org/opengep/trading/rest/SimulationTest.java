package org.opengep.trading.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengep.trading.rest.TradingFixtures.REGISTRY;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.sync;
import static org.opengep.trading.rest.TradingFixtures.trade;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;

/**
 * A seeded simulation: rounds of concurrent clients doing trades, two-phase trades and their settlements (in part)
 * and cancellations, retirements, pledges with releases and enforcements, freezes, expiries, and retries of
 * requests already answered; after every round the ledger must reconcile and its journal verify. The seed is printed,
 * and {@code -Dsimulation.seed=N} replays a run's choices.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class SimulationTest {

    private static final int HOLDERS = 6;
    private static final int ROUNDS = 25;
    private static final int CLIENTS = 8;
    private static final Set<Integer> EXPECTED = Set.of(200, 201, 403, 409);

    private record Sent(Supplier<RequestSpecification> who, String key, String path, Object body, String firstBody) {}

    @Test
    void theLedgerStaysRightUnderRandomConcurrentWork() throws Exception {
        long seed = Long.getLong("simulation.seed", System.nanoTime());
        System.out.println("SimulationTest seed " + seed + " (replay with -Dsimulation.seed=" + seed + ")");
        Random random = new Random(seed);
        List<UUID> holders = new ArrayList<>();
        for (int i = 0; i < HOLDERS; i++) {
            UUID holder = UUID.randomUUID();
            holders.add(holder);
            REGISTRY.issue(holder, "FOREST_CARBON_SINK", 2024, 500);
        }
        sync();
        List<String> openTrades = Collections.synchronizedList(new ArrayList<>());
        List<String> openPledges = Collections.synchronizedList(new ArrayList<>());
        List<String> openFreezes = Collections.synchronizedList(new ArrayList<>());
        List<Sent> answered = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Callable<String>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    long choice = random.nextLong();
                    clients.add(() -> step(new Random(choice), holders, openTrades, openPledges, openFreezes, answered));
                }
                for (Future<String> outcome : pool.invokeAll(clients)) {
                    assertThat(outcome.get()).as("seed " + seed + ", round " + round).isEqualTo("ok");
                }
                JsonPath reconciliation = auditor().get("/api/v1/reconciliation").then().statusCode(200).extract().jsonPath();
                assertThat(reconciliation.getList("drift")).as("seed " + seed + ", round " + round + ": drift").isEmpty();
                assertThat(auditor().get("/api/v1/journal/verification").then().extract().jsonPath().getBoolean("intact"))
                        .as("seed " + seed + ", round " + round + ": journal").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client's random action; "ok" when the answer is one the ledger may give, else what went wrong. */
    private static String step(Random r, List<UUID> holders, List<String> openTrades, List<String> openPledges, List<String> openFreezes,
            List<Sent> answered) throws InterruptedException {
        UUID a = holders.get(r.nextInt(holders.size()));
        UUID b = holders.get(r.nextInt(holders.size()));
        if (a.equals(b)) {
            b = holders.get((holders.indexOf(a) + 1) % holders.size());
        }
        int action = r.nextInt(100);
        int quantity = 1 + r.nextInt(120);
        if (action < 30) {
            return send(() -> trader(a), "/api/v1/trades", trade(a, b, quantity), answered, null);
        }
        if (action < 45) {
            Map<String, Object> t = trade(a, b, quantity);
            t.put("twoPhase", true);
            t.put("expiresInSeconds", 1 + r.nextInt(3));
            // remembered as id:quantity, so that a settlement asks for at most what was reserved
            List<String> opened = new ArrayList<>();
            String result = send(() -> trader(a), "/api/v1/trades", t, answered, opened);
            opened.forEach(id -> openTrades.add(id + ":" + quantity));
            return result;
        }
        if (action < 57 && !openTrades.isEmpty()) {
            String[] open = openTrades.get(r.nextInt(openTrades.size())).split(":");
            String id = open[0];
            return r.nextBoolean()
                    ? send(TradingFixtures::operator, "/api/v1/trades/" + id + "/settlement",
                            Map.of("quantity", 1 + r.nextInt(Integer.parseInt(open[1]))), answered, null)
                    : send(TradingFixtures::operator, "/api/v1/trades/" + id + "/cancellation", null, answered, null);
        }
        if (action < 64) {
            return send(() -> trader(a), "/api/v1/retirements", Map.of("holderId", a.toString(), "rightType", "FOREST_CARBON_SINK", "vintage", 2024,
                    "quantity", 1 + r.nextInt(20), "purpose", "碳中和", "beneficiary", "simulation"), answered, null);
        }
        if (action < 72) {
            Map<String, Object> pledge = Map.of("holderId", a.toString(), "pledgeeId", b.toString(), "rightType", "FOREST_CARBON_SINK",
                    "vintage", 2024, "quantity", quantity);
            return send(() -> trader(a), "/api/v1/pledges", pledge, answered, openPledges);
        }
        if (action < 76 && !openPledges.isEmpty()) {
            String id = openPledges.get(r.nextInt(openPledges.size()));
            return r.nextBoolean() ? send(TradingFixtures::operator, "/api/v1/pledges/" + id + "/release", null, answered, null)
                    : send(TradingFixtures::operator, "/api/v1/pledges/" + id + "/enforcement", null, answered, null);
        }
        if (action < 80) {
            Map<String, Object> freeze = Map.of("holderId", a.toString(), "rightType", "FOREST_CARBON_SINK", "vintage", 2024, "quantity", quantity);
            return send(TradingFixtures::operator, "/api/v1/freezes", freeze, answered, openFreezes);
        }
        if (action < 85 && !openFreezes.isEmpty()) {
            return send(TradingFixtures::operator, "/api/v1/freezes/" + openFreezes.get(r.nextInt(openFreezes.size())) + "/release", null,
                    answered, null);
        }
        if (action < 90) {
            return TradingFixtures.operator().post("/api/v1/expiry").statusCode() == 200 ? "ok" : "expiry failed";
        }
        if (!answered.isEmpty()) {
            // a client retrying a request it already had an answer to: the same answer, nothing done twice
            Sent earlier = answered.get(r.nextInt(answered.size()));
            Response again = retry(earlier);
            // another client may be retrying the same request at this moment: that one runs, this one is told to wait
            for (int attempt = 0; attempt < 50 && again.statusCode() == 409 && again.asString().contains("idempotency-key-in-use"); attempt++) {
                Thread.sleep(20);
                again = retry(earlier);
            }
            return again.asString().equals(earlier.firstBody()) ? "ok" : "a retry of " + earlier.path() + " answered differently: first "
                    + earlier.firstBody() + ", then " + again.statusCode() + " " + again.asString();
        }
        return "ok";
    }

    private static Response retry(Sent earlier) {
        RequestSpecification request = earlier.who().get().header("Idempotency-Key", earlier.key());
        return (earlier.body() == null ? request : request.body(earlier.body())).post(earlier.path());
    }

    private static String send(Supplier<RequestSpecification> who, String path, Object body, List<Sent> answered, List<String> opened) {
        String key = UUID.randomUUID().toString();
        RequestSpecification request = who.get().header("Idempotency-Key", key);
        Response response = (body == null ? request : request.body(body)).post(path);
        int status = response.statusCode();
        if (!EXPECTED.contains(status)) {
            return path + " answered " + status + ": " + response.asString();
        }
        if (status == 200 || status == 201) {
            answered.add(new Sent(who, key, path, body, response.asString()));
            if (opened != null && status == 201) {
                opened.add(response.jsonPath().getString("id"));
            }
        }
        return "ok";
    }
}
