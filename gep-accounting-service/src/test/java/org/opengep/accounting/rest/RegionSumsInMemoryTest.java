package org.opengep.accounting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.reader;
import static org.opengep.accounting.rest.OfficialGepTest.account;
import static org.opengep.accounting.rest.OfficialGepTest.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.service.OfficialFigureCache;
import org.opengep.testsupport.PostgresTestResource;

/**
 * A year's figures over the region tree are read once and kept for the sums up the tree: a publication on this replica,
 * on another one (its notification), and a change of the tree (an area recorded) each make the next sum read them
 * again; a change that notifies nobody is not seen, which shows the sums come from memory.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class RegionSumsInMemoryTest {

    private static final int YEAR = 2008;

    @Inject
    OfficialFigureCache cache;

    @Test
    void sumsReadTheTreeAgainAfterEachPublicationAndChangeOfTheTree() throws Exception {
        Instant listening = Instant.now().plusSeconds(10);
        while (!cache.listening() && Instant.now().isBefore(listening)) {
            Thread.sleep(20); // nothing is kept in memory before the replica hears of publications
        }
        assertThat(source(sum(), "150302")).isEqualTo("MISSING");

        // this replica publishes: its next sum has the figure
        publish(account("150302", YEAR, "1", "2", "3"), "区政府审定");
        assertThat(source(sum(), "150302")).isEqualTo("OFFICIAL");
        assertThat(sum().getDouble("gep")).isEqualTo(6e8);

        // another replica publishes (the same SQL and notification, from a plain connection)
        String other = account("150303", YEAR, "10", "0", "0");
        sql("insert into gep_publication (id, account_id, region_code, year, method_version, official, reason, published_by, "
                + "published_at) values (gen_random_uuid(), '" + other + "', '150303', " + YEAR + ", 'MEE-2020', true, 'other replica', "
                + "'someone', now())", true);
        assertThat(source(awaitSum(s -> s.getDouble("gep") == 16e8), "150303")).isEqualTo("OFFICIAL");

        // withdrawn behind the service's back, without a notification: the sums still have it, from memory ...
        sql("update gep_publication set official = false where region_code = '150303' and year = " + YEAR, false);
        assertThat(sum().getDouble("gep")).isEqualTo(16e8);
        // ... until PostgreSQL delivers the notification
        sql("select pg_notify('gep_official', '150303|" + YEAR + "|MEE-2020')", false);
        assertThat(source(awaitSum(s -> s.getDouble("gep") == 6e8), "150303")).isEqualTo("MISSING");

        // a region's area is part of the tree
        accountant().body("{\"areaKm2\": 500.5, \"source\": \"乌海统计年鉴\"}").put("/api/v1/regions/150302/area").then().statusCode(200);
        assertThat(sum().getDouble("children.find { it.code == '150302' }.areaKm2")).isEqualTo(500.5);
    }

    private static JsonPath sum() {
        return reader().queryParam("year", YEAR).queryParam("basis", "children").get("/api/v1/regions/150300/gep")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitSum(Predicate<JsonPath> until) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        JsonPath sum = sum();
        while (!until.test(sum) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            sum = sum();
        }
        assertThat(until.test(sum)).as("the sum after the notification: " + sum.prettify()).isTrue();
        return sum;
    }

    private static String source(JsonPath sum, String child) {
        return sum.getString("children.find { it.code == '" + child + "' }.source");
    }

    /** A statement from a plain connection, as another replica or an administrator would run it; with its notification. */
    private static void sql(String statement, boolean notify) throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(statement);
                if (notify) {
                    s.execute("select pg_notify('gep_official', '150303|" + YEAR + "|MEE-2020')");
                }
            }
            c.commit();
        }
    }
}
