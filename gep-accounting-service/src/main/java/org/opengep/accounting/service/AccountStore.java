package org.opengep.accounting.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import org.opengep.common.metrics.DomainMetrics;
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

/**
 * Writes accounts (one account or a chunk of a national job alike): the account rows in a JDBC batch and their
 * values by indicator, ecosystem type and price family in one set-based insert. Runs inside the caller's transaction.
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
                        + "?, ?, ?, ?, ?)");
                PreparedStatement value = c.prepareStatement("insert into gep_account_value (account_id, indicator, category, "
                        + "ecosystem_type, price_family, value) select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], "
                        + "?::varchar[], ?::varchar[], ?::numeric[])")) {
            ValueColumns values = new ValueColumns();
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
                ValueRow.of(r).forEach((row, v) -> values.add(a.document().id(), row, v));
            }
            account.executeBatch();
            if (!values.accounts.isEmpty()) {
                value.setArray(1, c.createArrayOf("uuid", values.accounts.toArray()));
                value.setArray(2, c.createArrayOf("varchar", values.indicators.toArray()));
                value.setArray(3, c.createArrayOf("varchar", values.categories.toArray()));
                value.setArray(4, c.createArrayOf("varchar", values.ecosystemTypes.toArray()));
                value.setArray(5, c.createArrayOf("varchar", values.priceFamilies.toArray()));
                value.setArray(6, c.createArrayOf("numeric", values.values.toArray()));
                value.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store accounts", e);
        }
        DomainMetrics.count(DomainMetrics.ACCOUNTS_COMPUTED, accounts.size());
    }

    /** The value rows of a batch of accounts by column, for one set-based insert (a national chunk has some 8 500 rows). */
    private static final class ValueColumns {
        final List<UUID> accounts = new ArrayList<>();
        final List<String> indicators = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        final List<String> ecosystemTypes = new ArrayList<>();
        final List<String> priceFamilies = new ArrayList<>();
        final List<BigDecimal> values = new ArrayList<>();

        void add(UUID account, ValueRow row, BigDecimal value) {
            accounts.add(account);
            indicators.add(row.indicator());
            categories.add(row.category().name());
            ecosystemTypes.add(row.ecosystemType());
            priceFamilies.add(row.priceFamily());
            values.add(value);
        }
    }
}
