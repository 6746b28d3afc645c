package org.opengep.trading.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengep.trading.centre.Centre.at;
import static org.opengep.trading.centre.Centre.list;
import static org.opengep.trading.centre.Centre.participant;
import static org.opengep.trading.centre.Centre.vintage;
import static org.opengep.trading.centre.Centre.wednesday;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.operator;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;
import org.opengep.trading.service.MarketClock;

/**
 * A seeded simulation of whole sessions: many participants post, take, cancel, propose and confirm block agreements
 * and bid in auctions concurrently, across the close of two trading days (the operator's close races with the
 * participants' last requests). After every round: units and cash conserved, nothing frozen without an open order,
 * bid, demand or pending fill, no order filled beyond its quantity, no negative cash, reconciliation clean and the
 * journals intact. The seed is printed; {@code -Dsimulation.seed=N} replays a run's choices.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class CentreSimulationTest {

    private static final int PARTICIPANTS = 8;
    private static final int CLIENTS = 8;
    private static final int ROUNDS_PER_DAY = 9;
    private static final Set<Integer> EXPECTED = Set.of(200, 201, 409, 422);

    @Inject
    MarketClock clock;

    private record Posted(String id, String side, BigDecimal price, int rank, UUID owner) {}

    private final List<Posted> orders = Collections.synchronizedList(new ArrayList<>());
    private final List<String[]> proposals = Collections.synchronizedList(new ArrayList<>());
    private volatile String auction;
    private volatile int instrument;
    private volatile BigDecimal base;

    @AfterEach
    void realTime() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void theCentreStaysRightUnderRandomConcurrentSessions() throws Exception {
        long seed = Long.getLong("simulation.seed", System.nanoTime());
        System.out.println("CentreSimulationTest seed " + seed + " (replay with -Dsimulation.seed=" + seed + ")");
        Random random = new Random(seed);
        LocalDate first = wednesday(8);
        at(clock, first.atTime(9, 31));
        int v = vintage();
        instrument = list(v, "50.00", Map.of("blockThreshold", 200));
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < PARTICIPANTS; i++) {
            people.add(participant(v, 2000, "200000.00"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            for (LocalDate day : List.of(first, first.plusDays(1))) {
                at(clock, day.atTime(9, 31));
                base = new BigDecimal(auditor().get("/api/v1/instruments/" + instrument).then().extract().jsonPath().getString("basePrice"));
                orders.clear();
                proposals.clear();
                auction = openAuction(people.get(random.nextInt(PARTICIPANTS)), day.atTime(11, 0));
                for (int round = 0; round <= ROUNDS_PER_DAY; round++) {
                    boolean closing = round == ROUNDS_PER_DAY;
                    if (closing) {
                        at(clock, day.atTime(15, 0, 1));
                    } else if (round == ROUNDS_PER_DAY / 2) {
                        at(clock, day.atTime(13, 30)); // the auction has ended: allocated in this round, with bids arriving too late
                    }
                    List<Callable<String>> clients = new ArrayList<>();
                    for (int c = 0; c < CLIENTS; c++) {
                        long choice = random.nextLong();
                        clients.add(() -> step(new Random(choice), people));
                    }
                    if (closing) {
                        clients.add(() -> expected(operator().header("Idempotency-Key", UUID.randomUUID().toString())
                                .post("/api/v1/market-days/" + day + "/close"), "close"));
                    } else if (round == ROUNDS_PER_DAY / 2) {
                        clients.add(() -> expected(operator().header("Idempotency-Key", UUID.randomUUID().toString())
                                .post("/api/v1/auctions/" + auction + "/allocation"), "allocation"));
                    }
                    for (Future<String> outcome : pool.invokeAll(clients)) {
                        assertThat(outcome.get()).as("seed " + seed + ", " + day + " round " + round).isEqualTo("ok");
                    }
                    invariants("seed " + seed + ", " + day + " round " + round);
                }
                assertThat(auditor().queryParam("instrumentId", instrument).queryParam("status", "OPEN").get("/api/v1/orders").then().extract()
                        .jsonPath().getList("$")).as("seed " + seed + ": open orders after the close of " + day).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> modes = new ArrayList<>();
        for (LocalDate day : List.of(first, first.plusDays(1))) {
            modes.addAll(auditor().queryParam("instrumentId", instrument).queryParam("day", day.toString()).get("/api/v1/fills").then().extract()
                    .jsonPath().getList("mode"));
        }
        System.out.println("CentreSimulationTest: " + modes.size() + " fills: " + modes.stream().distinct().sorted()
                .map(m -> m + " " + Collections.frequency(modes, m)).toList());
        assertThat(modes).as("seed " + seed + ": the sessions filled listed orders and an auction").contains("LISTED", "AUCTION");
    }

    private String openAuction(UUID principal, LocalDateTime ends) {
        return operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("instrumentId", instrument, "side", "SELL",
                "principalId", principal.toString(), "quantity", 300, "reservePrice", base, "minBidQuantity", 10, "maxPerBidder", 150, "pricing", "UNIFORM",
                "startsAt", clock.now().minusMinutes(1).toString(), "endsAt", ends.atZone(Centre.MARKET).toOffsetDateTime().toString()))
                .post("/api/v1/auctions").then().statusCode(201).extract().path("id");
    }

    private String step(Random r, List<UUID> people) {
        UUID me = people.get(r.nextInt(people.size()));
        UUID other = people.get(r.nextInt(people.size()));
        BigDecimal price = base.multiply(new BigDecimal("0.95").add(BigDecimal.valueOf(r.nextInt(11), 2))).setScale(2, java.math.RoundingMode.HALF_UP);
        int action = r.nextInt(10);
        String key = UUID.randomUUID().toString();
        return switch (action) {
            case 0, 1, 2 -> {
                String side = r.nextBoolean() ? "SELL" : "BUY";
                Response answer = trader(me).header("Idempotency-Key", key)
                        .body(Map.of("instrumentId", instrument, "side", side, "price", price, "quantity", 1 + r.nextInt(80))).post("/api/v1/orders");
                if (answer.statusCode() == 201) {
                    orders.add(new Posted(answer.path("id"), side, price, orders.size(), me));
                    // a retry with the same key answers the same order and freezes nothing more
                    Response again = trader(me).header("Idempotency-Key", key)
                            .body(Map.of("instrumentId", instrument, "side", side, "price", price, "quantity", 1 + r.nextInt(80))).post("/api/v1/orders");
                    if (again.statusCode() != 422 && !answer.path("id").equals(again.path("id"))) {
                        yield "a retry with the key of a posted order answered " + again.statusCode() + " " + again.asString();
                    }
                }
                yield expected(answer, "post");
            }
            case 3, 4, 5 -> {
                Posted best = best(r.nextBoolean() ? "SELL" : "BUY");
                if (best == null) {
                    yield "ok";
                }
                Response answer = trader(me).header("Idempotency-Key", key).body(r.nextBoolean() ? Map.of() : Map.of("quantity", 1 + r.nextInt(40)))
                        .post("/api/v1/orders/" + best.id + "/takes");
                if (answer.statusCode() == 409 && answer.jsonPath().getString("type").endsWith("/order-not-open")) {
                    orders.remove(best);
                }
                yield expected(answer, "take");
            }
            case 6 -> {
                Posted mine = orders.stream().filter(o -> o.owner.equals(me)).findAny().orElse(null);
                if (mine == null) {
                    yield "ok";
                }
                Response answer = trader(me).header("Idempotency-Key", key).post("/api/v1/orders/" + mine.id + "/cancellation");
                if (answer.statusCode() == 200 || answer.statusCode() == 409) {
                    orders.remove(mine);
                }
                yield expected(answer, "cancel");
            }
            case 7 -> {
                if (me.equals(other)) {
                    yield "ok";
                }
                Response answer = trader(me).header("Idempotency-Key", key).body(Map.of("instrumentId", instrument, "counterpartyId", other.toString(),
                        "side", r.nextBoolean() ? "SELL" : "BUY", "price", price, "quantity", 200 + r.nextInt(200))).post("/api/v1/block-trades");
                if (answer.statusCode() == 201) {
                    proposals.add(new String[] {answer.path("id"), other.toString()});
                }
                yield expected(answer, "propose");
            }
            case 8 -> {
                String[] p = proposals.isEmpty() ? null : proposals.get(r.nextInt(proposals.size()));
                yield p == null ? "ok" : expected(trader(UUID.fromString(p[1])).header("Idempotency-Key", key)
                        .post("/api/v1/block-trades/" + p[0] + (r.nextInt(4) == 0 ? "/decline" : "/confirmation")), "confirm");
            }
            default -> expected(trader(me).header("Idempotency-Key", key).body(Map.of("price", price.max(base), "quantity", 10 * (1 + r.nextInt(8))))
                    .post("/api/v1/auctions/" + auction + "/bids"), "bid");
        };
    }

    /** The best known order of a side: the lowest ask or the highest bid, at one price the earliest posted. */
    private Posted best(String side) {
        synchronized (orders) {
            return orders.stream().filter(o -> o.side.equals(side)).min((x, y) -> {
                int byPrice = side.equals("SELL") ? x.price.compareTo(y.price) : y.price.compareTo(x.price);
                return byPrice != 0 ? byPrice : Integer.compare(x.rank, y.rank);
            }).orElse(null);
        }
    }

    private static String expected(Response answer, String what) {
        return EXPECTED.contains(answer.statusCode()) ? "ok" : what + " answered " + answer.statusCode() + ": " + answer.asString();
    }

    private void invariants(String when) {
        JsonPath reconciliation = auditor().get("/api/v1/reconciliation").then().statusCode(200).extract().jsonPath();
        assertThat(reconciliation.getList("drift")).as(when + ": drift").isEmpty();
        assertThat(auditor().get("/api/v1/journal/verification").then().extract().jsonPath().getBoolean("intact")).as(when + ": journals").isTrue();
        JsonPath all = auditor().queryParam("instrumentId", instrument).queryParam("limit", 1000).get("/api/v1/orders").then().extract().jsonPath();
        for (int n = 0; n < all.getList("$").size(); n++) {
            assertThat(new BigDecimal(all.getString("[" + n + "].filled"))).as(when + ": order filled beyond its quantity")
                    .isLessThanOrEqualTo(new BigDecimal(all.getString("[" + n + "].quantity")));
            if (!all.getString("[" + n + "].status").equals("OPEN")) {
                assertThat(new BigDecimal(all.getString("[" + n + "].frozenCash"))).as(when + ": cash frozen for an ended order").isZero();
            }
        }
    }
}
