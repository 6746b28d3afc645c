package org.opengep.accounting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.reader;
import static org.opengep.accounting.rest.OfficialGepTest.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class SeriesTest {

    private static String values(String region, int year, String p, String r, String c, String gdpYi) {
        return accountant().body("""
                {"regionCode": "%s", "year": %d, "gdp": {"value": %s, "unit": "亿元"}, "indicators": {
                   "AGRICULTURE": {"value": {"value": %s, "unit": "亿元"}},
                   "CLIMATE_REGULATION": {"value": {"value": %s, "unit": "亿元"}},
                   "RECREATION": {"value": {"value": %s, "unit": "亿元"}}}}""".formatted(region, year, gdpYi, p, r, c))
                .post("/api/v1/gep-accounts").then().statusCode(201).extract().path("id");
    }

    private static BigDecimal yi(JsonPath json, String path) {
        return new BigDecimal(json.getString(path)).divide(new BigDecimal("1e8")).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * gep-method.md section 4: Inner Mongolia's GEP 2019 was 44 760.75 亿元 (3 125.30 + 33 727.90 + 7 907.55) and
     * grew 13.75 % over 2015 at comparable prices, 2015 at 2019 prices being 39 350.65 亿元. Here 2015 is published
     * at its current prices (35 000 亿元) and the price index makes it 39 350.65 at 2019 prices.
     */
    @Test
    void innerMongoliaGrew1375PercentAtComparablePrices() {
        generalAndProducerIndices("""
                [{"year": 2015, "value": 100, "source": "test deflator"}, {"year": 2019, "value": 112.430429, "source": "test deflator"}]""");
        publish(values("150000", 2015, "2500", "26000", "6500", "17800"), "2015");
        publish(values("150000", 2019, "3125.30", "33727.90", "7907.55", "17200"), "2019");
        JsonPath s = reader().queryParam("from", 2015).queryParam("to", 2019).queryParam("priceYear", 2019)
                .get("/api/v1/regions/150000/gep/series").then().statusCode(200).extract().jsonPath();
        assertThat(s.getString("method")).isEqualTo("DEFLATOR");
        assertThat(yi(s, "years[0].gepCurrent")).isEqualByComparingTo("35000.00");
        assertThat(yi(s, "years[0].gepComparable")).isEqualByComparingTo("39350.65");
        assertThat(yi(s, "years[1].gepComparable")).isEqualByComparingTo("44760.75");
        assertThat(new BigDecimal(s.getString("spanGrowth"))).isEqualByComparingTo("0.1375");
        assertThat(s.getList("missingYears")).containsExactly(2016, 2017, 2018);
        // GDP fell from 17 800 to 17 200 while GEP grew: not dual growth, and not the flagged case either
        assertThat(s.getString("spanDualGrowth")).isEqualTo("OTHER");
    }

    @Test
    void fixedPriceMethodValuesEachYearsQuantitiesWithTheBaseSet() {
        String set2010 = priceSet("water-2010", "2.0", 2010);
        String set2012 = priceSet("water-2012", "3.0", 2012);
        publish(water("330602", 2010, "1", set2010, "100"), "2010");
        publish(water("330602", 2012, "1.2", set2012, "90"), "2012");
        JsonPath s = reader().queryParam("from", 2010).queryParam("to", 2012).queryParam("priceYear", 2012)
                .queryParam("priceSetId", set2012).get("/api/v1/regions/330602/gep/series").then().statusCode(200).extract().jsonPath();
        assertThat(s.getString("method")).isEqualTo("FIXED_PRICE");
        // 2010: 1 亿m³ at 2.0 = 2 亿元 current, at 2012's 3.0 = 3 亿元; 2012: 1.2 x 3.0 = 3.6 亿元: +20 %
        assertThat(yi(s, "years[0].gepCurrent")).isEqualByComparingTo("2.00");
        assertThat(yi(s, "years[0].gepComparable")).isEqualByComparingTo("3.00");
        assertThat(yi(s, "years[1].gepComparable")).isEqualByComparingTo("3.60");
        assertThat(new BigDecimal(s.getString("years[1].growth"))).isEqualByComparingTo("0.2000");
        // GDP fell while GEP grew
        assertThat(s.getString("years[1].dualGrowth")).isEqualTo("OTHER");
    }

    @Test
    void gdpUpAndComparableGepDownIsFlagged() {
        publish(values("330681", 2010, "1", "1", "1", "100"), "a");
        publish(values("330681", 2011, "1", "0.5", "1", "110"), "b");
        generalAndProducerIndices("[{\"year\": 2010, \"value\": 100, \"source\": \"t\"}, {\"year\": 2011, \"value\": 100, \"source\": \"t\"}]");
        reader().queryParam("from", 2010).queryParam("to", 2011).queryParam("priceYear", 2010).get("/api/v1/regions/330681/gep/series")
                .then().statusCode(200).body("years[1].dualGrowth", equalTo("GDP_UP_GEP_DOWN"))
                .body("spanDualGrowth", equalTo("GDP_UP_GEP_DOWN"));
        String csv = reader().accept("text/csv").queryParam("from", 2010).queryParam("to", 2011).queryParam("priceYear", 2010)
                .get("/api/v1/regions/330681/gep/series").then().statusCode(200).extract().asString();
        assertThat(csv).contains("双增长 / Dual growth").contains("GDP_UP_GEP_DOWN");
    }

    @Test
    void childrenWhereGdpRoseAndGepFellAreFlaggedFirst() {
        generalAndProducerIndices("[{\"year\": 2008, \"value\": 100, \"source\": \"t\"}, {\"year\": 2009, \"value\": 102, \"source\": \"t\"}]");
        // 渝水区: GDP 100 -> 120, GEP 3 -> 3.2 (at 2009 prices 3.06 -> 3.2: grew); 分宜县: GDP 50 -> 60, GEP 3 -> 2.5 (fell)
        publish(values("360502", 2008, "1", "1", "1", "100"), "a");
        publish(values("360502", 2009, "1.2", "1", "1", "120"), "b");
        publish(values("360521", 2008, "1", "1", "1", "50"), "c");
        publish(values("360521", 2009, "0.5", "1", "1", "60"), "d");
        JsonPath g = reader().queryParam("from", 2008).queryParam("to", 2009).get("/api/v1/regions/360500/children/dual-growth")
                .then().statusCode(200).extract().jsonPath();
        assertThat(g.getString("[0].code")).isEqualTo("360521");
        assertThat(g.getString("[0].dualGrowth")).isEqualTo("GDP_UP_GEP_DOWN");
        // 2.5 / (3 x 1.02) - 1 = -0.1830
        assertThat(new BigDecimal(g.getString("[0].gepGrowth"))).isEqualByComparingTo("-0.1830");
        assertThat(g.getString("[1].dualGrowth")).isEqualTo("BOTH_GREW");
    }

    @Test
    void aMissingPriceIndexIsAConflictNamingIt() {
        publish(values("330683", 1990, "1", "1", "1", "10"), "a");
        publish(values("330683", 1991, "1", "1", "1", "10"), "b");
        reader().queryParam("from", 1990).queryParam("to", 1991).queryParam("priceYear", 1991).get("/api/v1/regions/330683/gep/series")
                .then().statusCode(409).body("type", equalTo("https://opengep.org/problems/missing-price-index"))
                .body("detail", org.hamcrest.Matchers.containsString("1990"));
        reader().queryParam("from", 1991).queryParam("to", 1990).get("/api/v1/regions/330683/gep/series").then().statusCode(400);
    }

    /** The same index for consumer and producer prices (supplied values of provisioning follow producer prices). */
    private static void generalAndProducerIndices(String years) {
        for (String family : new String[] {"GENERAL", "AGRICULTURAL_PRODUCER"}) {
            accountant().body(years).put("/api/v1/price-indices/" + family).then().statusCode(204);
        }
    }

    private static String priceSet(String name, String domesticPrice, int year) {
        return accountant().body("""
                {"name": "%s", "basedOn": "00000000-0000-0000-0000-000000002010", "prices": [
                  {"key": "WATER_PRICE_DOMESTIC", "value": %s, "unit": "元/m³", "priceYear": %d, "source": "test"}]}"""
                .formatted(name, domesticPrice, year)).post("/api/v1/price-sets").then().statusCode(201).extract().path("id");
    }

    private static String water(String region, int year, String volumeYi, String priceSet, String gdpYi) {
        return accountant().body("""
                {"regionCode": "%s", "year": %d, "priceSetId": "%s", "gdp": {"value": %s, "unit": "亿元"}, "indicators": {
                   "WATER_SUPPLY": {"quantities": {"DOMESTIC": {"value": %s, "unit": "亿m³"}}}}}"""
                .formatted(region, year, priceSet, gdpYi, volumeYi)).post("/api/v1/gep-accounts").then().statusCode(201).extract().path("id");
    }
}
