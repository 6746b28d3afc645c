package org.opengep.accounting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.PostgresTestResource;

/** An account is verified by computing it again; the database refuses to change it; what a superuser changes anyway is found. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class AccountVerificationTest {

    @Inject
    DataSource dataSource;

    private static String account(int year) {
        return accountant().body(GepAccountResource.EXAMPLE.replace("\"year\": 2023", "\"year\": " + year))
                .post("/api/v1/gep-accounts").then().statusCode(201).extract().path("id");
    }

    private static JsonPath verify(String id) {
        return accountant().post("/api/v1/gep-accounts/" + id + "/verification").then().statusCode(200).extract().jsonPath();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Changes rows the way only a superuser can: with the triggers switched off for the session. */
    private void asSuperuser(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            for (String statement : statements) {
                s.execute(statement);
            }
            s.execute("set session_replication_role = origin");
        }
    }

    @Test
    void aStoredAccountComputedAgainMatchesEveryLine() {
        String id = account(2013);
        JsonPath v = verify(id);
        assertThat(v.getBoolean("matches")).isTrue();
        assertThat(v.getBoolean("inputsHash.matches")).isTrue();
        assertThat(v.getString("inputsHash.recomputed")).isEqualTo(v.getString("inputsHash.stored")).matches("[0-9a-f]{64}");
        assertThat(v.getList("lines")).hasSizeGreaterThan(5);
        assertThat(v.getList("lines.matches", Boolean.class)).containsOnly(true);
        assertThat(v.getList("differences")).isEmpty();
        assertThat(v.getString("methodVersion")).isEqualTo("MEE-2020");

        as(Roles.Accounting.READER).post("/api/v1/gep-accounts/" + id + "/verification").then().statusCode(403);
        accountant().post("/api/v1/gep-accounts/00000000-0000-0000-0000-000000000001/verification").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnAccount() {
        String id = account(2014);
        for (String statement : List.of("update gep_account set gep = gep + 1 where id = '" + id + "'",
                "delete from gep_account_value where account_id = '" + id + "'",
                "update gep_account_value set value = value + 1 where account_id = '" + id + "'",
                "delete from gep_account where id = '" + id + "'", "truncate gep_account_value", "truncate gep_account cascade")) {
            assertThatThrownBy(() -> sql(statement)).as(statement).isInstanceOf(SQLException.class)
                    .hasMessageContaining("accounts are immutable");
        }
        assertThat(verify(id).getBoolean("matches")).isTrue();
    }

    @Test
    void theDatabaseRefusesAValueRowOfNoAccount() throws SQLException {
        String id = account(2016);
        String orphan = "00000000-0000-0000-0000-0000000000aa";
        String values = "insert into gep_account_value (account_id, indicator, category, ecosystem_type, price_family, value) values ";
        // one orphan among valid rows, row by row and set-based alike: the whole statement is refused, nothing stays
        for (String statement : List.of(values + "('" + orphan + "', 'WATER_SUPPLY', 'PROVISIONING', 'LAKE', 'RESOURCE', 1)",
                values + "('" + id + "', 'WATER_SUPPLY', 'PROVISIONING', 'LAKE', 'RESOURCE', 1), "
                        + "('" + orphan + "', 'WATER_SUPPLY', 'PROVISIONING', 'LAKE', 'RESOURCE', 1)")) {
            assertThatThrownBy(() -> sql(statement)).as(statement).isInstanceOf(SQLException.class)
                    .hasMessageContaining("a value row names no stored account: " + orphan);
        }
        assertThat(verify(id).getBoolean("matches")).isTrue();
    }

    @Test
    void whatASuperuserChangedBehindTheServiceIsNamed() throws SQLException {
        String id = account(2015);
        JsonPath before = verify(id);
        Map<String, Object> line = before.getMap("lines.find { it.indicator == 'WATER_SUPPLY' }");
        String stored = line.get("stored").toString();
        asSuperuser(
                // a line's value in the document
                "update gep_account set document = replace(document, '\"value\":" + stored + "', '\"value\":1.00') where id = '" + id + "'",
                // a total column
                "update gep_account set regulating = regulating + 100 where id = '" + id + "'",
                // a value row the sums up the region tree read
                "update gep_account_value set value = value - 7 where account_id = '" + id + "' and indicator = 'AGRICULTURE'");

        JsonPath v = verify(id);
        assertThat(v.getBoolean("matches")).isFalse();
        assertThat(v.getBoolean("inputsHash.matches")).isTrue();
        assertThat(v.getList("lines.findAll { !it.matches }.indicator")).containsExactly("WATER_SUPPLY");
        assertThat(v.getString("lines.find { !it.matches }.stored")).isEqualTo("1.00");
        assertThat(v.getString("lines.find { !it.matches }.recomputed")).isEqualTo(stored);
        List<String> where = v.getList("differences.where");
        assertThat(where).contains("column regulating").anyMatch(w -> w.startsWith("value row AGRICULTURE/"))
                .anyMatch(w -> w.startsWith("indicators.WATER_SUPPLY.lines.") && w.endsWith(".value"));
        assertThat(new BigDecimal(v.getString("differences.find { it.where == 'column regulating' }.stored"))
                .subtract(new BigDecimal(v.getString("differences.find { it.where == 'column regulating' }.recomputed"))))
                .isEqualByComparingTo("100");

        // the stored inputs edited: the hash no longer matches, and the account computes to other figures
        asSuperuser("update gep_account set inputs = replace(inputs, '\"value\":12.4', '\"value\":13.4') where id = '" + id + "'");
        JsonPath edited = verify(id);
        assertThat(edited.getBoolean("inputsHash.matches")).isFalse();
        assertThat(edited.getList("differences.where")).contains("inputsHash", "indicators.AGRICULTURE.value");
        accountant().post("/api/v1/gep-accounts/" + id + "/verification").then().body("matches", equalTo(false));

        // a document that is no longer JSON at all: named, not a 500
        asSuperuser("update gep_account set document = left(document, 100) where id = '" + id + "'");
        JsonPath broken = verify(id);
        assertThat(broken.getBoolean("matches")).isFalse();
        assertThat(broken.getList("differences.where")).containsExactly("document");

        // a value row of a category the method does not have: named, not a 500
        asSuperuser("update gep_account_value set category = 'NOPE' where account_id = '" + id + "' and indicator = 'RECREATION'");
        assertThat(verify(id).getList("differences.stored")).contains("category NOPE");
    }
}
