package org.opengep.accounting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.domain.GepAccount;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class GepAccountResourceTest {

    /** Shenzhen's published figures are in 亿元; the API answers in 元. */
    private static BigDecimal yi(JsonPath json, String path) {
        return new BigDecimal(json.getString(path)).divide(new BigDecimal("1e8")).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void shenzhen2020IsReproducedFromQuantitiesAndPrices() {
        accountant().body("{\"areaKm2\": 1997.47, \"source\": \"Shenzhen GEP 2020 release\"}").put("/api/v1/regions/440300/area")
                .then().statusCode(200);
        String priceSet = accountant().body("""
                {"name": "shenzhen-2020", "basedOn": "00000000-0000-0000-0000-000000002010",
                 "prices": [
                   {"key": "ELECTRICITY_PRICE", "value": 0.717, "unit": "元/kWh", "priceYear": 2020, "source": "implied by Shenzhen 2020 release"},
                   {"key": "RESERVOIR_STORAGE_COST", "value": 6.11, "unit": "元/m³", "priceYear": 2020, "source": "implied by Shenzhen 2020 release"}]}""")
                .post("/api/v1/price-sets").then().statusCode(201).extract().path("id");
        // Climate regulation and water conservation are published as quantities, the rest only as values
        // (provisioning as its total, regulating services other than the two above as their remainder).
        String body = """
                {"regionCode": "440300", "year": 2020, "priceSetId": "%s",
                 "indicators": {
                   "AGRICULTURE": {"value": {"value": 23.55, "unit": "亿元"}},
                   "CLIMATE_REGULATION": {"quantities": {"TRANSPIRATION": {"value": 680.95, "unit": "亿kWh"}}},
                   "WATER_CONSERVATION": {"quantities": {"WATER_CONSERVATION": {"value": 19.18, "unit": "亿m³"}}},
                   "FLOOD_REGULATION": {"value": {"value": 94.09, "unit": "亿元"}},
                   "RECREATION": {"value": {"value": 419.39, "unit": "亿元"}},
                   "LANDSCAPE_VALUE": {"value": {"value": 109.75, "unit": "亿元"}},
                   "OTHER_CULTURAL": {"value": {"value": 51.61, "unit": "亿元"}}}}""".formatted(priceSet);
        JsonPath created = accountant().body(body).post("/api/v1/gep-accounts").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/gep-accounts/[0-9a-f-]{36}"))
                .extract().jsonPath();
        assertThat(yi(created, "result.gep")).isEqualByComparingTo("1303.82");
        assertThat(yi(created, "result.categories.find { it.category == 'PROVISIONING' }.value")).isEqualByComparingTo("23.55");
        assertThat(yi(created, "result.categories.find { it.category == 'REGULATING' }.value")).isEqualByComparingTo("699.52");
        assertThat(yi(created, "result.categories.find { it.category == 'CULTURAL' }.value")).isEqualByComparingTo("580.75");
        assertThat(yi(created, "result.indicators.find { it.code == 'CLIMATE_REGULATION' }.value")).isEqualByComparingTo("488.24");
        assertThat(yi(created, "result.indicators.find { it.code == 'WATER_CONSERVATION' }.value")).isEqualByComparingTo("117.19");
        assertThat(yi(created, "result.gepPerKm2")).isEqualByComparingTo("0.65");
        assertThat(created.getString("result.indicators.find { it.code == 'CLIMATE_REGULATION' }.lines[0].priceYear")).isEqualTo("2020");
        assertThat(created.getString("provenance.priceSetId")).isEqualTo(priceSet);
        assertThat(created.getString("provenance.methodVersion")).isEqualTo("MEE-2020");
        assertThat(created.getString("provenance.inputsHash")).matches("[0-9a-f]{64}");

        String id = created.getString("id");
        JsonPath read = accountant().get("/api/v1/gep-accounts/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("result.gep")).isEqualTo(created.getString("result.gep"));
        assertThat(read.getString("provenance.inputsHash")).isEqualTo(created.getString("provenance.inputsHash"));
        // the price set valued an account: it can no longer change
        accountant().body("{\"name\": \"shenzhen-2020\", \"prices\": []}").put("/api/v1/price-sets/" + priceSet)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://opengep.org/problems/price-set-in-use"));
    }

    @Test
    void aCountyAccountFromBiophysicalInputsIsCompleteAndTraceable() {
        JsonPath r = accountant().body(GepAccountResource.EXAMPLE).post("/api/v1/gep-accounts").then().statusCode(201)
                .body("regionName", equalTo("越城区"))
                .body("result.indicators.code", hasItems("WATER_SUPPLY", "WATER_CONSERVATION", "CARBON_SEQUESTRATION", "RECREATION"))
                .body("result.indicators.find { it.code == 'WATER_SUPPLY' }.lines.code", hasItems("DOMESTIC", "INDUSTRIAL", "AGRICULTURAL"))
                .body("result.indicators.find { it.code == 'WATER_CONSERVATION' }.level", equalTo("BIOPHYSICAL"))
                .body("result.extent.ecosystemType", hasItem("FOREST"))
                .body("provenance.priceSetName", equalTo("reference-2010"))
                .extract().jsonPath();
        assertThat(new BigDecimal(r.getString("result.gepPerCapita"))).isPositive();
        assertThat(new BigDecimal(r.getString("result.gepToGdp"))).isPositive();
        // values by ecosystem type add up to GEP (allowing a fen of rounding per line)
        BigDecimal byType = r.getMap("result.valueByEcosystem").values().stream()
                .map(v -> new BigDecimal(v.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(byType.subtract(new BigDecimal(r.getString("result.gep"))).abs()).isLessThan(new BigDecimal("0.10"));
    }

    @Test
    void badInputIsA400ProblemNamingEachFieldAndStoresNothing() {
        long before = GepAccount.count();
        accountant().body("""
                {"regionCode": "999999", "year": 1800, "methodVersion": "MEE-1999",
                 "indicators": {"NOPE": {"value": {"value": 1, "unit": "元"}}}}""")
                .post("/api/v1/gep-accounts").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://opengep.org/problems/invalid-input"))
                .body("errors.field", hasItems("regionCode", "methodVersion"));
        accountant().body("""
                {"regionCode": "330602", "year": 1800,
                 "extent": {"FOREST": {"value": -3, "unit": "km²"}, "VOLCANO": {"value": 1, "unit": "km²"}},
                 "indicators": {
                   "NOPE": {"value": {"value": 1, "unit": "元"}},
                   "WATER_SUPPLY": {"quantities": {"DOMESTIC": {"value": 1, "unit": "亿元"}}},
                   "WATER_CONSERVATION": {"byEcosystem": {"FOREST": {"precipitation": {"value": 1500, "unit": "mm"}}}}}}""")
                .post("/api/v1/gep-accounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("year", "extent.FOREST", "extent.VOLCANO", "indicators.NOPE",
                        "indicators.WATER_SUPPLY.quantities.DOMESTIC",
                        "indicators.WATER_CONSERVATION.byEcosystem.FOREST.evapotranspiration",
                        "indicators.WATER_CONSERVATION.byEcosystem.FOREST.runoffCoefficient"));
        accountant().body("{\"regionCode\": \"330602\", \"year\": 2020, \"indicators\": {").post("/api/v1/gep-accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://opengep.org/problems/malformed-json"));
        accountant().body("{\"regionCode\": \"330602\", \"year\": \"twenty\", \"indicators\": {}}").post("/api/v1/gep-accounts")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        accountant().body("{\"regionCode\": \"330602\", \"year\": 2020, \"colour\": \"green\", \"indicators\": {}}")
                .post("/api/v1/gep-accounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        accountant().post("/api/v1/gep-accounts").then().statusCode(400).contentType("application/problem+json");
        accountant().body("""
                {"regionCode": "330602", "year": 2020, "extent": {"FOREST": {"value": 1, "unit": "km²", "depth": 2}},
                 "indicators": {"AGRICULTURE": {"value": {"value": 1, "unit": "元"}}}}""")
                .post("/api/v1/gep-accounts").then().statusCode(400).contentType("application/problem+json");
        assertThat(GepAccount.count()).isEqualTo(before);
    }

    @Test
    void figuresTooLargeToRecordAreA400NamingTheInputsNotAFailure() {
        long before = GepAccount.count();
        // each number keeps the JSON rules (below 10^18), but the values they give cannot be recorded in 元 with fen
        accountant().body("""
                {"regionCode": "330602", "year": 2020, "gdp": {"value": 900000000000000000, "unit": "亿元"},
                 "indicators": {"AGRICULTURE": {"value": {"value": 900000000000000000, "unit": "亿元"}}}}""")
                .post("/api/v1/gep-accounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("gdp", "indicators.AGRICULTURE"));
        assertThat(GepAccount.count()).isEqualTo(before);
    }

    @Test
    void extentLargerThanTheRegionIsRejected() {
        accountant().body("""
                {"code": "TEST-PARCEL-1", "name": "test parcel", "level": "PARCEL", "parentCode": "330602", "areaKm2": 2}""")
                .post("/api/v1/regions").then().statusCode(201);
        accountant().body("""
                {"regionCode": "TEST-PARCEL-1", "year": 2020, "extent": {"FOREST": {"value": 300, "unit": "hm²"}},
                 "indicators": {"FORESTRY": {"value": {"value": 1, "unit": "万元"}}}}""")
                .post("/api/v1/gep-accounts").then().statusCode(400)
                .body("errors.field", hasItem("extent"));
    }

    @Test
    void unknownAccountIs404() {
        accountant().get("/api/v1/gep-accounts/00000000-0000-0000-0000-000000000001").then().statusCode(404)
                .contentType("application/problem+json").body("type", startsWith("https://opengep.org/problems/not-found"));
        as(Roles.Accounting.ACCOUNTANT).get("/api/v1/gep-accounts/not-a-uuid").then().statusCode(404);
    }
}
