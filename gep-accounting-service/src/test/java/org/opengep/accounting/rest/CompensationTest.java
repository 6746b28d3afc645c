package org.opengep.accounting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.as;
import static org.opengep.accounting.rest.ApiTest.reader;
import static org.opengep.accounting.rest.OfficialGepTest.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.PostgresTestResource;

/**
 * Compensation through the API on real PostgreSQL. 丽水市 (331100) in 1996: three counties have official figures,
 * 莲都 (331102), 青田 (331121) and 缙云 (331122); the others do not. The price index is flat, so comparable GEP is
 * current GEP.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class CompensationTest {

    private static final String A = "331102";
    private static final String B = "331121";
    private static final String C = "331122";
    private static boolean published;

    private static String account(String region, int year, long population, String provisioningYi, String regulatingYi, String culturalYi) {
        return accountant().body("""
                {"regionCode": "%s", "year": %d, "population": %d, "gdp": {"value": 100, "unit": "亿元"}, "indicators": {
                   "AGRICULTURE": {"value": {"value": %s, "unit": "亿元"}},
                   "FLOOD_REGULATION": {"value": {"value": %s, "unit": "亿元"}},
                   "RECREATION": {"value": {"value": %s, "unit": "亿元"}}}}""".formatted(region, year, population, provisioningYi,
                regulatingYi, culturalYi)).post("/api/v1/gep-accounts").then().statusCode(201).extract().path("id");
    }

    @BeforeEach
    void officialFigures() {
        if (published) {
            return;
        }
        published = true;
        accountant().body("[{\"year\": 1995, \"value\": 100, \"source\": \"flat test index\"}, {\"year\": 1996, \"value\": 100, "
                + "\"source\": \"flat test index\"}]").put("/api/v1/price-indices/GENERAL").then().statusCode(204);
        // 1996 GEP 4, 5 and 6 亿元 (regulating 2, 3, 5); 1995 GEP 3.5, 5 and 6.5: growth +14.29 %, 0 and -7.69 %
        publish(account(A, 1996, 400_000, "1", "2", "1"), "1996");
        publish(account(B, 1996, 500_000, "1", "3", "1"), "1996");
        publish(account(C, 1996, 300_000, "0.5", "5", "0.5"), "1996");
        publish(account(A, 1995, 400_000, "1", "1.5", "1"), "1995");
        publish(account(B, 1995, 500_000, "1", "3", "1"), "1995");
        publish(account(C, 1995, 300_000, "0.5", "5.5", "0.5"), "1995");
        dataset("生态保护红线面积", 1996, "km²", "{\"" + A + "\": 100, \"" + B + "\": 300, \"" + C + "\": 600}");
        // a watershed below the prefecture with an official figure of its own: a part of the prefecture, never a recipient
        accountant().body("{\"code\": \"OUJIANG-UPPER\", \"name\": \"瓯江上游\", \"level\": \"WATERSHED\", \"parentCode\": \"331100\", "
                + "\"areaKm2\": 1200, \"areaSource\": \"流域规划\"}").post("/api/v1/regions").then().statusCode(201);
        publish(account("OUJIANG-UPPER", 1996, 100_000, "1", "9", "1"), "1996");
    }

    private static String dataset(String name, int year, String unit, String values) {
        return accountant().body("{\"name\": \"" + name + "\", \"year\": " + year + ", \"unit\": \"" + unit + "\", \"source\": \"丽水市公报(测试)\", "
                + "\"values\": " + values + "}").post("/api/v1/compensation/datasets").then().statusCode(201).extract().path("id");
    }

    private static String scheme(String body) {
        return accountant().body(body).post("/api/v1/compensation/schemes").then().statusCode(201).extract().path("id");
    }

    private static final String VERTICAL = """
            {"name": "%s", "kind": "VERTICAL", "source": "测试办法",
             "factors": [{"factor": "REGULATING_GEP", "weight": 0.5}, {"factor": "DATASET", "dataset": "生态保护红线面积", "weight": 0.3},
                         {"factor": "POPULATION", "weight": 0.2}],
             "growthAdjustment": {"coefficient": 0.5, "cap": 0.1}}""";

    private static Response allocate(String scheme, String body) {
        return accountant().body(body).post("/api/v1/compensation/schemes/" + scheme + "/allocations");
    }

    /**
     * Worked by hand: base shares 0.5 x (2, 3, 5)/10 + 0.3 x (100, 300, 600)/1000 + 0.2 x (4, 5, 3)/12 = 0.196667, 0.323333,
     * 0.48; growth adjustment 1 + 0.5 x clip(0.1429, 0.0, -0.0769 to ±0.1) = 1.05, 1, 0.96155; 1 000 万元 x adjusted / 0.991377
     * = 2 082 960.68, 3 261 455.78, 4 655 583.55: the two 元 the floors miss go to the largest remainders (青田, 莲都).
     */
    @Test
    void aVerticalTransferExplainsEachCountysAmountAndAddsUpToTheFund() {
        String scheme = scheme(VERTICAL.formatted("丽水市转移支付"));
        JsonPath a = allocate(scheme, "{\"year\": 1996, \"parentCode\": \"331100\", \"amount\": {\"value\": 1000, \"unit\": \"万元\"}}")
                .then().statusCode(201).extract().jsonPath();
        assertThat(a.getList("regions.regionCode")).as("the watershed is not a recipient").containsExactly(A, B, C);
        assertThat(a.getList("regions.amount", BigDecimal.class)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2082961"), new BigDecimal("3261456"), new BigDecimal("4655583"));
        assertThat(new BigDecimal(a.getString("total"))).isEqualByComparingTo("10000000");
        assertThat(new BigDecimal(a.getString("regions[0].baseShare"))).isEqualByComparingTo("0.196666666667");
        assertThat(new BigDecimal(a.getString("regions[0].growth"))).isEqualByComparingTo("0.1429");
        assertThat(new BigDecimal(a.getString("regions[0].adjustmentFactor"))).isEqualByComparingTo("1.05");
        assertThat(new BigDecimal(a.getString("regions[2].adjustmentFactor"))).isEqualByComparingTo("0.96155");
        assertThat(a.getString("regions[0].factors[0].source")).contains("official GEP account").contains(A + " 1996");
        assertThat(new BigDecimal(a.getString("regions[0].factors[0].value"))).isEqualByComparingTo("200000000");
        assertThat(a.getString("regions[0].factors[1].source")).contains("dataset 生态保护红线面积 1996 v1 (丽水市公报(测试))");
        assertThat(a.getString("regions[1].arithmetic")).contains("rounded to 3261456 元");
        assertThat(a.getList("excludedRegions.regionCode")).hasSize(6).contains("331123", "331181");
        assertThat(a.getString("excludedRegions[0].reason")).contains("no official GEP account for 1996");
        assertThat(a.getString("scheme.name")).isEqualTo("丽水市转移支付");

        String id = a.getString("id");
        String csv = new String(reader().queryParam("format", "csv").get("/api/v1/compensation/allocations/" + id).then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("331102,莲都区,RECEIVES,2082961").contains("合计 / Total");
        byte[] xlsx = reader().accept(org.opengep.accounting.rest.export.Exports.XLSX).get("/api/v1/compensation/allocations/" + id)
                .then().statusCode(200).extract().asByteArray();
        assertThat(xlsx).startsWith('P', 'K');
        reader().queryParam("schemeId", scheme).get("/api/v1/compensation/allocations").then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].published", equalTo(false));

        // published once; again is the same publication; another allocation of the same scheme, year and parent is refused
        as(Roles.Accounting.PUBLISHER).body("{\"reason\": \"市政府审定\"}").post("/api/v1/compensation/allocations/" + id + "/publication")
                .then().statusCode(201).body("publication.reason", equalTo("市政府审定"));
        as(Roles.Accounting.PUBLISHER).body("{\"reason\": \"again\"}").post("/api/v1/compensation/allocations/" + id + "/publication")
                .then().statusCode(200).body("publication.reason", equalTo("市政府审定"));
        String second = allocate(scheme, "{\"year\": 1996, \"parentCode\": \"331100\", \"amount\": {\"value\": 2000, \"unit\": \"万元\"}}")
                .then().statusCode(201).extract().path("id");
        as(Roles.Accounting.PUBLISHER).body("{\"reason\": \"x\"}").post("/api/v1/compensation/allocations/" + second + "/publication")
                .then().statusCode(409).body("type", equalTo("https://opengep.org/problems/allocation-already-published"));
        // the income is every published allocation the county receives in its latest year (other tests publish some too)
        JsonPath income = reader().get("/api/v1/compensation/income/" + B).then().statusCode(200).extract().jsonPath();
        assertThat(income.getInt("year")).isEqualTo(1996);
        assertThat(income.getList("receipts.allocationId")).contains(id);
        assertThat(new BigDecimal(income.getString("receipts.find { it.allocationId == '" + id + "' }.amount"))).isEqualByComparingTo("3261456");
        assertThat(new BigDecimal(income.getString("amount"))).isEqualByComparingTo(income.getList("receipts.amount", BigDecimal.class).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aBeneficiaryPaysSchemeSplitsTheProvidersWaterValueByWaterUse() {
        String provider = accountant().body("""
                {"regionCode": "331127", "year": 1997, "population": 170000, "indicators": {
                   "WATER_CONSERVATION": {"value": {"value": 2, "unit": "亿元"}},
                   "WATER_PURIFICATION": {"value": {"value": 0.5, "unit": "亿元"}},
                   "RECREATION": {"value": {"value": 1, "unit": "亿元"}}}}""").post("/api/v1/gep-accounts").then().statusCode(201)
                .extract().path("id");
        publish(provider, "1997");
        dataset("用水量", 1997, "万m³", "{\"" + A + "\": 5000, \"" + B + "\": 3000, \"" + C + "\": 2000}");
        String scheme = scheme("""
                {"name": "瓯江上游受益补偿", "kind": "HORIZONTAL", "providerCode": "331127", "payerCodes": ["%s", "%s", "%s"],
                 "gepIndicators": ["WATER_CONSERVATION", "WATER_PURIFICATION"], "gepShare": 0.1,
                 "measure": {"factor": "DATASET", "dataset": "用水量"}}""".formatted(A, B, C));
        JsonPath a = allocate(scheme, "{\"year\": 1997}").then().statusCode(201).extract().jsonPath();
        // C = 0.1 x (2 + 0.5) 亿元 = 25 000 000 元, split 5 : 3 : 2
        assertThat(new BigDecimal(a.getString("amountDerivation.amount"))).isEqualByComparingTo("25000000");
        assertThat(a.getString("amountDerivation.source")).contains("331127 1997");
        assertThat(a.getList("regions.amount", BigDecimal.class)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("12500000"), new BigDecimal("7500000"), new BigDecimal("5000000"));
        assertThat(a.getList("regions.direction")).containsOnly("PAYS");
        assertThat(a.getString("regions[0].factors[0].source")).contains("dataset 用水量 1997 v1");
        // the amount is derived: giving one is refused
        allocate(scheme, "{\"year\": 1997, \"amount\": {\"value\": 1, \"unit\": \"元\"}}").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        // payers by population need their official accounts of the year, which they do not have
        String byPopulation = scheme("""
                {"name": "按人口分担", "kind": "HORIZONTAL", "providerCode": "331127", "payerCodes": ["%s", "%s"],
                 "measure": {"factor": "POPULATION"}}""".formatted(A, B));
        allocate(byPopulation, "{\"year\": 1997, \"amount\": {\"value\": 100, \"unit\": \"万元\"}}").then().statusCode(409)
                .body("detail", containsString(A + " has no official GEP account for 1997")).body("detail", containsString(B));
    }

    @Test
    void badSchemesAndRunsAreRefusedNamingWhatIsWrongAndNothingIsStored() {
        accountant().body("""
                {"name": "bad", "kind": "VERTICAL", "factors": [{"factor": "GEP", "weight": 0.5}, {"factor": "POPULATION", "weight": 0.3}]}""")
                .post("/api/v1/compensation/schemes").then().statusCode(400).body("errors[0].field", equalTo("factors"))
                .body("errors[0].message", containsString("add up to 0.8"));
        accountant().body("{\"name\": \"bad\", \"kind\": \"VERTICAL\", \"factors\": [{\"factor\": \"DATASET\", \"weight\": 1}], \"providerCode\": \"331127\"}")
                .post("/api/v1/compensation/schemes").then().statusCode(400).body(containsString("factors[0].dataset"))
                .body(containsString("only for HORIZONTAL schemes"));
        accountant().body("{\"name\": \"bad\", \"kind\": \"SIDEWAYS\"}").post("/api/v1/compensation/schemes").then().statusCode(400);
        accountant().body("{\"name\": \"用水量\", \"year\": 1996, \"unit\": \"万m³\", \"source\": \"s\", \"values\": {\"" + A
                + "\": 1.1234567, \"999999\": 1}}").post("/api/v1/compensation/datasets").then().statusCode(400)
                .body(containsString("values." + A)).body(containsString("no region 999999"));
        accountant().body("{\"name\": \"bad\", \"kind\": \"HORIZONTAL\", \"providerCode\": \"331127\", \"payerCodes\": [\"331127\", \"999999\"], "
                + "\"measure\": {\"factor\": \"GDP\", \"weight\": 1}}").post("/api/v1/compensation/schemes").then().statusCode(400)
                .body(containsString("the provider does not pay itself")).body(containsString("no region 999999"))
                .body(containsString("a measure has no weight"));

        String scheme = scheme(VERTICAL.formatted("丽水市转移支付(检验)"));
        // a dataset without one region's value: the newer version is the one a run reads
        dataset("生态保护红线面积", 1996, "km²", "{\"" + A + "\": 100, \"" + B + "\": 300}");
        try {
            allocate(scheme, "{\"year\": 1996, \"parentCode\": \"331100\", \"amount\": {\"value\": 1000, \"unit\": \"万元\"}}").then()
                    .statusCode(409).body("type", equalTo("https://opengep.org/problems/compensation-figures-missing"))
                    .body("detail", containsString("dataset 生态保护红线面积 1996 v2 (丽水市公报(测试)) has no value for " + C));
        } finally {
            dataset("生态保护红线面积", 1996, "km²", "{\"" + A + "\": 100, \"" + B + "\": 300, \"" + C + "\": 600}");
        }
        // a parent whose children have no official figure, a fund in fen, a region that is not a child
        allocate(scheme, "{\"year\": 1997, \"parentCode\": \"331100\", \"amount\": {\"value\": 1000, \"unit\": \"万元\"}}").then()
                .statusCode(409).body("type", equalTo("https://opengep.org/problems/no-official-children"));
        allocate(scheme, "{\"year\": 1996, \"parentCode\": \"331100\", \"amount\": {\"value\": 100.5, \"unit\": \"元\"}}").then()
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        allocate(scheme, "{\"year\": 1996, \"parentCode\": \"331100\", \"amount\": {\"value\": 100, \"unit\": \"元\"}, \"regionCodes\": [\"330602\"]}")
                .then().statusCode(400).body("errors[0].field", equalTo("regionCodes[0]"));
        allocate(scheme, "{\"year\": 1996, \"amount\": {\"value\": 100, \"unit\": \"m³\"}}").then().statusCode(400)
                .body(containsString("parentCode")).body(containsString("measures"));
        allocate("00000000-0000-0000-0000-000000000001", "{\"year\": 1996}").then().statusCode(404);
        reader().queryParam("schemeId", scheme).get("/api/v1/compensation/allocations").then().statusCode(200).body("size()", equalTo(0));
        // the growth needs the year before: 1996 -> 1997 for no one
        as(Roles.Accounting.READER).body(VERTICAL.formatted("x")).post("/api/v1/compensation/schemes").then().statusCode(403);
    }

    @Test
    void aRetriedRunWithItsIdempotencyKeyIsStoredOnce() {
        String scheme = scheme(VERTICAL.formatted("丽水市转移支付(重试)"));
        String body = "{\"year\": 1996, \"parentCode\": \"331100\", \"amount\": {\"value\": 300, \"unit\": \"元\"}}";
        String first = accountant().header("Idempotency-Key", "run-1").body(body).post("/api/v1/compensation/schemes/" + scheme + "/allocations")
                .then().statusCode(201).extract().path("id");
        accountant().header("Idempotency-Key", "run-1").body(body).post("/api/v1/compensation/schemes/" + scheme + "/allocations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        reader().queryParam("schemeId", scheme).get("/api/v1/compensation/allocations").then().body("size()", equalTo(1));
    }

    /** Eight publishers at once, each publishing another allocation of the same scheme, year and parent: one wins. */
    @Test
    void concurrentPublicationsOfOneSchemeYearAndParentPublishOnlyOne() throws Exception {
        String scheme = scheme(VERTICAL.formatted("丽水市转移支付(并发)"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(allocate(scheme, "{\"year\": 1996, \"parentCode\": \"331100\", \"amount\": {\"value\": " + (1000 + i) + ", \"unit\": \"元\"}}")
                    .then().statusCode(201).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String id : ids) {
                Callable<Integer> publishOne = () -> as(Roles.Accounting.PUBLISHER).body("{\"reason\": \"r\"}")
                        .post("/api/v1/compensation/allocations/" + id + "/publication").then().extract().statusCode();
                answers.add(pool.submit(publishOne));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        reader().queryParam("schemeId", scheme).get("/api/v1/compensation/allocations").then()
                .body("findAll { it.published }.size()", equalTo(1));
    }

    @Test
    void aDatasetsUnitIsOneTheAccountsKnow() {
        accountant().body("{\"name\": \"人口\", \"year\": 1996, \"unit\": \"斤两\", \"source\": \"公报\", \"values\": {\"" + A + "\": 1}}")
                .post("/api/v1/compensation/datasets").then().statusCode(400).body("errors[0].field", equalTo("unit"));
        dataset("常住人口", 1996, "万人", "{\"" + A + "\": 10}");
        dataset("耕地面积", 1996, "亩", "{\"" + A + "\": 10}");
    }
}
