package org.opengep.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.opengep.registry.rest.Fixtures.create;
import static org.opengep.registry.rest.Fixtures.forestSink;
import static org.opengep.registry.rest.Fixtures.move;
import static org.opengep.registry.rest.Fixtures.newHolder;
import static org.opengep.registry.rest.Fixtures.reader;
import static org.opengep.registry.rest.Fixtures.registrar;
import static org.opengep.registry.rest.Fixtures.verifier;
import static org.opengep.testsupport.ApiRequests.number;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengep.registry.client.AccountingStub;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
class ProductValuationTest {

    private static final String ACCOUNT = "5b1f8c2e-8e2a-4c1e-9a53-3c3c1f7a9e10";
    private static final AccountingStub ACCOUNTING = AccountingStub.instance();

    @BeforeAll
    static void publishLongquan2023() {
        ACCOUNTING.officialFigure("331181", 2023, ACCOUNT, "38521004512.37", """
                [{"code":"WATER_SUPPLY","category":"PROVISIONING","value":1200000.00,"lines":[
                  {"code":"DOMESTIC","quantity":100000,"unit":"m³","unitPrice":2.6,"priceUnit":"元/m³","priceYear":2010,"value":260000.00}]},
                 {"code":"CARBON_SEQUESTRATION","category":"REGULATING","value":152000000.00,"lines":[
                  {"code":"CO2","quantity":400000,"unit":"t","unitPrice":380,"priceUnit":"元/t","priceYear":2010,
                   "priceSource":"RCEES, afforestation cost","priceKey":"CARBON_PRICE","value":152000000.00}]}]""");
    }

    /** A forest carbon sink of 12 000 t declared, 11 500 t verified. */
    private static String verifiedSink(int vintage) {
        String id = create(forestSink(newHolder(), "12000", vintage));
        move(registrar(), id, "SUBMITTED");
        verifier().body(Map.of("to", "VERIFIED", "verifiedQuantity", 11500)).post("/api/v1/products/" + id + "/transitions").then().statusCode(200);
        return id;
    }

