package org.opengep.accounting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.reader;
import static org.opengep.accounting.rest.OfficialGepTest.account;
import static org.opengep.accounting.rest.OfficialGepTest.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;

/**
 * The region tree is the statistics bureau's code table: development zones are marked and never missing, the table's
 * vintage is stated, and code changes over the years keep sums and series explained. Each test uses its own years.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class RegionTreeTest {

    private static JsonPath region(String code) {
        return reader().get("/api/v1/regions/" + code).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath childrenSum(String code, int year) {
        return reader().queryParam("year", year).queryParam("basis", "children").get("/api/v1/regions/" + code + "/gep")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void developmentZonesAreMarkedAndTheTableSaysItsVintage() {
        JsonPath zone = region("152971");
        assertThat(zone.getString("name")).isEqualTo("内蒙古阿拉善高新技术产业开发区");
        assertThat(zone.getBoolean("developmentZone")).isTrue();
        assertThat(zone.getString("codeTable")).contains("统计用区划代码").contains("2023-06-30");
        assertThat(region("152921").getBoolean("developmentZone")).isFalse();
        JsonPath prefecture = region("152900");
        assertThat(prefecture.getList("children.findAll { it.developmentZone }.code")).containsExactly("152971");
        // all 124 zones of the table, and nothing else, are marked
        List<Object> zones = reader().queryParam("level", "COUNTY").queryParam("limit", 5000).queryParam("name", "")
                .get("/api/v1/regions").then().statusCode(200).extract().jsonPath().getList("findAll { it.developmentZone }");
        assertThat(zones).hasSize(124);
    }

    @Test
    void aPrefectureWhoseCountiesAreAllAccountedMissesNothingUntilItsZoneIsAccountedToo() {
        for (String county : List.of("152921", "152922", "152923")) {
            publish(account(county, 2001, "1", "1", "1"), "county");
        }
        JsonPath sum = childrenSum("152900", 2001);
        assertThat(sum.getList("missingChildren")).isEmpty();
        assertThat(sum.getInt("uncoveredUnits")).isZero();
        assertThat(sum.getList("children.code")).containsExactlyInAnyOrder("152921", "152922", "152923");

        // the province accounts its development zone as well: it is summed with the counties
        publish(account("152971", 2001, "2", "2", "2"), "development zone");
        JsonPath withZone = childrenSum("152900", 2001);
        assertThat(withZone.getList("children.code")).contains("152971");
        assertThat(withZone.getString("children.find { it.code == '152971' }.source")).isEqualTo("OFFICIAL");
        assertThat(withZone.getDouble("gep")).isEqualTo(sum.getDouble("gep") + 6e8);
    }

    @Test
    void aRetiredCodeIsAccountedOnlyInItsYearsAndNamesItsSuccessor() {
        JsonPath xiacheng = region("330103");
        assertThat(xiacheng.getInt("validUntil")).isEqualTo(2020);
        assertThat(xiacheng.getString("codeChanges[0].successorCode")).isEqualTo("330105");
        assertThat(xiacheng.getString("codeChanges[0].kind")).isEqualTo("MERGED");
        assertThat(region("330113").getInt("validFrom")).isEqualTo(2021);
        assertThat(region("330104").getList("codeChanges.successorCode")).containsExactlyInAnyOrder("330102", "330114");

        accountant().body("""
                {"regionCode": "330103", "year": 2022, "indicators": {"AGRICULTURE": {"value": {"value": 1, "unit": "亿元"}}}}""")
                .post("/api/v1/gep-accounts").then().statusCode(400).contentType("application/problem+json")
                .body(containsString("330103 下城区 stands for its region until 2020, not in 2022"));
        accountant().body("""
                {"regionCode": "330113", "year": 2019, "indicators": {"AGRICULTURE": {"value": {"value": 1, "unit": "亿元"}}}}""")
                .post("/api/v1/gep-accounts").then().statusCode(400).body(containsString("from 2021"));

        // 杭州's districts before and after the 2021 re-drawing: each year's children are the codes of that year
        publish(account("330103", 2019, "1", "1", "1"), "before");
        publish(account("330106", 2019, "1", "1", "1"), "before");
        publish(account("330106", 2022, "1", "1", "1"), "after");
        List<String> before = childrenSum("330100", 2019).getList("children.code");
        assertThat(before).contains("330103", "330104").doesNotContain("330113", "330114");
        List<String> after = childrenSum("330100", 2022).getList("children.code");
        assertThat(after).contains("330113", "330114").doesNotContain("330103", "330104");
        assertThat(childrenSum("330100", 2022).getList("missingChildren")).contains("330113").doesNotContain("330103");
    }

    @Test
    void aSeriesAcrossARecodedCountyGoesOnFromItsFormerCodeAndSaysWhy() {
        for (String family : List.of("GENERAL", "AGRICULTURAL_PRODUCER")) {
            accountant().body(List.of(2016, 2017, 2018, 2020, 2021, 2022).stream()
                            .map(y -> "{\"year\": " + y + ", \"value\": 100, \"source\": \"flat test index\"}").toList().toString())
                    .put("/api/v1/price-indices/" + family).then().statusCode(204);
        }
        publish(account("330185", 2016, "1", "1", "1"), "临安市");
        publish(account("330112", 2018, "1", "1", "1"), "临安区");
        JsonPath series = reader().queryParam("from", 2016).queryParam("to", 2018).queryParam("priceYear", 2018)
                .get("/api/v1/regions/330112/gep/series").then().statusCode(200).extract().jsonPath();
        assertThat(series.getList("years.year", Integer.class)).containsExactly(2016, 2018);
        assertThat(series.getList("years.accountedAs")).containsExactly("330185", "330112");
        assertThat(series.getList("missingYears", Integer.class)).containsExactly(2017);
        assertThat(series.getString("codeChanges[0].kind")).isEqualTo("RECODED");
        assertThat(series.getString("codeChanges[0].explanation")).startsWith("until 2017 this region was accounted under 330185");

        // a region merged away: its series ends, and says where it went
        publish(account("330103", 2020, "1", "1", "1"), "下城区");
        JsonPath merged = reader().queryParam("from", 2020).queryParam("to", 2022).queryParam("priceYear", 2020)
                .get("/api/v1/regions/330103/gep/series").then().statusCode(200).extract().jsonPath();
        assertThat(merged.getList("years.year", Integer.class)).containsExactly(2020);
        assertThat(merged.getList("missingYears")).isEmpty();
        assertThat(merged.getString("codeChanges[0].explanation")).startsWith("from 2021 this region is part of 330105");
    }
}
