package org.opengep.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.registry.rest.Fixtures.forestSink;
import static org.opengep.registry.rest.Fixtures.holder;
import static org.opengep.registry.rest.Fixtures.newHolder;
import static org.opengep.registry.rest.Fixtures.reader;
import static org.opengep.registry.rest.Fixtures.registered;
import static org.opengep.registry.rest.Fixtures.registrar;
import static org.opengep.testsupport.ApiRequests.number;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.registry.service.IssuanceService;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
class IssuanceTest {

    @Inject
    IssuanceService issuances;

    private static Map<String, Object> issue(String productId, String rightType, Object quantity) {
        return new HashMap<>(Map.of("productId", productId, "rightType", rightType, "quantity", quantity));
    }

    /** Every issuance of the feed, read page by page from the start. */
    private static List<Map<String, Object>> wholeFeed(int pageSize) {
        List<Map<String, Object>> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonPath page = reader().queryParam("after", after).queryParam("limit", pageSize).get("/api/v1/issuances").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return all;
            }
            all.addAll(items);
            after = page.getLong("next");
        }
    }

    @Test
    void serialNumberedBlocksToTheProductsHolder() {
        String holderId = newHolder();
        String product = registered(forestSink(holderId, "5000", 2024));
        String number = reader().get("/api/v1/products/" + product).then().extract().path("number").toString();
        Map<String, Object> first = issue(product, "FOREST_CARBON_SINK", 1000);
        first.put("methodology", "CCER-14-001-V01");
        registrar().body(first).post("/api/v1/issuances").then().statusCode(201)
                .body("holderId", equalTo(holderId)).body("vintage", number("2024"))
                .body("serialStart", number("1")).body("serialEnd", number("1000"))
                .body("serialNumber", equalTo("FCS-331181-" + number + "-2024-1-1000")).body("regionCode", equalTo("331181"))
                .body("status", equalTo("ISSUED")).body("methodology", equalTo("CCER-14-001-V01"));
        // the next block continues the product's serials, whatever its right type
        registrar().body(issue(product, "CCER", 500)).post("/api/v1/issuances").then().statusCode(201)
                .body("serialNumber", equalTo("CCER-331181-" + number + "-2024-1001-1500"));
        reader().get("/api/v1/products/" + product).then().body("issuedQuantity", number("1500"))
                .body("remainingQuantity", number("3500"));
        registrar().body(issue(product, "CCER", 3501)).post("/api/v1/issuances").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/over-issuance")).body("detail", containsString("3500 tCO2e remain"));
        registrar().body(issue(product, "CCER", new BigDecimal("0.5"))).post("/api/v1/issuances").then().statusCode(400)
                .body("errors[0].field", equalTo("quantity"));
        registrar().body(issue(product, "WATER_RIGHT", 10)).post("/api/v1/issuances").then().statusCode(400)
                .body("errors[0].field", equalTo("rightType"));
    }

    @Test
    void onlyFromRegisteredProductsToActiveHolders() {
        String holderId = newHolder();
        String draft = Fixtures.create(forestSink(holderId, "10", 2024));
        registrar().body(issue(draft, "CCER", 1)).post("/api/v1/issuances").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/product-not-registered"));
        String product = registered(forestSink(holderId, "10", 2024));
        String suspended = newHolder();
        registrar().body(Map.of("status", "SUSPENDED", "reason", "冻结")).put("/api/v1/holders/" + suspended + "/status").then().statusCode(200);
        Map<String, Object> toSuspended = issue(product, "CCER", 1);
        toSuspended.put("holderId", suspended);
        registrar().body(toSuspended).post("/api/v1/issuances").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/holder-suspended"));
        registrar().body(issue("00000000-0000-0000-0000-00000000000f", "CCER", 1)).post("/api/v1/issuances").then().statusCode(400)
                .body("errors[0].field", equalTo("productId"));
    }

    @Test
    void concurrentIssuanceNeverExceedsTheVerifiedQuantity() throws Exception {
        String product = registered(forestSink(newHolder(), "1000", 2024));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Callable<Integer> request = () -> registrar().body(issue(product, "FOREST_CARBON_SINK", 100)).post("/api/v1/issuances").statusCode();
            outcomes.add(pool.submit(request));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(10);
        reader().get("/api/v1/products/" + product).then().body("issuedQuantity", number("1000"))
                .body("remainingQuantity", number("0"));
        // the ten blocks tile 1..1000 without overlap
        List<Map<String, Object>> blocks = reader().queryParam("productId", product).get("/api/v1/issuances").then().statusCode(200)
                .extract().jsonPath().getList("items");
        long expectedStart = 1;
        for (Map<String, Object> block : blocks.stream().sorted((a, b) -> Long.compare(serial(a, "serialStart"), serial(b, "serialStart"))).toList()) {
            assertThat(serial(block, "serialStart")).isEqualTo(expectedStart);
            expectedStart = serial(block, "serialEnd") + 1;
        }
        assertThat(expectedStart).isEqualTo(1001);
    }

    private static long serial(Map<String, Object> block, String field) {
        return new BigDecimal(block.get(field).toString()).longValueExact();
    }

    @Test
    void theFeedIsOrderedGapFreeAndReadableWithACursor() throws Exception {
        String product = registered(forestSink(newHolder(), "100000", 2024));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Integer> request = () -> registrar().body(issue(product, "CCER", 7)).post("/api/v1/issuances").statusCode();
            outcomes.add(pool.submit(request));
        }
        for (Future<Integer> outcome : outcomes) {
            assertThat(outcome.get()).isEqualTo(201);
        }
        pool.shutdown();
        List<Map<String, Object>> feed = wholeFeed(3);
        for (int i = 0; i < feed.size(); i++) {
            assertThat(serial(feed.get(i), "position")).as("positions are dense and in order").isEqualTo(i + 1);
        }
        assertThat(feed.stream().map(i -> i.get("id")).distinct()).hasSize(feed.size());
        assertThat(feed.stream().filter(i -> product.equals(i.get("productId")))).hasSize(20);
        long last = serial(feed.get(feed.size() - 1), "position");
        reader().queryParam("after", last).get("/api/v1/issuances").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("next", number(Long.toString(last)));
    }

    @Test
    void holdersSeeTheirOwnIssuancesOnly() {
        String mine = newHolder();
        String theirs = newHolder();
        String myProduct = registered(forestSink(mine, "10", 2024));
        String theirProduct = registered(forestSink(theirs, "10", 2024));
        String myIssuance = registrar().body(issue(myProduct, "CCER", 5)).post("/api/v1/issuances").then().statusCode(201).extract().path("id");
        String theirIssuance = registrar().body(issue(theirProduct, "CCER", 5)).post("/api/v1/issuances").then().statusCode(201).extract().path("id");
        List<String> seen = holder(mine).queryParam("limit", 1000).get("/api/v1/issuances").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(seen).contains(myIssuance).doesNotContain(theirIssuance);
        holder(mine).get("/api/v1/issuances/" + theirIssuance).then().statusCode(404);
        holder(mine).queryParam("holderId", theirs).get("/api/v1/issuances").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aProductIssuesRightsOfOnePollutantOnly() {
        Map<String, Object> capacity = forestSink(newHolder(), "100", 2024);
        capacity.put("productType", "ENVIRONMENTAL_CAPACITY");
        capacity.put("unit", "t/a");
        capacity.put("indicator", "WATER_PURIFICATION");
        capacity.put("ecosystemType", "LAKE");
        String product = registered(capacity);
        Map<String, Object> cod = issue(product, "POLLUTANT_EMISSION_RIGHT", 10);
        cod.put("pollutant", "COD");
        registrar().body(cod).post("/api/v1/issuances").then().statusCode(201);
        Map<String, Object> ammonia = issue(product, "POLLUTANT_EMISSION_RIGHT", 5);
        ammonia.put("pollutant", "NH3N");
        registrar().body(ammonia).post("/api/v1/issuances").then().statusCode(409).contentType("application/problem+json");
        cod.put("quantity", 5);
        registrar().body(cod).post("/api/v1/issuances").then().statusCode(201);
    }

    @Test
    void greenCertificatesAndPollutantRightsExpireOnceIdempotently() {
        Map<String, Object> solar = forestSink(newHolder(), "500", 2024);
        solar.put("productType", "RENEWABLE_ENERGY");
        solar.put("unit", "MWh");
        solar.put("indicator", "ECO_ENERGY");
        solar.put("ecosystemType", "FARMLAND");
        String product = registered(solar);
        String certificate = registrar().body(issue(product, "GREEN_POWER_CERTIFICATE", 100)).post("/api/v1/issuances").then().statusCode(201)
                .body("validUntil", equalTo(LocalDate.now().plusYears(2).toString())).extract().path("id");
        assertThat(issuances.expire(LocalDate.now())).as("nothing has expired today").isZero();
        LocalDate afterTwoYears = LocalDate.now().plusYears(2).plusDays(1);
        assertThat(issuances.expire(afterTwoYears)).isPositive();
        reader().get("/api/v1/issuances/" + certificate).then().body("status", equalTo("EXPIRED"));
        assertThat(issuances.expire(afterTwoYears)).as("a second run changes nothing").isZero();
        registrar().post("/api/v1/issuances/expiry").then().statusCode(200).body("expired", number("0"));
    }
}
