package org.opengep.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opengep.system.DemoDataset.Loaded;
import org.opengep.system.DemoUses.UsesLoaded;
import org.opengep.system.Http.Answer;
import org.opengep.testsupport.TestTokens;

/**
 * The three services as real processes on a real PostgreSQL: the whole story of the demonstration dataset checked
 * figure by figure, then the faults an operator meets: the registry stopped, the trading service killed in the middle
 * of a stream of trades, PostgreSQL restarted under load. After each, the ledger reconciles and its journal is intact.
 */
@TestMethodOrder(OrderAnnotation.class)
class SystemIT {

    private static final Tokens TOKENS = TestTokens::token;
    private static RunningSystem system;
    private static Platform platform;
    private static Loaded demo;
    private static UsesLoaded uses;

    @BeforeAll
    static void start() throws Exception {
        system = new RunningSystem();
        platform = system.platform;
        demo = new DemoDataset(platform, TOKENS).load();
        uses = new DemoUses(platform, TOKENS).load(demo);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void theWholeStoryFromGepToRetirement() throws Exception {
        Answer figure = platform.accounting().get("/api/v1/regions/" + DemoDataset.REGION + "/gep?year=" + DemoDataset.YEAR, TOKENS.reader())
                .expect(200);
        assertThat(figure.body().path("result").path("gep").decimalValue()).isEqualByComparingTo(demo.gep()).isPositive();

        JsonNode product = platform.registry().get("/api/v1/products/" + demo.productId(), TOKENS.user("reader", "registry-reader"))
                .expect(200).body();
        assertThat(product.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(product.path("latestValuation").path("accountId").asText()).isEqualTo(demo.accountId());
        assertThat(demo.productValue()).isPositive();
        assertThat(demo.serialNumber()).startsWith("FCS-" + DemoDataset.REGION);

        BigDecimal toBuyer = DemoDataset.TRADED.add(DemoDataset.BUYERS_LOT).add(DemoDataset.TRANSFERRED).add(DemoDataset.SETTLED);
        BigDecimal toBidder = DemoDataset.AUCTIONED.subtract(DemoDataset.BUYERS_LOT);
        assertThat(balance(demo.sellerId(), "available")).isEqualByComparingTo(DemoDataset.ISSUED.subtract(toBuyer).subtract(toBidder));
        assertThat(balance(demo.buyerId(), "available")).isEqualByComparingTo(toBuyer.subtract(DemoDataset.RETIRED));
        assertThat(balance(demo.buyerId(), "retired")).isEqualByComparingTo(DemoDataset.RETIRED);
        assertThat(balance(demo.bidderId(), "available")).isEqualByComparingTo(toBidder);
        // delivery versus payment: the seller was paid for the listed order and the lot, less its fee (5 per mille)
        BigDecimal sold = DemoDataset.TRADED.multiply(DemoDataset.PRICE).add(DemoDataset.AUCTIONED.multiply(DemoDataset.CLEARING));
        JsonNode sellerCash = platform.trading().get("/api/v1/participants/" + demo.sellerId() + "/cash", TOKENS.user("demo-auditor", "auditor"))
                .expect(200).body();
        assertThat(sellerCash.path("available").decimalValue()).isEqualByComparingTo(sold.subtract(sold.multiply(new BigDecimal("0.005"))));
        JsonNode auction = platform.trading().get("/api/v1/auctions/" + demo.auctionId(), TOKENS.user("demo-auditor", "auditor")).expect(200).body();
        assertThat(auction.path("status").asText()).isEqualTo("ALLOCATED");
        assertThat(auction.path("clearingPrice").decimalValue()).isEqualByComparingTo(DemoDataset.CLEARING);
        ledgerIsSound();

        // the accounting service asks the trading service (with its own token) for the value realised from the county;
        // the request's trace goes on into the trading service (whose metrics keep the trace as an exemplar)
        String traceId = UUID.randomUUID().toString().replace("-", "");
        JsonNode rate = platform.accounting().get("/api/v1/regions/" + DemoDataset.REGION + "/gep/realisation?year=" + DemoDataset.YEAR,
                TOKENS.reader(), Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")).expect(200).body();
        assertThat(platform.trading().get("/q/metrics", null, Map.of("Accept", "*/*")).expect(200).body().asText())
                .contains("uri=\"/api/v1/realised-value\"} 1.0 # {span_id=").contains("trace_id=\"" + traceId + "\"");
        // first sales out of the issuee at the trading centre count; the transfers carry no price and count for nothing
        BigDecimal realised = sold;
        assertThat(rate.path("realisedValue").decimalValue()).isEqualByComparingTo(realised);
        assertThat(rate.path("gep").decimalValue()).isEqualByComparingTo(demo.gep());
        assertThat(rate.path("rate").decimalValue()).isEqualByComparingTo(realised.divide(demo.gep(), 8, RoundingMode.HALF_UP));
        // the prefecture above has no official figure of its own, so no rate either
        platform.accounting().get("/api/v1/regions/330600/gep/realisation?year=" + DemoDataset.YEAR, TOKENS.reader()).expect(404);
    }

    /**
     * The finance bureau's compensation runs, read back; the county's accounts as SEEA EA tables; and what the bank's policy
     * gives the seller, computed by the registry from the trading service's blocks and the accounting service's figures.
     */
    @Test
    @Order(2)
    void gepAtWorkCompensationSeeaAndCredit() {
        String reader = TOKENS.reader();
        JsonNode vertical = platform.accounting().get("/api/v1/compensation/allocations/" + uses.verticalAllocationId(), reader).expect(200).body();
        assertThat(vertical.path("regions")).hasSize(6);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode r : vertical.path("regions")) {
            sum = sum.add(r.path("amount").decimalValue());
            assertThat(r.path("arithmetic").asText()).contains("growth adjustment");
            assertThat(r.path("factors").get(0).path("source").asText()).contains("official GEP account");
        }
        assertThat(sum).isEqualByComparingTo(DemoUses.FUND);
        assertThat(vertical.path("publication").path("publishedBy").asText()).isEqualTo("demo-publisher-zhou");

        JsonNode horizontal = platform.accounting().get("/api/v1/compensation/allocations/" + uses.horizontalAllocationId(), reader).expect(200).body();
        JsonNode provider = platform.accounting().get("/api/v1/regions/" + DemoUses.PROVIDER + "/gep?year=" + DemoDataset.YEAR, reader).expect(200).body();
        BigDecimal water = BigDecimal.ZERO;
        for (JsonNode i : provider.path("result").path("indicators")) {
            if (i.path("code").asText().equals("WATER_CONSERVATION")) {
                water = i.path("value").decimalValue();
            }
        }
        BigDecimal amount = water.multiply(DemoUses.WATER_SHARE).setScale(0, RoundingMode.HALF_UP);
        assertThat(horizontal.path("total").decimalValue()).isEqualByComparingTo(amount).isPositive();
        BigDecimal paid = BigDecimal.ZERO;
        for (JsonNode r : horizontal.path("regions")) {
            paid = paid.add(r.path("amount").decimalValue());
        }
        assertThat(paid).isEqualByComparingTo(amount);

        JsonNode seea = platform.accounting().get("/api/v1/regions/" + DemoDataset.REGION + "/seea?from=" + (DemoDataset.YEAR - 1) + "&to="
                + DemoDataset.YEAR + "&discountRate=0.04&assetLife=30&parameterSource=demo", reader).expect(200).body();
        assertThat(seea.path("extentAccount").path("rows")).hasSizeGreaterThan(3);
        assertThat(seea.path("assetAccount").path("account").path("total").path("closingValue").decimalValue()).isPositive();

        BigDecimal received = BigDecimal.ZERO;
        for (JsonNode r : vertical.path("regions")) {
            if (r.path("regionCode").asText().equals(DemoDataset.REGION)) {
                received = r.path("amount").decimalValue();
            }
        }
        JsonNode credit = platform.registry().get("/api/v1/holders/" + demo.sellerId() + "/credit-capacity?policyId=" + uses.policyId(),
                TOKENS.user("demo-lender-lin", "lender")).expect(200).body().path("capacity");
        assertThat(credit.path("compensation").path("yearlyIncome").decimalValue()).isEqualByComparingTo(received);
        assertThat(credit.path("collateral").get(0).path("rightType").asText()).isEqualTo("FOREST_CARBON_SINK");
        assertThat(credit.path("collateral").get(0).path("value").decimalValue()).isPositive();
        assertThat(credit.path("limit").decimalValue()).isEqualByComparingTo(uses.creditLimit()).isPositive();
    }

    @Test
    @Order(3)
    void aTokenForOneServicesRoleGrantsNothingElsewhere() {
        String accountingService = TOKENS.user("gep-accounting-service", "market-reader");
        String registryService = TOKENS.user("ecological-product-registry", "gep-reader");
        String tradingService = TOKENS.user("trading-service", "registry-reader");
        // each service token reads what its service needs ...
        platform.trading().get("/api/v1/realised-value?year=" + DemoDataset.YEAR, accountingService).expect(200);
        platform.accounting().get("/api/v1/regions/" + DemoDataset.REGION, registryService).expect(200);
        platform.registry().get("/api/v1/issuances", tradingService).expect(200);
        // ... and nothing at the other services, nor any change anywhere
        platform.registry().get("/api/v1/issuances", accountingService).expect(403);
        platform.accounting().get("/api/v1/regions/" + DemoDataset.REGION, accountingService).expect(403);
        platform.trading().get("/api/v1/accounts/" + demo.sellerId() + "/balances", registryService).expect(403);
        platform.registry().get("/api/v1/holders", registryService).expect(403);
        platform.accounting().get("/api/v1/regions/" + DemoDataset.REGION, tradingService).expect(403);
        platform.trading().post("/api/v1/trades", tradingService, DemoDataset.trade(demo.sellerId(), demo.buyerId(), BigDecimal.ONE, false),
                DemoDataset.key()).expect(403);
        platform.registry().post("/api/v1/issuances", tradingService, Map.of("productId", demo.productId(), "rightType",
                "FOREST_CARBON_SINK", "quantity", 1), DemoDataset.key()).expect(403);
        // without a token, or with one from another issuer's key, nothing at all
        String foreign = TestTokens.foreignToken("mallory", "gep-reader", "registry-reader", "auditor");
        Map<Http, String> reads = Map.of(platform.accounting(), "/api/v1/regions", platform.registry(), "/api/v1/holders",
                platform.trading(), "/api/v1/reconciliation");
        reads.forEach((service, path) -> {
            assertThat(service.get(path, null).status()).as(service.url() + path).isEqualTo(401);
            assertThat(service.get(path, foreign).status()).as(service.url() + path).isEqualTo(401);
        });
    }

    @Test
    @Order(4)
    void registryStoppedTradesThatNeedItGet503AndResumeAfter() throws Exception {
        BigDecimal before = balance(demo.sellerId(), "available");
        String key = DemoDataset.key();
        Map<String, Object> trade = DemoDataset.trade(demo.sellerId(), demo.buyerId(), BigDecimal.TEN, false);
        system.registry.close();
        try {
            Thread.sleep(1500); // the trading service keeps the registry's answers one second
            Answer refused = platform.trading().post("/api/v1/trades", TOKENS.trader(demo.sellerId()), trade, key);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body().path("type").asText()).endsWith("/registry-unavailable");
            assertThat(balance(demo.sellerId(), "available")).isEqualByComparingTo(before);
        } finally {
            system.registry = system.registry.restart();
        }
        Answer recorded = eventually(() -> platform.trading().post("/api/v1/trades", TOKENS.trader(demo.sellerId()), trade, key), 201);
        assertThat(recorded.replayed()).isNull();
        assertThat(balance(demo.sellerId(), "available")).isEqualByComparingTo(before.subtract(BigDecimal.TEN));
        ledgerIsSound();
    }

    @Test
    @Order(5)
    void tradingKilledMidStreamLosesNoAcknowledgedTradeAndRetriesMakeNoDuplicates() throws Exception {
        BigDecimal before = balance(demo.sellerId(), "available");
        int trades = 120;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < trades; i++) {
            keys.add(DemoDataset.key());
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // key -> movement id
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < trades; i = next.getAndIncrement()) {
                    try {
                        Answer a = platform.trading().post("/api/v1/trades", TOKENS.trader(demo.sellerId()),
                                DemoDataset.trade(demo.sellerId(), demo.buyerId(), BigDecimal.ONE, false), keys.get(i));
                        if (a.status() == 201) {
                            acknowledged.put(keys.get(i), a.body().path("id").asText());
                        }
                    } catch (RuntimeException e) {
                        // the service died under this request: the client does not know whether it was recorded
                    }
                }
            }));
        }
        while (acknowledged.size() < 30) {
            Thread.sleep(20);
        }
        system.trading.kill();
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        int acknowledgedBeforeTheKill = acknowledged.size();
        assertThat(acknowledgedBeforeTheKill).isBetween(30, trades - 1);
        system.trading = system.trading.restart();

        // every client retries every request with its key: acknowledged ones replay, the others are recorded once
        Set<String> movements = new HashSet<>();
        for (String key : keys) {
            Answer a = platform.trading().post("/api/v1/trades", TOKENS.trader(demo.sellerId()),
                    DemoDataset.trade(demo.sellerId(), demo.buyerId(), BigDecimal.ONE, false), key).expect(201);
            String id = a.body().path("id").asText();
            if (acknowledged.containsKey(key)) {
                assertThat(id).as("an acknowledged trade is there after the restart").isEqualTo(acknowledged.get(key));
                assertThat(a.replayed()).isEqualTo("true");
            }
            movements.add(id);
        }
        assertThat(movements).hasSize(trades);
        assertThat(balance(demo.sellerId(), "available")).isEqualByComparingTo(before.subtract(BigDecimal.valueOf(trades)));
        ledgerIsSound();
    }

    /**
     * PostgreSQL stopped and started again under load on all three services: no answer is a 500; what the outage
     * cost is answered 503 with a retry hint; nothing that starts after the database is back fails (no stale pooled
     * connection, no circuit left open); keys recorded before the restart replay at once after it; every trade
     * acknowledged (at first or on its retry with the same key) is in the balance exactly once.
     */
    @Test
    @Order(6)
    void postgresRestartedUnderLoadCostsOnlyWhatWasInFlightAndNeverA500() throws Exception {
        String seller = TOKENS.trader(demo.sellerId());
        String registryReader = TOKENS.user("reader", "registry-reader");
        Map<String, Object> oneUnit = DemoDataset.trade(demo.sellerId(), demo.buyerId(), BigDecimal.ONE, false);
        List<String> recordedBefore = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = DemoDataset.key();
            platform.trading().post("/api/v1/trades", seller, oneUnit, key).expect(201);
            recordedBefore.add(key);
        }
        BigDecimal before = balance(demo.sellerId(), "available");
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong restartBeganAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong databaseBackAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger acrossTheRestart = new AtomicInteger();
        Set<String> recorded = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        List<String> broken = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger unavailable = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            running.add(load.submit(() -> {
                while (loading.get()) {
                    String key = DemoDataset.key();
                    long started = System.nanoTime();
                    Answer trade = platform.trading().post("/api/v1/trades", seller, oneUnit, key);
                    if (trade.status() == 201) {
                        recorded.add(key);
                    } else {
                        unanswered.add(key);
                    }
                    Answer figure = platform.accounting().get("/api/v1/regions/" + DemoDataset.REGION + "/gep?year=" + DemoDataset.YEAR, TOKENS.reader());
                    Answer product = platform.registry().get("/api/v1/products/" + demo.productId(), registryReader);
                    if (started < databaseBackAt.get() && System.nanoTime() > restartBeganAt.get()) {
                        acrossTheRestart.incrementAndGet(); // these three requests were under way while the database was away
                    }
                    for (Answer a : List.of(trade, figure, product)) {
                        if (a.status() < 300) {
                            continue;
                        }
                        String type = a.body() == null ? "" : a.body().path("type").asText();
                        if (a.status() != 503 || !(type.endsWith("/database-unavailable") || type.endsWith("/ledger-busy"))
                                || !a.body().path("detail").asText().contains("retry")) {
                            broken.add(a.request() + " answered " + a.status() + ": " + a.body());
                        } else if (started > databaseBackAt.get()) {
                            broken.add(a.request() + " started after the database was back and answered " + a.status() + ": " + a.body());
                        } else {
                            unavailable.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1000);
        restartBeganAt.set(System.nanoTime());
        system.restartPostgres();
        databaseBackAt.set(System.nanoTime());
        // at once: what was recorded before the restart replays (no registry call, no circuit in the way)
        for (String key : recordedBefore) {
            Answer replay = platform.trading().post("/api/v1/trades", seller, oneUnit, key);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
            assertThat(replay.replayed()).isEqualTo("true");
        }
        int atRecovery = recorded.size();
        Thread.sleep(2000);
        loading.set(false);
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        load.shutdown();
        assertThat(broken).as("answers that broke the promise").isEmpty();
        assertThat(acrossTheRestart.get()).as("the load met the outage").isPositive();
        assertThat(recorded.size()).as("trades go on after the restart").isGreaterThan(atRecovery);
        System.out.println("PostgreSQL restart under load: " + acrossTheRestart.get() + " rounds of three requests under way while it was away, "
                + unavailable.get() + " answers 503, " + recorded.size()
                + " trades recorded, " + unanswered.size() + " retried with their keys");
        for (String key : unanswered) {
            // replayed if the first try had been applied after all, applied now if not: once either way
            platform.trading().post("/api/v1/trades", seller, oneUnit, key).expect(201);
            recorded.add(key);
        }
        assertThat(balance(demo.sellerId(), "available")).isEqualByComparingTo(before.subtract(BigDecimal.valueOf(recorded.size())));
        ledgerIsSound();
    }

    private static BigDecimal balance(String holder, String bucket) {
        JsonNode balances = platform.trading().get("/api/v1/accounts/" + holder + "/balances", TOKENS.user("auditor-sun", "auditor"))
                .expect(200).body();
        for (JsonNode b : balances) {
            if (b.path("rightType").asText().equals("FOREST_CARBON_SINK") && b.path("vintage").asInt() == DemoDataset.YEAR) {
                return b.path(bucket).decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    /** The ledger reconciles with the registry (once the trading service reaches it again) and its journal is intact. */
    private static void ledgerIsSound() throws InterruptedException {
        String auditor = TOKENS.user("auditor-sun", "auditor");
        JsonNode reconciliation = eventually(() -> {
            Answer a = platform.trading().get("/api/v1/reconciliation", auditor).expect(200);
            return a.body().path("clean").asBoolean() ? a : new Answer(a.request(), 0, a.body(), null);
        }, 200).body();
        assertThat(reconciliation.path("clean").asBoolean()).as(reconciliation.toString()).isTrue();
        JsonNode journal = platform.trading().get("/api/v1/journal/verification", auditor).expect(200).body();
        assertThat(journal.path("intact").asBoolean()).as(journal.toString()).isTrue();
    }

    /** Repeats a call until it gives the status (for up to a minute), and returns that answer. */
    private static Answer eventually(java.util.function.Supplier<Answer> call, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Answer a = call.get();
                if (a.status() == status) {
                    return a;
                }
                last = new IllegalStateException(a.request() + " answered " + a.status() + ": " + a.body());
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + status + " within a minute", last);
    }
}
