package org.opengep.accounting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;

/** The warm-up goes through a national job's reading, computing and summing (tests start without it), and stores nothing. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class AccountingWarmUpTest {

    @Inject
    @Readiness // the warm-up is the readiness check that waits for it
    AccountingWarmUp warmUp;

    @Inject
    DataSource dataSource;

    @Test
    void readsComputesAndSumsAsANationalJobDoesAndStoresNothing() throws Exception {
        long accountsBefore = count("gep_account");
        long itemsBefore = count("gep_account_job_item");

        AccountingWarmUp.Round round = warmUp.warm(12);

        assertThat(round.accounts()).isEqualTo(12);
        assertThat(round.documentBytes()).as("documents written").isGreaterThan(12 * 1_000L);
        assertThat(round.sums()).as("every prefecture, province and the nation, three times").isGreaterThan(3 * 300);
        assertThat(count("gep_account")).isEqualTo(accountsBefore);
        assertThat(count("gep_account_job_item")).isEqualTo(itemsBefore);
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
