package org.opengep.trading.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.HolderClaim;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.ApiRequests;
import org.opengep.testsupport.PostgresDatabase;
import org.opengep.testsupport.ServiceProcess;
import org.opengep.testsupport.TestTokens;
import org.opengep.trading.client.RegistryStub;

/**
 * Two trading-service processes on one database, the way the service scales: trades sent to both at once never
 * overdraw a seller nor deadlock, both import the feed at the same time without taking an issuance twice, and the
 * ledger reconciles.
 */
class TwoInstancesIT {

    private static final RegistryStub REGISTRY = RegistryStub.instance();
    private static PostgresDatabase database;
    private static ServiceProcess one;
    private static ServiceProcess two;

    @BeforeAll
    static void start() throws Exception {
        database = PostgresDatabase.start("gep_trading_two");
        Map<String, String> env = Map.of(
                "GEP_TRADING_DB_URL", database.jdbcUrl(), "GEP_TRADING_DB_USER", database.username(),
                "GEP_TRADING_DB_PASSWORD", database.password(), "GEP_REGISTRY_URL", REGISTRY.service().url(),
                "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER, "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyFile().toUri().toString(),
                "GEP_SERVICE_SIGNING_KEY_LOCATION", TestTokens.privateKeyFile().toUri().toString(), "GEP_TRADING_FEED_EVERY", "1s");
        String jar = System.getProperty("service.jar");
        one = ServiceProcess.start(jar, "GEP_TRADING_PORT", env);
        two = ServiceProcess.start(jar, "GEP_TRADING_PORT", env);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {one, two, database}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private static RequestSpecification at(ServiceProcess instance, RequestSpecification spec) {
        return spec.baseUri(instance.url());
    }

    private static RequestSpecification trader(ServiceProcess instance, UUID holder) {
        return at(instance, ApiRequests.asUser("trader-" + holder, Map.of(HolderClaim.NAME, holder.toString()), Roles.Trading.TRADER));
    }

    private static RequestSpecification auditor(ServiceProcess instance) {
        return at(instance, ApiRequests.asUser("auditor", Roles.Trading.AUDITOR));
    }

    private static int trade(ServiceProcess instance, UUID seller, UUID buyer, int quantity) {
        return trader(instance, seller).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("sellerId", seller.toString(), "buyerId", buyer.toString(), "rightType", "FOREST_CARBON_SINK", "vintage", 2024,
                        "quantity", quantity))
                .post("/api/v1/trades").statusCode();
    }

    private static BigDecimal available(UUID holder) {
        Object value = auditor(one).get("/api/v1/accounts/" + holder + "/balances").then().statusCode(200).extract().path("[0].available");
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static void awaitAvailable(UUID holder, String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (available(holder).compareTo(new BigDecimal(expected)) != 0) {
            assertThat(System.currentTimeMillis()).as("the scheduled imports of both instances bring the issuances in").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static List<Integer> concurrently(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void bothInstancesTogetherStayCorrect() throws Exception {
        UUID seller = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            REGISTRY.issue(seller, "FOREST_CARBON_SINK", 2024, 100);
        }
        REGISTRY.issue(a, "FOREST_CARBON_SINK", 2024, 1000);
        REGISTRY.issue(b, "FOREST_CARBON_SINK", 2024, 1000);
        awaitAvailable(seller, "1000");
        awaitAvailable(b, "1000");

        List<Callable<Integer>> overdraw = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ServiceProcess instance = i % 2 == 0 ? one : two;
            UUID buyer = UUID.randomUUID();
            overdraw.add(() -> trade(instance, seller, buyer, 50));
        }
        List<Integer> statuses = concurrently(overdraw);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(20);
        assertThat(available(seller)).isEqualByComparingTo("0");

        List<Callable<Integer>> opposing = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ServiceProcess instance = i % 2 == 0 ? one : two;
            boolean forward = i % 4 < 2;
            opposing.add(() -> forward ? trade(instance, a, b, 10) : trade(instance, b, a, 10));
        }
        assertThat(concurrently(opposing)).containsOnly(201);
        assertThat(available(a).add(available(b))).isEqualByComparingTo("2000");

        for (ServiceProcess instance : List.of(one, two)) {
            auditor(instance).get("/api/v1/reconciliation").then().statusCode(200).body("clean", org.hamcrest.Matchers.equalTo(true));
            auditor(instance).get("/api/v1/journal/verification").then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
        }
    }
}
