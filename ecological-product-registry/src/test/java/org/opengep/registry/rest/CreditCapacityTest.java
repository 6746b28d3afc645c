package org.opengep.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.registry.rest.Fixtures.create;
import static org.opengep.registry.rest.Fixtures.forestSink;
import static org.opengep.registry.rest.Fixtures.holder;
import static org.opengep.registry.rest.Fixtures.move;
import static org.opengep.registry.rest.Fixtures.newHolder;
import static org.opengep.registry.rest.Fixtures.reader;
import static org.opengep.registry.rest.Fixtures.registrar;
import static org.opengep.registry.rest.Fixtures.verifier;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.registry.client.AccountingStub;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.registry.client.TradingStub;
import org.opengep.registry.client.TradingStubResource;
import org.opengep.testsupport.ApiRequests;
import org.opengep.testsupport.PostgresTestResource;

/**
 * A holder's credit capacity through the API on real PostgreSQL, with the accounting and trading services as stubs behind
 * real HTTP and tokens. 缙云县 (331122) has an official GEP of 2023 of 20 000 000 元, with carbon at 380 元/t.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
@WithTestResource(TradingStubResource.class)
class CreditCapacityTest {

    private static final AccountingStub ACCOUNTING = AccountingStub.instance();
    private static final TradingStub TRADING = TradingStub.instance();
    private static final UUID PLEDGE = UUID.fromString("3c2a1b4d-0000-4000-8000-00000000beef");

    @BeforeAll
    static void jinyun2023() {
        ACCOUNTING.officialFigure("331122", 2023, "8c1f8c2e-8e2a-4c1e-9a53-3c3c1f7a9e12", "20000000.00", """
                [{"code":"CARBON_SEQUESTRATION","category":"REGULATING","value":15200000.00,"lines":[
                  {"code":"CO2","quantity":40000,"unit":"t","unitPrice":380,"priceUnit":"元/t","priceYear":2010,"priceKey":"CARBON_PRICE",
                   "value":15200000.00}]}]""");
        ACCOUNTING.compensationIncome("331122", 2025, "100000");
        TRADING.listedForestSink(7, 2023, "2026-11-30", "85");
    }

    private static RequestSpecification lender() {
        return ApiRequests.asUser("bank-lin", Roles.Registry.LENDER);
    }

    private static String policy() {
        return lender().body("""
                {"name": "缙云农商行生态贷", "loanToValue": {"FOREST_CARBON_SINK": 0.7, "WATER_RIGHT": 0.5}, "compensationMultiple": 3,
                 "gepCapShare": 0.3, "maxAmount": 1000000, "termYears": 5, "source": "丽水市GEP贷管理办法(测试)"}""")
                .post("/api/v1/credit-policies").then().statusCode(201).extract().path("id");
    }

    /** A verified and valued forest sink of 缙云县, and blocks of it the holder holds at the trading service. */
    private static String holderWithBlocks() {
        String holder = newHolder();
        Map<String, Object> draft = forestSink(holder, "5000", 2023);
        draft.put("regionCode", "331122");
        String product = create(draft);
        move(registrar(), product, "SUBMITTED");
        move(verifier(), product, "VERIFIED");
        registrar().post("/api/v1/products/" + product + "/valuations").then().statusCode(201);
        TRADING.holdings(UUID.fromString(holder), """
                [{"first":"FCS-331122-1-2023-1","last":"FCS-331122-1-2023-1000","units":1000,"holderId":"%1$s","rightType":"FOREST_CARBON_SINK",
                  "vintage":2023,"productId":"%2$s","regionCode":"331122","state":"AVAILABLE"},
                 {"first":"FCS-331122-1-2022-1","last":"FCS-331122-1-2022-500","units":500,"holderId":"%1$s","rightType":"FOREST_CARBON_SINK",
                  "vintage":2022,"productId":"%2$s","regionCode":"331122","state":"AVAILABLE"},
                 {"first":"FCS-331122-1-2023-1001","last":"FCS-331122-1-2023-1200","units":200,"holderId":"%1$s","rightType":"FOREST_CARBON_SINK",
                  "vintage":2023,"productId":"%2$s","regionCode":"331122","state":"PLEDGED","movementId":"%3$s"},
                 {"first":"FCS-331122-1-2023-1201","last":"FCS-331122-1-2023-1300","units":100,"holderId":"%1$s","rightType":"FOREST_CARBON_SINK",
                  "vintage":2023,"productId":"%2$s","regionCode":"331122","state":"RETIRED"}]""".formatted(holder, product, PLEDGE));
        return holder;
    }

    /**
     * Worked by hand: 1 000 t of vintage 2023 at the close of 85 元 = 85 000, x 0.7 = 59 500; 500 t of 2022 (not listed) at the
     * valuation's 380 元/t = 190 000, x 0.7 = 133 000; 3 x 100 000 元 of compensation = 300 000; secured 492 500, under both the
     * GEP cap (0.3 x 20 000 000 = 6 000 000) and the maximum (1 000 000). The 200 t pledged are listed; retired units count not.
     */
    @Test
    void aLenderReadsWhatTheHoldersRightsAndCompensationSupport() {
        String policy = policy();
        String holder = holderWithBlocks();
        registrar().body("{\"regionCode\": \"331122\"}").put("/api/v1/holders/" + holder + "/compensation-region").then().statusCode(200)
                .body("compensationRegionCode", equalTo("331122"));
        JsonPath c = lender().queryParam("policyId", policy).get("/api/v1/holders/" + holder + "/credit-capacity").then().statusCode(200)
                .extract().jsonPath();
        assertThat(c.getList("capacity.collateral")).hasSize(2);
        assertThat(new BigDecimal(c.getString("capacity.collateral[0].value"))).isEqualByComparingTo("85000");
        assertThat(c.getString("capacity.collateral[0].valueSource")).contains("close of instrument 7 on 2026-11-30");
        assertThat(new BigDecimal(c.getString("capacity.collateral[1].value"))).isEqualByComparingTo("190000");
        assertThat(c.getString("capacity.collateral[1].valueSource")).contains("from official GEP account").contains("331122 2023");
        assertThat(new BigDecimal(c.getString("capacity.collateralLendable"))).isEqualByComparingTo("192500");
        assertThat(new BigDecimal(c.getString("capacity.compensation.lendable"))).isEqualByComparingTo("300000");
        assertThat(c.getString("capacity.compensation.source")).contains("331122 in 2025");
        assertThat(new BigDecimal(c.getString("capacity.cap"))).isEqualByComparingTo("6000000");
        assertThat(c.getString("capacity.gepCap[0].source")).contains("331122 2023");
        assertThat(new BigDecimal(c.getString("capacity.limit"))).isEqualByComparingTo("492500");
        assertThat(c.getString("capacity.binding")).isEqualTo("SECURITY");
        assertThat(c.getString("capacity.alreadyPledged[0].pledgeId")).isEqualTo(PLEDGE.toString());
        assertThat(new BigDecimal(c.getString("capacity.alreadyPledged[0].quantity"))).isEqualByComparingTo("200");
        assertThat(c.getInt("policy.version")).isPositive();

        // the holder reads its own; another holder, a reader and an unknown policy do not
        holder(holder).queryParam("policyId", policy).get("/api/v1/holders/" + holder + "/credit-capacity").then().statusCode(200);
        holder(newHolder()).queryParam("policyId", policy).get("/api/v1/holders/" + holder + "/credit-capacity").then().statusCode(403);
        reader().queryParam("policyId", policy).get("/api/v1/holders/" + holder + "/credit-capacity").then().statusCode(403);
        lender().queryParam("policyId", UUID.randomUUID()).get("/api/v1/holders/" + holder + "/credit-capacity").then().statusCode(404)
                .body("detail", containsString("credit policy"));
        lender().get("/api/v1/holders/" + holder + "/credit-capacity").then().statusCode(400).body("errors[0].field", equalTo("policyId"));
        lender().queryParam("policyId", policy).get("/api/v1/holders/" + UUID.randomUUID() + "/credit-capacity").then().statusCode(404);
    }

    /** A block of a product never valued, in a region without a published GEP: counted as nothing, and said so. */
    @Test
    void whatCannotBeValuedOrCappedIsSaid() {
        String policy = policy();
        String holder = newHolder();
        TRADING.holdings(UUID.fromString(holder), """
                [{"first":"FCS-440304-9-2023-1","last":"FCS-440304-9-2023-10","units":10,"holderId":"%s","rightType":"FOREST_CARBON_SINK",
                  "vintage":2021,"productId":"%s","regionCode":"440304","state":"AVAILABLE"}]""".formatted(holder, UUID.randomUUID()));
        JsonPath c = lender().queryParam("policyId", policy).get("/api/v1/holders/" + holder + "/credit-capacity").then().statusCode(200)
                .extract().jsonPath();
        assertThat(c.getString("capacity.collateral[0].note")).contains("not valued");
        assertThat(c.getList("notes")).containsExactly("no official GEP of 440304 is published: it adds nothing to the cap");
        assertThat(new BigDecimal(c.getString("capacity.limit"))).isEqualByComparingTo("0");
    }

    @Test
    void whenTheTradingServiceIsDownTheAnswerIs503() {
        String policy = policy();
        String holder = holderWithBlocks();
        TRADING.stop();
        try {
            lender().queryParam("policyId", policy).get("/api/v1/holders/" + holder + "/credit-capacity").then().statusCode(503)
                    .body("type", containsString("trading-unavailable"));
        } finally {
            TRADING.start();
        }
    }

    @Test
    void policiesAreVersionedAndCheckedAndOnlyLendersMakeThem() {
        String first = policy();
        JsonPath second = lender().get("/api/v1/credit-policies/" + policy()).then().statusCode(200).extract().jsonPath();
        assertThat(second.getInt("version")).isEqualTo(lender().get("/api/v1/credit-policies/" + first).then().extract().jsonPath().getInt("version") + 1);
        lender().body("""
                {"name": "bad", "loanToValue": {"FOREST_CARBON_SINK": 1.5}, "compensationMultiple": 3.12345, "gepCapShare": 0,
                 "termYears": 50, "source": "x"}""").post("/api/v1/credit-policies").then().statusCode(400)
                .body(containsString("loanToValue.FOREST_CARBON_SINK")).body(containsString("compensationMultiple"))
                .body(containsString("gepCapShare")).body(containsString("termYears"));
        lender().body("{\"name\": \"bad\", \"loanToValue\": {\"GOLD\": 0.5}, \"compensationMultiple\": 3, \"gepCapShare\": 0.3, "
                + "\"termYears\": 5, \"source\": \"x\"}").post("/api/v1/credit-policies").then().statusCode(400);
        // a right type by its position is not a right type
        lender().body("{\"name\": \"bad\", \"loanToValue\": {\"0\": 0.5}, \"compensationMultiple\": 3, \"gepCapShare\": 0.3, "
                + "\"termYears\": 5, \"source\": \"x\"}").post("/api/v1/credit-policies").then().statusCode(400);
        registrar().body("{\"name\": \"x\"}").post("/api/v1/credit-policies").then().statusCode(403);
        registrar().body("{\"regionCode\": \"999999\"}").put("/api/v1/holders/" + newHolder() + "/compensation-region").then().statusCode(400)
                .body(containsString("knows no region 999999"));
    }
}
