package org.opengep.accounting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.asUser;
import static org.opengep.accounting.rest.ApiTest.reader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.opengep.accounting.service.JobService;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class GepAccountJobTest {

    private static RequestSpecification bureau() {
        return asUser("bureau", Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER);
    }

    private static String county(String code, int year, String agricultureYi) {
        return """
                {"regionCode": "%s", "year": %d, "indicators": {"AGRICULTURE": {"value": {"value": %s, "unit": "亿元"}},
                 "WATER_SUPPLY": {"quantities": {"DOMESTIC": {"value": 1, "unit": "亿m³"}}}}}""".formatted(code, year, agricultureYi);
    }

    static JsonPath awaitDone(String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = accountant().get(location).then().statusCode(200).extract().jsonPath();
            if (job.getString("status").equals("DONE")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job did not finish: " + location);
    }

    @Inject
    JobService jobs;

    /**
     * A job that no upload handed its parsed requests to (resumed after a restart, or claimed on another replica) reads
     * them again from its stored items, with the same outcome; an item that no longer reads fails alone.
     */
    @Test
    void aResumedJobReadsItsRequestsFromItsItems() {
        UUID id = jobs.create(Stream.of(county("360502", 2011, "1"), county("360521", 2011, "2"), "{\"regionCode\": [1]}")
                .map(r -> r.getBytes(StandardCharsets.UTF_8)).toList(), false, null, null, "bureau");
        while (jobs.processChunk(id, null)) {
            // one chunk per call until none is left
        }
        JsonPath job = accountant().get("/api/v1/gep-account-jobs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("status")).isEqualTo("DONE");
        assertThat(job.getInt("done")).isEqualTo(2);
        assertThat(job.getList("failures.seq")).containsExactly(2);
        assertThat(job.getString("failures[0].errors[0].field")).isEqualTo("body");
        JsonPath accounts = bureau().queryParam("jobId", id.toString()).get("/api/v1/gep-accounts").then().statusCode(200)
                .extract().jsonPath();
        assertThat(accounts.getList("regionCode")).containsExactlyInAnyOrder("360502", "360521");
        assertThat(accounts.getList("gep", BigDecimal.class)).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("360000000"), new BigDecimal("460000000"));
    }

    @Inject
    ObjectMapper json;

    /**
     * The upload's requests are let go as their chunk is claimed; a chunk claimed again (after a failure rolled it back)
     * finds some of them gone and reads those from its items.
     */
    @Test
    void aChunkTriedAgainReadsTheRequestsItNoLongerHoldsFromItsItems() throws Exception {
        List<String> sent = List.of(county("360502", 2012, "1"), county("360521", 2012, "2"));
        UUID id = jobs.create(sent.stream().map(r -> r.getBytes(StandardCharsets.UTF_8)).toList(), false, null, null, "bureau");
        List<AccountRequest> parsed = Arrays.asList(json.readValue(sent.get(0), AccountRequest.class), null);
        for (int chunk = 0; chunk < 10 && jobs.processChunk(id, parsed); chunk++) {
            // one chunk per call until none is left (bounded: an item neither done nor failed would be claimed forever)
        }
        assertThat(parsed).containsOnlyNulls();
        JsonPath job = accountant().get("/api/v1/gep-account-jobs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("status")).isEqualTo("DONE");
        assertThat(job.getInt("done")).isEqualTo(2);
        JsonPath accounts = bureau().queryParam("jobId", id.toString()).get("/api/v1/gep-accounts").then().statusCode(200)
                .extract().jsonPath();
        assertThat(accounts.getList("regionCode")).containsExactlyInAnyOrder("360502", "360521");
    }

    @Inject
    DataSource dataSource;

    /** A large job leaves the tables it grew analysed (else the first sums are planned with the statistics of before). */
    @Test
    void aLargeJobHasTheAccountTablesAnalysedWhenItFinishes() throws SQLException, InterruptedException {
        Instant started = Instant.now();
        String body = "[" + String.join(",", java.util.Collections.nCopies(1000, county("360502", 2012, "1"))) + "]";
        awaitDone(bureau().body(body).post("/api/v1/gep-account-jobs").then().statusCode(202).extract().header("Location"));
        Instant deadline = Instant.now().plusSeconds(10);
        Instant analysed = null;
        while (Instant.now().isBefore(deadline) && (analysed == null || analysed.isBefore(started))) {
            Thread.sleep(200); // the statistics views lag behind by up to half a second
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select last_analyze from pg_stat_user_tables where relname = 'gep_account_value'")) {
                rs.next();
                analysed = rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant();
            }
        }
        assertThat(analysed).as("gep_account_value analysed by the job").isNotNull().isAfter(started);
    }

    @Test
    void aJobComputesAndPublishesEveryRegionAndFailsBadOnesAlone() {
        String body = "[" + county("360502", 2010, "1") + "," + county("360521", 2010, "2") + ","
                + county("999999", 2010, "3") + "," + county("330113", 2010, "1") + "]";
        // a year no account can have is refused with the upload, as the single operation refuses it
        bureau().body("[" + county("360502", 2010, "1") + "," + county("360502", 1066, "1") + "]").post("/api/v1/gep-account-jobs").then()
                .statusCode(400).body("errors[0].field", equalTo("[1].year"));
        String location = bureau().queryParam("publish", true).queryParam("reason", "省厅批量审定").body(body)
                .post("/api/v1/gep-account-jobs").then().statusCode(202).body("total", equalTo(4))
                .extract().header("Location");
        JsonPath job = awaitDone(location);
        assertThat(job.getInt("done")).isEqualTo(2);
        assertThat(job.getInt("failed")).isEqualTo(2);
        assertThat(job.getInt("pending")).isZero();
        assertThat(job.getList("failures.seq")).containsExactly(2, 3);
        assertThat(job.getString("failures[0].errors[0].field")).isEqualTo("regionCode");
        assertThat(job.getString("failures[0].errors[0].message")).startsWith("no region 999999");
        // a code read with the chunk's regions keeps its years: 临平区 stands for its region from 2021
        assertThat(job.getString("failures[1].errors[0].message")).contains("330113 临平区 stands for its region from 2021");
        // published: 渝水区 2 亿 + 2.6 (water) ... and its parent sums both counties
        reader().queryParam("year", 2010).get("/api/v1/regions/360502/gep").then().statusCode(200)
                .body("publication.reason", equalTo("省厅批量审定"));
        JsonPath sum = reader().queryParam("year", 2010).queryParam("basis", "children").get("/api/v1/regions/360500/gep")
                .then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(sum.getString("gep"))).isEqualByComparingTo("820000000.00");
        // the client can find its job again, and the accounts it made
        bureau().get("/api/v1/gep-account-jobs").then().statusCode(200).body("id", hasItem(job.getString("id")));
        JsonPath accounts = bureau().queryParam("jobId", job.getString("id")).get("/api/v1/gep-accounts").then().statusCode(200)
                .extract().jsonPath();
        assertThat(accounts.getList("regionCode")).containsExactlyInAnyOrder("360502", "360521");
        assertThat(accounts.getList("official", Boolean.class)).containsOnly(true);
        bureau().queryParam("regionCode", "360502").queryParam("year", 2010).get("/api/v1/gep-accounts").then().statusCode(200)
                .body("size()", equalTo(1));
        bureau().queryParam("region", "360502").get("/api/v1/gep-accounts").then().statusCode(400);
    }

    @Test
    void aRegionTwiceInOnePublishingJobEndsWithOneOfficialFigure() {
        String body = "[" + county("360521", 2014, "1") + "," + county("360521", 2014, "2") + "]";
        JsonPath job = awaitDone(bureau().queryParam("publish", true).queryParam("reason", "twice").body(body)
                .post("/api/v1/gep-account-jobs").then().statusCode(202).extract().header("Location"));
        assertThat(job.getInt("done")).isEqualTo(2);
        JsonPath history = reader().queryParam("year", 2014).get("/api/v1/regions/360521/gep/publications").then().extract().jsonPath();
        assertThat(history.getList("official", Boolean.class)).containsExactlyInAnyOrder(true, false);
        // the later account of the job is the official one: 2 亿 agriculture + 2.6 亿 water
        reader().queryParam("year", 2014).get("/api/v1/regions/360521/gep").then().statusCode(200)
                .body("result.gep", equalTo(new BigDecimal("460000000.00")));
    }

    @Test
    void publishingFromAJobNeedsThePublisherRoleAndAReason() {
        accountant().queryParam("publish", true).queryParam("reason", "x").body("[" + county("360502", 2011, "1") + "]")
                .post("/api/v1/gep-account-jobs").then().statusCode(403).contentType("application/problem+json");
        bureau().queryParam("publish", true).body("[" + county("360502", 2011, "1") + "]")
                .post("/api/v1/gep-account-jobs").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        accountant().body("{\"regionCode\": \"360502\"}").post("/api/v1/gep-account-jobs").then().statusCode(400);
        accountant().body("[1, 2]").post("/api/v1/gep-account-jobs").then().statusCode(400);
        accountant().body("[]").post("/api/v1/gep-account-jobs").then().statusCode(400);
        bureau().queryParam("publish", "yes").queryParam("reason", "x").body("[" + county("360502", 2011, "1") + "]")
                .post("/api/v1/gep-account-jobs").then().statusCode(400).body("errors[0].field", equalTo("publish"));
    }

    @Test
    void aCsvUploadMakesOneAccountPerRegionAndYear() {
        String csv = """
                regionCode,year,indicator,field,value,unit
                360502,2012,,extent.FOREST,300,km²
                360502,2012,,population,500000,
                360502,2012,WATER_CONSERVATION,byEcosystem.FOREST.precipitation,1600,mm
                360502,2012,WATER_CONSERVATION,byEcosystem.FOREST.evapotranspiration,800,mm
                360502,2012,WATER_CONSERVATION,byEcosystem.FOREST.runoffCoefficient,0.05,
                360502,2012,FLOOD_REGULATION,items.仙女湖.kind,LAKE,
                360502,2012,FLOOD_REGULATION,items.仙女湖.area,50,km²
                360502,2012,FLOOD_REGULATION,items.仙女湖.turnover,2,
                360521,2012,AGRICULTURE,value,3.5,亿元
                """;
        String location = accountant().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/gep-account-jobs").then().statusCode(202)
                .body("total", equalTo(2)).extract().header("Location");
        JsonPath job = awaitDone(location);
        assertThat(job.getInt("done")).as(job.prettify()).isEqualTo(2);
        accountant().contentType("text/csv; charset=UTF-8").body("region,year\n1,2").post("/api/v1/gep-account-jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("line 1"));
        accountant().contentType("text/csv; charset=UTF-8").body("regionCode,year,indicator,field,value,unit\n360502,2012,,gdp,lots,亿元\n")
                .post("/api/v1/gep-account-jobs").then().statusCode(400).body("errors[0].field", equalTo("line 2"));
        // what a CSV says is read with the same rules as JSON: a NUL in a value, bytes that are not UTF-8
        accountant().contentType("text/csv; charset=UTF-8").body("regionCode,year,indicator,field,value,unit\n3605\u000002,2012,AGRICULTURE,value,3.5,亿元\n")
                .post("/api/v1/gep-account-jobs").then().statusCode(400).body("errors.field", hasItem("[0].regionCode"));
        byte[] latin1 = "regionCode,year,indicator,field,value,unit\n360502,2012,AGRICULTURE,value,3.5,\u00e4\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        accountant().contentType("text/csv; charset=UTF-8").body(latin1).post("/api/v1/gep-account-jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void anIdempotencyKeyReturnsTheSameJobAndRefusesAnotherRequest() {
        String body = "[" + county("360521", 2013, "1") + "]";
        String first = bureau().header("Idempotency-Key", "import-2013").body(body).post("/api/v1/gep-account-jobs")
                .then().statusCode(202).header("Idempotent-Replayed", nullValue()).extract().path("id");
        String second = bureau().header("Idempotency-Key", "import-2013").body(body).post("/api/v1/gep-account-jobs")
                .then().statusCode(202).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(second).isEqualTo(first);
        // the same key for another request is refused, never answered with the first job: another body, or publishing
        bureau().header("Idempotency-Key", "import-2013").body("[" + county("360521", 2013, "2") + "]").post("/api/v1/gep-account-jobs")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://opengep.org/problems/idempotency-key-reused"));
        bureau().header("Idempotency-Key", "import-2013").queryParam("publish", true).queryParam("reason", "省厅批量审定").body(body)
                .post("/api/v1/gep-account-jobs").then().statusCode(422);
        // another user's key is their own
        accountant().header("Idempotency-Key", "import-2013").body(body).post("/api/v1/gep-account-jobs").then().statusCode(202)
                .header("Idempotent-Replayed", nullValue()).body("id", not(equalTo(first)));
        JsonPath job = awaitDone("/api/v1/gep-account-jobs/" + first);
        assertThat(job.getInt("total")).isEqualTo(1);
        assertThat(job.getString("clientKey")).isEqualTo("import-2013");
    }

    /**
     * What the single-account operation refuses for the request itself, the job's upload refuses too, naming the
     * element, and makes no job; an accepted job always ends, every item DONE or FAILED alone with its reasons, also
     * when a whole chunk fails and there is nothing to store.
     */
    @Test
    void aJobOfRequestsTheSingleOperationRefusesIsRefusedAndEveryAcceptedJobEnds() {
        String agriculture = "\"indicators\": {\"AGRICULTURE\": {\"value\": {\"value\": 1, \"unit\": \"亿元\"}}}";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{\"year\": 2015, " + agriculture + "}", "[0].regionCode");
        refused.put("{\"regionCode\": null, \"year\": 2015, " + agriculture + "}", "[0].regionCode");
        refused.put("{\"regionCode\": \"360502\", " + agriculture + "}", "[0].year");
        refused.put("{\"regionCode\": \"360502\", \"year\": 2015, \"methodVersion\": \"\", " + agriculture + "}", "[0].methodVersion");
        refused.put("{\"regionCode\": \"360502\", \"year\": 2015, \"priceSetId\": \"" + UUID.randomUUID() + "\", " + agriculture + "}",
                "[0].priceSetId");
        refused.put("{\"regionCode\": \"360502\", \"year\": 2015, \"gdp\": {\"value\": 1, \"unit\": \" \"}, " + agriculture + "}", "[0].gdp");
        refused.put("{\"regionCode\": \"360502\", \"year\": 2015, \"gdp\": {\"value\": -1, \"unit\": \"亿元\"}, " + agriculture + "}", "[0].gdp");
        refused.put("{\"regionCode\": \"360502\", \"year\": 2015}", "[0].indicators");
        refused.put("{\"regionCode\": \"360502\", \"year\": 2015, \"indicators\": {}}", "[0].indicators");
        for (var r : refused.entrySet()) {
            String body = "[" + county("360521", 2015, "1") + "," + r.getKey() + "]";
            String field = "[1]" + r.getValue().substring(3);
            accountant().body(r.getKey()).post("/api/v1/gep-accounts").then().statusCode(400).body("errors.field", hasItem(r.getValue().substring(4)));
            accountant().body(body).post("/api/v1/gep-account-jobs").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(field));
        }
        // ten thousand empty objects: one 400, its problems named up to a limit and the rest counted
        String empties = "[" + String.join(",", Collections.nCopies(10_000, "{}")) + "]";
        JsonPath many = accountant().body(empties).post("/api/v1/gep-account-jobs").then().statusCode(400).extract().jsonPath();
        assertThat(many.getString("errors[0].field")).isEqualTo("[0].regionCode");
        assertThat(many.getList("errors")).hasSize(101);
        assertThat(many.getString("errors[100].message")).endsWith("more problems not named here");
        // a CSV row that would be a spreadsheet formula is not a region code
        accountant().contentType("text/csv; charset=UTF-8")
                .body("regionCode,year,indicator,field,value,unit\n=HYPERLINK(\"x\"),2015,AGRICULTURE,value,1,亿元\n")
                .post("/api/v1/gep-account-jobs").then().statusCode(400).body("errors.field", hasItem("[0].regionCode"));
        accountant().get("/api/v1/gep-account-jobs").then().statusCode(200).body("status", not(hasItem("RUNNING")));

        // accepted: a chunk in which every item fails (nothing to store) ends, and so do requests the single operation takes
        JsonPath allFailed = awaitDone(accountant().body("[" + county("999999", 2015, "1") + "]").post("/api/v1/gep-account-jobs").then()
                .statusCode(202).extract().header("Location"));
        assertThat(allFailed.getInt("failed")).isEqualTo(1);
        assertThat(allFailed.getString("failures[0].errors[0].message")).startsWith("no region 999999");
        String plain = "{\"regionCode\": \"360502\", \"year\": 2015, \"outsideOrigin\": null, \"gdp\": null, \"population\": null, " + agriculture + "}";
        String wrongUnit = "{\"regionCode\": \"360521\", \"year\": 2015, \"indicators\": {\"AGRICULTURE\": {\"value\": {\"value\": 1, \"unit\": \"km²\"}}}}";
        JsonPath mixed = awaitDone(accountant().body("[" + plain + "," + wrongUnit + "]").post("/api/v1/gep-account-jobs").then().statusCode(202)
                .extract().header("Location"));
        assertThat(mixed.getInt("done")).as(mixed.prettify()).isEqualTo(1);
        assertThat(mixed.getInt("failed")).isEqualTo(1);
        assertThat(mixed.getString("failures[0].errors[0].field")).isEqualTo("indicators.AGRICULTURE.value");
    }
}
