package org.opengep.accounting.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.opengep.common.metrics.DomainMetrics;
import org.opengep.testsupport.PostgresTestResource;

/**
 * The warm-up goes through a national job's reading, computing, storing, publishing and summing (tests start without it),
 * and leaves nothing: no rows, no temporary tables, no accounts counted. Its sums up the tree go over HTTP with the service's
 * own read-only token, or in process where that cannot be called.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class AccountingWarmUpTest {

    @Inject
    @Readiness // the warm-up is the readiness check that waits for it
    AccountingWarmUp warmUp;

    @Inject
    LoopbackWarmUp loopback;

    @TestHTTPResource("/")
    URI self;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void goesThroughANationalJobAndLeavesNothing() throws Exception {
        Map<String, Long> before = counts();
        double countedBefore = accountsCounted();

        AccountingWarmUp.Round round = warmUp.warm(12, 1, self);

        assertThat(round.accounts()).isEqualTo(12);
        assertThat(round.documentBytes()).as("documents written").isGreaterThan(12 * 1_000L);
        assertThat(round.stored()).as("a national job's accounts stored and published before the rollback").isGreaterThan(2_900);
        assertThat(round.storedNationGep()).as("the nation summed over the job's figures").isPositive();
        assertThat(round.sums()).as("every prefecture, province and the nation, once over the job and three times more")
                .isGreaterThan(4 * 300);
        assertThat(round.loopbackSums()).as("the three rounds after the job called over HTTP with the service's own token")
                .isEqualTo(round.sums() / 4 * 3);
        assertThat(counts()).as("rows of the tables a job writes").isEqualTo(before);
        assertThat(count("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname like 'pg_temp%' and c.relname in ('gep_account', 'gep_account_value', 'gep_publication', "
                + "'gep_account_job', 'gep_account_job_item')")).as("temporary tables left in any session").isZero();
        assertThat(accountsCounted()).as("accounts counted as computed").isEqualTo(countedBefore);
    }

    @Test
    void sumsInProcessWhenTheServiceCannotCallItself() throws Exception {
        AccountingWarmUp.Round refused = warmUp.warm(0, 0, URI.create("http://127.0.0.1:" + freePort() + "/"));
        assertThat(refused.loopbackSums()).as("nothing listens there").isZero();
        assertThat(refused.sums()).as("three rounds in process instead").isGreaterThan(3 * 300);
    }

    @Test
    void itsOwnTokenReadsAndDoesNothingElse() throws Exception {
        String token = loopback.bearer();
        given().header("Authorization", token).get("/api/v1/regions/100000/gep?year=2020&basis=children").then().statusCode(200);
        given().header("Authorization", token).contentType("application/json").body("[]")
                .post("/api/v1/gep-account-jobs").then().statusCode(403);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : RolledBackJob.SHADOWED) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }

    private double accountsCounted() {
        Counter counter = metrics.find(DomainMetrics.ACCOUNTS_COMPUTED).counter();
        return counter == null ? 0 : counter.count();
    }

    private long count(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
