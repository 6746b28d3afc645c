package org.opengep.accounting.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.reader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class RegionResourceTest {

    @Test
    void theWholeGbT2260TreeIsLoaded() {
        reader().get("/api/v1/regions").then().statusCode(200).body("$", hasSize(31));
        reader().queryParam("level", "PREFECTURE").queryParam("limit", 5000).get("/api/v1/regions")
                .then().statusCode(200).body("$", hasSize(342));
        // china-division lists 2 978 county-level "areas"; three of them (东莞 441900, 中山 442000, 儋州 460400) are
        // prefecture-level cities without counties and share the prefecture's code, so they are stored once. Six codes
        // retired before the table's vintage (regions/code-changes.csv) are there too, valid until their last year.
        reader().queryParam("level", "COUNTY").queryParam("limit", 5000).get("/api/v1/regions")
                .then().statusCode(200).body("$", hasSize(2975 + 6)).body("findAll { it.validUntil != null }", hasSize(6));
        reader().get("/api/v1/regions/441900").then().statusCode(200)
                .body("level", equalTo("PREFECTURE")).body("children", hasSize(0));
    }

    @Test
    void aRegionShowsItsAncestorsChildrenAndLevel() {
        reader().get("/api/v1/regions/440300").then().statusCode(200)
                .body("name", equalTo("深圳市"))
                .body("level", equalTo("PREFECTURE"))
                .body("ancestors.code", org.hamcrest.Matchers.contains("100000", "440000"))
                .body("children.code", hasItem("440304"));
        reader().get("/api/v1/regions/440304").then().statusCode(200).body("level", equalTo("COUNTY"));
    }

    @Test
    void unknownRegionIs404Problem() {
        reader().get("/api/v1/regions/999999").then().statusCode(404)
                .contentType("application/problem+json").body("type", startsWith("https://opengep.org/problems/not-found"));
    }

    @Test
    void customUnitHangsBelowItsParent() {
        accountant().body("""
                {"code": "SZ-MANGROVE", "name": "福田红树林保护区", "level": "RESERVE", "parentCode": "440304", "areaKm2": 3.68}""")
                .post("/api/v1/regions").then().statusCode(201)
                .header("Location", startsWith("http")).body("ancestors.code", hasItem("440300"));
        reader().get("/api/v1/regions/440304").then().body("children.code", hasItem("SZ-MANGROVE"));
        accountant().body("""
                {"code": "SZ-MANGROVE", "name": "again", "level": "RESERVE", "parentCode": "440304", "areaKm2": 1}""")
                .post("/api/v1/regions").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void invalidCustomUnitNamesEveryField() {
        accountant().body("""
                {"code": "123456", "name": "", "level": "COUNTY", "parentCode": "000000", "areaKm2": -1}""")
                .post("/api/v1/regions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("level")).body("errors.field", hasItem("parentCode"))
                .body("errors.field", hasItem("areaKm2"));
    }

    @Test
    void areaCanBeRecordedByAnAccountantOnly() {
        reader().body("{\"areaKm2\": 1997.47, \"source\": \"yearbook\"}").put("/api/v1/regions/440300/area")
                .then().statusCode(403).contentType("application/problem+json");
        accountant().body("{\"areaKm2\": 1997.47, \"source\": \"深圳统计年鉴\"}").put("/api/v1/regions/440300/area")
                .then().statusCode(200).body("areaKm2", equalTo(new java.math.BigDecimal("1997.47")));
    }
}
