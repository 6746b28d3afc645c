package org.opengep.accounting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.as;
import static org.opengep.accounting.rest.ApiTest.reader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.PostgresTestResource;

/** Publication, the region tree, rankings and exports. Each test uses its own year so tests stay independent. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class OfficialGepTest {

    @jakarta.inject.Inject
    org.opengep.accounting.service.OfficialFigureCache cache;

    static String account(String region, int year, String provisioningYi, String regulatingYi, String culturalYi) {
        String body = """
                {"regionCode": "%s", "year": %d, "population": 100000, "gdp": {"value": 50, "unit": "亿元"},
                 "indicators": {
                   "AGRICULTURE": {"value": {"value": %s, "unit": "亿元"}},
                   "FLOOD_REGULATION": {"value": {"value": %s, "unit": "亿元"}},
                   "RECREATION": {"value": {"value": %s, "unit": "亿元"}}}}""".formatted(region, year, provisioningYi, regulatingYi, culturalYi);
        return accountant().body(body).post("/api/v1/gep-accounts").then().statusCode(201).extract().path("id");
    }

    static void publish(String accountId, String reason) {
        as(Roles.Accounting.PUBLISHER).body("{\"reason\": \"" + reason + "\"}").post("/api/v1/gep-accounts/" + accountId + "/publication")
                .then().statusCode(201);
    }

    private static BigDecimal yuan(String yi) {
        return new BigDecimal(yi).multiply(new BigDecimal("100000000")).setScale(2);
    }

    @Test
    void publishingMakesTheOfficialFigureAndSupersedesTheOldOne() {
        String first = account("150302", 2001, "1", "2", "3");
        reader().queryParam("year", 2001).get("/api/v1/regions/150302/gep").then().statusCode(404).contentType("application/problem+json");
        as(Roles.Accounting.PUBLISHER).body("{\"reason\": \"区政府审定\"}").post("/api/v1/gep-accounts/" + first + "/publication")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/regions/150302/gep?year=2001&methodVersion=MEE-2020"));
        reader().queryParam("year", 2001).get("/api/v1/regions/150302/gep").then().statusCode(200)
                .body("basis", equalTo("OFFICIAL")).body("accountId", equalTo(first))
                .body("publication.reason", equalTo("区政府审定")).body("publication.publishedBy", equalTo("user-gep-publisher"))
                .body("result.gep", equalTo(yuan("6")))
                .body("result.indicators.find { it.code == 'FLOOD_REGULATION' }.value", equalTo(yuan("2")))
                .body("result.indicators[0].lines", nullValue());
        reader().queryParam("year", 2001).queryParam("detail", "lines").get("/api/v1/regions/150302/gep").then().statusCode(200)
                .body("result.indicators.find { it.code == 'FLOOD_REGULATION' }.lines[0].value", equalTo(yuan("2")));
        // publishing the same account again changes nothing
        as(Roles.Accounting.PUBLISHER).body("{\"reason\": \"again\"}").post("/api/v1/gep-accounts/" + first + "/publication").then().statusCode(200);

        String corrected = account("150302", 2001, "1", "2", "4");
        publish(corrected, "更正文化服务");
        reader().queryParam("year", 2001).get("/api/v1/regions/150302/gep").then().body("accountId", equalTo(corrected))
                .body("result.gep", equalTo(yuan("7")));
        reader().queryParam("year", 2001).get("/api/v1/regions/150302/gep/publications").then().statusCode(200)
                .body("$", hasSize(2)).body("official", contains(true, false)).body("[1].accountId", equalTo(first))
                .body("[1].supersededBy", equalTo(reader().queryParam("year", 2001).get("/api/v1/regions/150302/gep/publications")
                        .then().extract().path("[0].id")));
        // the superseded account stays readable
        accountant().get("/api/v1/gep-accounts/" + first).then().statusCode(200);
    }

    /**
     * A generated client may send the first JSON-like type of all an operation documents, errors included: an Accept
     * of only application/problem+json gets the operation's JSON, not 406; one that asks for CSV first still gets CSV.
     */
    @Test
    void anAcceptNamingTheProblemTypeGetsTheJsonAndAFileIsStillAFile() {
        publish(account("150304", 2003, "1", "1", "1"), "区政府审定");
        reader().accept("application/problem+json").queryParam("year", 2003).get("/api/v1/regions/150304/gep").then().statusCode(200)
                .contentType("application/json").body("result.gep", equalTo(yuan("3")));
        reader().accept("application/problem+json").queryParam("year", 1999).get("/api/v1/regions/150304/gep").then().statusCode(404)
                .contentType("application/problem+json");
        reader().accept("text/csv, application/problem+json").queryParam("year", 2003).get("/api/v1/regions/150304/gep").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
    }

    /**
     * Another replica publishes (here: the same SQL and NOTIFY from a plain connection): this replica's cached
     * figure must give way to the new one as soon as PostgreSQL delivers the notification.
     */
    @Test
    void aPublicationOnAnotherReplicaEvictsTheCachedFigure() throws Exception {
        String first = account("150303", 2007, "1", "1", "1");
        publish(first, "first");
        reader().queryParam("year", 2007).get("/api/v1/regions/150303/gep").then().body("accountId", equalTo(first));
        reader().queryParam("year", 2007).get("/api/v1/regions/150303/gep").then().body("accountId", equalTo(first));
        assertThat(cache.peek("150303|2007|MEE-2020")).as("the figure is served from memory").isPresent();
        String second = account("150303", 2007, "2", "2", "2");
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class))) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                String id = java.util.UUID.randomUUID().toString();
                s.execute("update gep_publication set official = false, superseded_by = '" + id + "', superseded_at = now() "
                        + "where region_code = '150303' and year = 2007 and official");
                s.execute("insert into gep_publication (id, account_id, region_code, year, method_version, official, reason, "
                        + "published_by, published_at) values ('" + id + "', '" + second + "', '150303', 2007, 'MEE-2020', true, "
                        + "'other replica', 'someone', now())");
                s.execute("select pg_notify('gep_official', '150303|2007|MEE-2020')");
            }
            c.commit();
        }
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(5);
        String served = first;
        while (!served.equals(second) && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            served = reader().queryParam("year", 2007).get("/api/v1/regions/150303/gep").then().extract().path("accountId");
        }
        assertThat(served).isEqualTo(second);
    }

    @Test
    void onlyPublishersPublishAndAReasonIsRequired() {
        String id = account("150303", 2002, "1", "1", "1");
        accountant().body("{\"reason\": \"x\"}").post("/api/v1/gep-accounts/" + id + "/publication").then().statusCode(403);
        reader().body("{\"reason\": \"x\"}").post("/api/v1/gep-accounts/" + id + "/publication").then().statusCode(403);
        as(Roles.Accounting.PUBLISHER).body("{\"reason\": \" \"}").post("/api/v1/gep-accounts/" + id + "/publication").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(Roles.Accounting.PUBLISHER).body("{\"reason\": \"x\"}").post("/api/v1/gep-accounts/00000000-0000-0000-0000-000000000009/publication")
                .then().statusCode(404);
    }

    @Test
    void concurrentPublishingNeverLeavesTwoOfficialFigures() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(account("150304", 2003, "1", "1", String.valueOf(i + 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (String id : ids) {
            tasks.add(() -> as(Roles.Accounting.PUBLISHER).body("{\"reason\": \"race\"}").post("/api/v1/gep-accounts/" + id + "/publication").statusCode());
        }
        for (Future<Integer> f : pool.invokeAll(tasks)) {
            assertThat(f.get()).isEqualTo(201);
        }
        pool.shutdown();
        JsonPath history = reader().queryParam("year", 2003).get("/api/v1/regions/150304/gep/publications").then().extract().jsonPath();
        assertThat(history.getList("official", Boolean.class)).containsOnlyOnce(true).hasSize(8);
        // the chain of supersessions is complete: every superseded publication names its successor
        assertThat(history.getList("findAll { !it.official }.supersededBy")).hasSize(7).doesNotContainNull();
        String official = history.getString("find { it.official }.accountId");
        reader().queryParam("year", 2003).get("/api/v1/regions/150304/gep").then().body("accountId", equalTo(official));
    }

    @Test
    void aParentSumsItsChildrenAndSaysWhoIsMissing() {
        publish(account("150302", 2004, "1", "2", "3"), "county");
        publish(account("150303", 2004, "2", "3", "4"), "county");
        JsonPath sum = reader().queryParam("year", 2004).queryParam("basis", "children").get("/api/v1/regions/150300/gep")
                .then().statusCode(200).extract().jsonPath();
        assertThat(sum.getString("basis")).isEqualTo("CHILDREN");
        assertThat(new BigDecimal(sum.getString("gep"))).isEqualByComparingTo(yuan("15"));
        assertThat(new BigDecimal(sum.getString("categories.find { it.category == 'REGULATING' }.value"))).isEqualByComparingTo(yuan("5"));
        assertThat(new BigDecimal(sum.getString("indicators.find { it.code == 'RECREATION' }.value"))).isEqualByComparingTo(yuan("7"));
        assertThat(new BigDecimal(sum.getString("valueByEcosystem.FARMLAND"))).isEqualByComparingTo(yuan("3"));
        assertThat(sum.getList("missingChildren")).containsExactly("150304");
        assertThat(sum.getString("officialDifference")).isNull();

        // the prefecture also publishes its own figure: the difference is reported
        publish(account("150300", 2004, "3", "5", "8"), "prefecture");
        JsonPath withOwn = reader().queryParam("year", 2004).queryParam("basis", "children").get("/api/v1/regions/150300/gep")
                .then().extract().jsonPath();
        assertThat(new BigDecimal(withOwn.getString("officialDifference.difference"))).isEqualByComparingTo(yuan("1"));
        assertThat(new BigDecimal(withOwn.getString("officialDifference.officialMinusChildren.find { it.category == 'CULTURAL' }.value")))
                .isEqualByComparingTo(yuan("1"));
        // the region's own figure is compared with the sum, never counted in it
        assertThat(new BigDecimal(withOwn.getString("gep"))).isEqualByComparingTo(yuan("15"));
        assertThat(new BigDecimal(withOwn.getString("categories.find { it.category == 'REGULATING' }.value"))).isEqualByComparingTo(yuan("5"));
        assertThat(new BigDecimal(withOwn.getString("indicators.find { it.code == 'RECREATION' }.value"))).isEqualByComparingTo(yuan("7"));

        // the province ranks its prefectures: 乌海 counts with its own official figure, the others are missing
        JsonPath ranked = reader().queryParam("year", 2004).get("/api/v1/regions/150000/children/gep").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ranked.getString("[0].code")).isEqualTo("150300");
        assertThat(ranked.getString("[0].source")).isEqualTo("OFFICIAL");
        assertThat(ranked.getInt("[0].rank")).isEqualTo(1);
        assertThat(new BigDecimal(ranked.getString("[0].gepPerCapita"))).isEqualByComparingTo("16000.00");
        assertThat(ranked.getString("[1].source")).isEqualTo("MISSING");
        assertThat(ranked.getString("[1].rank")).isNull();

        reader().queryParam("year", 2004).queryParam("basis", "children").get("/api/v1/regions/159900/gep").then().statusCode(404);
        reader().queryParam("year", 2004).get("/api/v1/regions/159900/children/gep").then().statusCode(404);
    }

    @Test
    void childrenWithoutTheirOwnFigureCountWithTheSumBelowThem() {
        publish(account("150302", 2005, "1", "1", "1"), "county");
        publish(account("150304", 2005, "1", "1", "2"), "county");
        JsonPath ranked = reader().queryParam("year", 2005).get("/api/v1/regions/150000/children/gep").then().extract().jsonPath();
        assertThat(ranked.getString("[0].code")).isEqualTo("150300");
        assertThat(ranked.getString("[0].source")).isEqualTo("CHILDREN");
        assertThat(ranked.getInt("[0].figures")).isEqualTo(2);
        assertThat(ranked.getInt("[0].uncoveredUnits")).isEqualTo(1);
        JsonPath nation = reader().queryParam("year", 2005).queryParam("basis", "children").get("/api/v1/regions/100000/gep")
                .then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(nation.getString("gep"))).isEqualByComparingTo(yuan("7"));
        assertThat(nation.getList("missingChildren")).hasSize(30);
    }

    @Test
    void badQueriesAreProblems() {
        reader().get("/api/v1/regions/150302/gep").then().statusCode(400).body("errors[0].field", equalTo("year"));
        reader().queryParam("year", 2001).queryParam("basis", "parents").get("/api/v1/regions/150302/gep").then().statusCode(400);
        reader().queryParam("year", 2001).queryParam("yaer", 2001).get("/api/v1/regions/150302/gep").then().statusCode(400)
                .body("errors[0].field", equalTo("yaer"));
        reader().queryParam("year", 2001).get("/api/v1/regions/999999/gep").then().statusCode(404);
        reader().queryParam("year", 2001).queryParam("format", "pdf").get("/api/v1/regions/150302/gep").then().statusCode(400);
        // a query value of the wrong type is the client's mistake, named, not a 404 or a 500
        reader().queryParam("year", "twenty").get("/api/v1/regions/150302/gep").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        reader().queryParam("from", 2010).queryParam("to", 2011).queryParam("priceYear", 2011).queryParam("priceSetId", "nope")
                .get("/api/v1/regions/150302/gep/series").then().statusCode(400).body("errors[0].field", equalTo("priceSetId"));
        accountant().queryParam("limit", "many").get("/api/v1/gep-accounts").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void figuresExportToCsvAndXlsxWithChineseAndEnglishColumns() throws Exception {
        String id = account("150302", 2006, "1.5", "2", "3");
        publish(id, "export");
        publish(account("150303", 2006, "1", "1", "1"), "export");
        String csv = reader().accept("text/csv").queryParam("year", 2006).get("/api/v1/regions/150300/children/gep")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv")).extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).startsWith("排名 / Rank,区域代码 / Region code,区域 / Region");
        assertThat(lines[1]).startsWith("1,150302,海勃湾区,OFFICIAL,650000000.00");
        assertThat(lines).hasSize(4);

        byte[] xlsx = accountant().queryParam("format", "xlsx").get("/api/v1/gep-accounts/" + id).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats")).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(1)).isEqualTo("指标");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("Indicator");
            assertThat(rows.get(2).getCellText(1)).isEqualTo("农业产品");
            Row gep = rows.get(rows.size() - 1);
            assertThat(gep.getCellText(0)).isEqualTo("GEP");
            assertThat(new BigDecimal(gep.getCellText(12))).isEqualByComparingTo(yuan("6.5"));
        }
        String official = reader().accept("text/csv").queryParam("year", 2006).get("/api/v1/regions/150302/gep")
                .then().statusCode(200).extract().asString();
        assertThat(official).contains("FLOOD_REGULATION,洪水调蓄,Flood regulation,REGULATING");
    }
}
