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
import java.util.List;
import java.util.Map;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.account.ValueRow;
import org.opengep.accounting.engine.catalogue.Category;

/**
 * Writes accounts with JDBC batches (one account or a chunk of a national job alike): the account row and
 * its values by indicator, ecosystem type and price family. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class AccountStore {

    @Inject
    AgroalDataSource dataSource;

    public void insert(List<ComputedAccount> accounts) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement account = c.prepareStatement("insert into gep_account (id, region_code, year, method_version, "
                        + "price_set_id, inputs, inputs_hash, provisioning, regulating, cultural, gep, document, created_by, created_at, "
                        + "area_km2, population, gdp) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement value = c.prepareStatement("insert into gep_account_value (account_id, indicator, category, "
                        + "ecosystem_type, price_family, value) values (?, ?, ?, ?, ?, ?)")) {
            for (ComputedAccount a : accounts) {
                GepResult r = a.document().result();
                account.setObject(1, a.document().id());
                account.setString(2, a.document().regionCode());
                account.setInt(3, a.document().year());
                account.setString(4, a.document().provenance().methodVersion());
                account.setObject(5, a.document().provenance().priceSetId());
                account.setString(6, a.inputsJson());
                account.setString(7, a.document().provenance().inputsHash());
                account.setBigDecimal(8, a.total(Category.PROVISIONING));
                account.setBigDecimal(9, a.total(Category.REGULATING));
                account.setBigDecimal(10, a.total(Category.CULTURAL));
                account.setBigDecimal(11, r.gep());
                account.setString(12, a.documentJson());
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
                for (Map.Entry<ValueRow, BigDecimal> v : ValueRow.of(r).entrySet()) {
                    value.setObject(1, a.document().id());
                    value.setString(2, v.getKey().indicator());
                    value.setString(3, v.getKey().category().name());
                    value.setString(4, v.getKey().ecosystemType());
                    value.setString(5, v.getKey().priceFamily());
                    value.setBigDecimal(6, v.getValue());
                    value.addBatch();
                }
            }
            account.executeBatch();
            value.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store accounts", e);
        }
        DomainMetrics.count(DomainMetrics.ACCOUNTS_COMPUTED, accounts.size());
    }
}
