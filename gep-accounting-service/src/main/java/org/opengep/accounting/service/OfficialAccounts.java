package org.opengep.accounting.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengep.accounting.engine.account.ValueRow;
import org.opengep.accounting.engine.catalogue.Category;

/**
 * The official accounts that GEP's uses (compensation, asset values, the SEEA tables) start from: the published
 * figure of a region and year with its publication, and its values by indicator and ecosystem type.
 */
@ApplicationScoped
public class OfficialAccounts {

    /** What the uses read of an official account, and the publication that made it official (its source in every answer). */
    public record OfficialAccount(UUID accountId, String regionCode, int year, String methodVersion, BigDecimal gep, Long population,
            BigDecimal gdp, String publishedBy, OffsetDateTime publishedAt) {

        /** Where a figure read from this account comes from, in words. */
        public String source() {
            return "official GEP account " + accountId + " of " + regionCode + " " + year + " (" + methodVersion + "), published by "
                    + publishedBy + " on " + publishedAt.toLocalDate();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    public Optional<OfficialAccount> find(String regionCode, int year, String methodVersion) {
        return Optional.ofNullable(find(List.of(regionCode), year, methodVersion).get(regionCode));
    }

    /** The official accounts of these regions in a year, by region code; a region without one is not in the map. */
    public Map<String, OfficialAccount> find(Collection<String> regionCodes, int year, String methodVersion) {
        Map<String, OfficialAccount> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select a.id, p.region_code, p.year, p.method_version, a.gep, a.population, a.gdp, "
                        + "p.published_by, p.published_at "
                        + "from gep_publication p join gep_account a on a.id = p.account_id "
                        + "where p.region_code = any (?) and p.year = ? and p.method_version = ? and p.official")) {
            s.setArray(1, c.createArrayOf("varchar", regionCodes.toArray()));
            s.setInt(2, year);
            s.setString(3, methodVersion);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(2), new OfficialAccount(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getObject(6, Long.class), rs.getBigDecimal(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** An account's values by indicator, category, ecosystem type and price family. */
    public Map<ValueRow, BigDecimal> values(UUID accountId) {
        Map<ValueRow, BigDecimal> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select indicator, category, ecosystem_type, price_family, value "
                        + "from gep_account_value where account_id = ? order by indicator, ecosystem_type, price_family")) {
            s.setObject(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.merge(new ValueRow(rs.getString(1), Category.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)),
                            rs.getBigDecimal(5), BigDecimal::add);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }
}
