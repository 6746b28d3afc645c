package org.opengep.accounting.service;

import static org.opengep.common.jdbc.Unnest.column;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.account.ValueRow;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.common.jdbc.Unnest;
import org.opengep.common.jdbc.Unnest.Column;
import org.opengep.common.jdbc.Writes;
import org.opengep.common.metrics.DomainMetrics;

/**
 * Writes accounts (one account or a chunk of a national job alike): the account rows in a JDBC batch and their
 * values by indicator, ecosystem type and price family in one set-based insert ({@link Unnest}, which checks that every row
 * was written). Runs inside the caller's transaction.
 * The document and the inputs travel as the UTF-8 bytes they were written as (a bytea parameter that PostgreSQL checks
 * and turns into text), not as Strings that the driver would encode again: for documents with Chinese names that
 * encoding was a tenth of a national job's CPU.
 */
@ApplicationScoped
public class AccountStore {

    @Inject
    AgroalDataSource dataSource;

    public void insert(List<ComputedAccount> accounts) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement account = c.prepareStatement("insert into gep_account (id, region_code, year, method_version, "
                        + "price_set_id, inputs, inputs_hash, provisioning, regulating, cultural, gep, document, created_by, created_at, "
                        + "area_km2, population, gdp) values (?, ?, ?, ?, ?, convert_from(?, 'UTF8'), ?, ?, ?, ?, ?, convert_from(?, 'UTF8'), "
                        + "?, ?, ?, ?, ?)")) {
            List<AccountValue> values = new ArrayList<>();
            for (ComputedAccount a : accounts) {
                GepResult r = a.document().result();
                account.setObject(1, a.document().id());
                account.setString(2, a.document().regionCode());
                account.setInt(3, a.document().year());
                account.setString(4, a.document().provenance().methodVersion());
                account.setObject(5, a.document().provenance().priceSetId());
                account.setBytes(6, a.inputsJson());
                account.setString(7, a.document().provenance().inputsHash());
                account.setBigDecimal(8, a.total(Category.PROVISIONING));
                account.setBigDecimal(9, a.total(Category.REGULATING));
                account.setBigDecimal(10, a.total(Category.CULTURAL));
                account.setBigDecimal(11, r.gep());
                account.setBytes(12, a.documentJson());
                account.setString(13, a.document().provenance().createdBy());
                account.setTimestamp(14, Timestamp.from(a.document().provenance().createdAt().toInstant()));
                account.setBigDecimal(15, r.areaKm2());
                if (r.population() == null) {
                    account.setNull(16, Types.BIGINT);
                } else {
                    account.setLong(16, r.population());
                }
                account.setBigDecimal(17, r.gdp());
                account.addBatch();
                ValueRow.of(r).forEach((row, v) -> values.add(new AccountValue(a.document().id(), row, v)));
            }
            account.executeBatch();
            Writes.execute(c, Unnest.insert("gep_account_value", values, "", "value rows", VALUE_COLUMNS)); // null for no rows
        } catch (SQLException e) {
            throw new IllegalStateException("could not store accounts", e);
        }
        DomainMetrics.count(DomainMetrics.ACCOUNTS_COMPUTED, accounts.size());
    }

    /** One value row of an account (a national chunk has some 8 500, written in one statement). */
    private record AccountValue(UUID accountId, ValueRow row, BigDecimal value) {}

    private static final List<Column<AccountValue>> VALUE_COLUMNS = List.of(
            column("account_id", "uuid", AccountValue::accountId),
            column("indicator", "text", v -> v.row().indicator()),
            column("category", "text", v -> v.row().category()),
            column("ecosystem_type", "text", v -> v.row().ecosystemType()),
            column("price_family", "text", v -> v.row().priceFamily()),
            column("value", "numeric", AccountValue::value));
}