    private static void awaitAccountingAnswers(String productId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (registrar().post("/api/v1/products/" + productId + "/valuations").statusCode() != 201) {
            assertThat(System.currentTimeMillis()).as("the circuit closes again once the accounting service answers").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @Test
    void theVerifiedQuantityAtTheOfficialUnitPriceWithItsProvenance() {
        String id = verifiedSink(2023);
        registrar().post("/api/v1/products/" + id + "/valuations").then().statusCode(201)
                .body("value", number("4370000.00")) // 11 500 t x 380 元/t
                .body("quantity", number("11500")).body("unit", equalTo("tCO2e")).body("lineUnit", equalTo("t"))
                .body("unitPrice", number("380")).body("priceYear", number("2010"))
                .body("valueLine", equalTo("CO2")).body("priceKey", equalTo("CARBON_PRICE"))
                .body("accountId", equalTo(ACCOUNT)).body("publicationId", equalTo("7d0c3a52-1f0e-4c59-9d0e-1b8f2f0f6a01"))
                .body("priceSetName", equalTo("reference-2010")).body("methodVersion", equalTo("MEE-2020"))
                .body("regionGep", number("38521004512.37")).body("valuedBy", equalTo("registrar-li"));
        reader().get("/api/v1/products/" + id).then().statusCode(200)
                .body("latestValuation.value", number("4370000.00")).body("latestValuation.accountId", equalTo(ACCOUNT))
                .body("latestValuation.year", number("2023"));
        // the lists show each product with its latest valuation, as the single product does (the dashboard's region pages read them)
        String latest = reader().get("/api/v1/products/" + id + "/valuations").then().statusCode(200).extract().path("[0].id");
        reader().queryParam("vintage", 2023).queryParam("limit", 1000).get("/api/v1/products").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.latestValuation.id", equalTo(latest))
                .body("items.find { it.id == '" + id + "' }.latestValuation.value", number("4370000.00"));
    }

    @Test
    void noOfficialFigureIs409AndNothingIsRecorded() {
        String id = verifiedSink(2022);
        registrar().post("/api/v1/products/" + id + "/valuations").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://opengep.org/problems/no-official-figure"));
        reader().get("/api/v1/products/" + id + "/valuations").then().statusCode(200).body("$", hasSize(0));
        String draft = create(forestSink(newHolder(), "10", 2023));
        registrar().post("/api/v1/products/" + draft + "/valuations").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/product-not-verified"));
    }

    @Test
    void accountingDownIs503AndNothingIsHalfRecorded() throws Exception {
        String id = verifiedSink(2023);
        String holderId = newHolder();
        int before = registrar().queryParam("holder", holderId).get("/api/v1/products").then().extract().jsonPath().getList("items").size();
        ACCOUNTING.stop();
        try {
            registrar().post("/api/v1/products/" + id + "/valuations").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").body("type", equalTo("https://opengep.org/problems/accounting-unavailable"));
            // a region the registry has not cached yet: the draft cannot be checked, so it is not stored
            Map<String, Object> inShenzhen = forestSink(holderId, "10", 2023);
            inShenzhen.put("regionCode", "440300");
            registrar().body(inShenzhen).post("/api/v1/products").then().statusCode(503);
        } finally {
            ACCOUNTING.start();
        }
        reader().get("/api/v1/products/" + id + "/valuations").then().statusCode(200).body("$", hasSize(0));
        assertThat(registrar().queryParam("holder", holderId).get("/api/v1/products").then().extract().jsonPath().getList("items")).hasSize(before);
        awaitAccountingAnswers(id);
        reader().get("/api/v1/products/" + id + "/valuations").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aSlowAccountingServiceTimesOutInsteadOfHanging() throws Exception {
        String id = verifiedSink(2023);
        ACCOUNTING.delay(2_000);
        long started = System.nanoTime();
        try {
            registrar().post("/api/v1/products/" + id + "/valuations").then().statusCode(503)
                    .body("type", equalTo("https://opengep.org/problems/accounting-unavailable"));
        } finally {
            ACCOUNTING.delay(0);
        }
        // three attempts of at most 0.7 s each (test configuration), not three times the 2 s the service takes
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
        reader().get("/api/v1/products/" + id + "/valuations").then().statusCode(200).body("$", hasSize(0));
        awaitAccountingAnswers(id);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndCallersFailFast() throws Exception {
        String id = verifiedSink(2023);
        ACCOUNTING.failWith(500);
        try {
            for (int i = 0; i < 4; i++) {
                registrar().post("/api/v1/products/" + id + "/valuations").then().statusCode(503);
            }
            int asked = ACCOUNTING.requests();
            registrar().post("/api/v1/products/" + id + "/valuations").then().statusCode(503);
            assertThat(ACCOUNTING.requests()).as("an open circuit does not call the service").isEqualTo(asked);
        } finally {
            ACCOUNTING.failWith(0);
        }
        awaitAccountingAnswers(id);
    }

    @Test
    void aRegionCodeThatCannotExistIsRefusedHereWithoutAskingTheAccountingService() {
        int asked = ACCOUNTING.requests();
        for (String code : List.of("3".repeat(33), "33\t0602", "../330602", "33060２", "a", "330602 ")) {
            Map<String, Object> draft = forestSink(newHolder(), "100", 2023);
            draft.put("regionCode", code);
            registrar().body(draft).post("/api/v1/products").then().statusCode(400).body("errors.field", hasItem("regionCode"));
        }
        assertThat(ACCOUNTING.requests()).as("bad input never reaches the accounting service").isEqualTo(asked);
    }

    @Test
    void aRefusalFromTheAccountingServiceIsNotRetriedAndNeverOpensTheCircuit() throws Exception {
        String id = verifiedSink(2023);
        awaitAccountingAnswers(id);
        ACCOUNTING.failWith(400);
        int asked = ACCOUNTING.requests();
        try {
            for (int i = 0; i < 8; i++) {
                registrar().post("/api/v1/products/" + id + "/valuations").then().statusCode(503);
            }
            assertThat(ACCOUNTING.requests() - asked).as("one call per request: a 4xx is not retried").isEqualTo(8);
        } finally {
            ACCOUNTING.failWith(0);
        }
        registrar().post("/api/v1/products/" + id + "/valuations").then().statusCode(201);
    }
}
