package org.opengep.accounting.service.compensation;

import static org.opengep.common.jdbc.Unnest.column;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.unit.Unit;
import org.opengep.accounting.service.Versions;
import org.opengep.common.jdbc.Unnest;
import org.opengep.common.jdbc.Writes;
import org.opengep.common.problem.Errors;

/**
 * Published figures per region that compensation schemes weigh or split by and that no account holds: protected or
 * red-line area, water use, a cost index. Each upload is a new version of its name and year, never changed.
 */
@ApplicationScoped
public class RegionalDatasets {

    /** At most this many regions per upload (the nation's counties, with room). */
    public static final int MAX_VALUES = 5000;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1e24");

    @Schema(description = "Figures per region with their source, e.g. water use for a beneficiary-pays split")
    public record DatasetRequest(
            @Schema(required = true, maxLength = 200, examples = "用水量") String name,
            @Schema(required = true, examples = "2023") Integer year,
            @Schema(required = true, maxLength = 32, examples = "万m³") String unit,
            @Schema(required = true, maxLength = 500, examples = "2023年绍兴市水资源公报") String source,
            @Schema(required = true, description = "Value by region code (non-negative)") Map<String, BigDecimal> values) {}

    public record Dataset(UUID id, String name, int year, int version, String unit, String source, Map<String, BigDecimal> values,
            String createdBy, OffsetDateTime createdAt) {

        public String citation() {
            return "dataset " + name + " " + year + " v" + version + " (" + source + ")";
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    public Dataset create(DatasetRequest request, String user) {
        Errors errors = new Errors();
        errors.required("name", blankToNull(request.name()));
        errors.required("unit", blankToNull(request.unit()));
        if (blankToNull(request.unit()) != null && Unit.parse(request.unit()).isEmpty()) {
            errors.add("unit", "a unit the accounts know, with 万 or 亿 if wanted: e.g. 万m³, t, km², 亩, 万元, 人 (see GET /api/v1/indicators)");
        }
        errors.required("source", blankToNull(request.source()));
        int lastYear = Year.now().getValue();
        if (!GepEngine.accountable(request.year(), lastYear)) {
            errors.add("year", "a year between " + GepEngine.FIRST_YEAR + " and " + lastYear + " is required");
        }
        if (request.values() == null || request.values().isEmpty()) {
            errors.add("values", "at least one region's value is required");
        } else if (request.values().size() > MAX_VALUES) {
            errors.add("values", "at most " + MAX_VALUES + " regions per dataset");
        } else {
            request.values().forEach((code, value) -> {
                if (value == null || value.signum() < 0 || value.compareTo(MAX_VALUE) > 0 || value.stripTrailingZeros().scale() > 6) {
                    // the column keeps 6 decimals: more would be rounded silently, so they are refused
                    errors.add("values." + code, "a non-negative number below 1e24 with at most 6 decimals is required");
                } else if (Region.findById(code) == null) {
                    errors.add("values." + code, "no region " + code);
                }
            });
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection c = dataSource.getConnection()) {
            int version = Versions.next(c, "regional_dataset", "name = ? and year = ?", request.name(), request.year());
            try (PreparedStatement s = c.prepareStatement("insert into regional_dataset (id, name, year, version, unit, source, created_by, "
                    + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setObject(1, id);
                s.setString(2, request.name());
                s.setInt(3, request.year());
                s.setInt(4, version);
                s.setString(5, request.unit());
                s.setString(6, request.source());
                s.setString(7, user);
                s.setObject(8, now);
                s.executeUpdate();
            }
            List<Map.Entry<String, BigDecimal>> values = List.copyOf(request.values().entrySet());
            Writes.execute(c, Unnest.insert("regional_dataset_value", values, "", "dataset values", List.of(
                    column("dataset_id", "uuid", v -> id), column("region_code", "text", Map.Entry::getKey),
                    column("value", "numeric", Map.Entry::getValue))));
            return new Dataset(id, request.name(), request.year(), version, request.unit(), request.source(), new TreeMap<>(request.values()),
                    user, now);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Dataset> find(UUID id) {
        return list("d.id = ?", id).stream().findFirst();
    }

    /** The newest version of a name's figures for a year. */
    public Optional<Dataset> latest(String name, int year) {
        return list("d.id = (select id from regional_dataset where name = ? and year = ? order by version desc limit 1)", name, year)
                .stream().findFirst();
    }

    /** Every version, optionally of one name and one year. */
    public List<Dataset> search(String name, Integer year) {
        return list("(cast(? as varchar) is null or d.name = ?) and (cast(? as integer) is null or d.year = ?)", name, name, year, year);
    }

    private List<Dataset> list(String where, Object... parameters) {
        Map<UUID, Dataset> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select d.id, d.name, d.year, d.version, d.unit, d.source, d.created_by, d.created_at, "
                        + "v.region_code, v.value from regional_dataset d join regional_dataset_value v on v.dataset_id = d.id where " + where
                        + " order by d.name, d.year, d.version, v.region_code")) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    Dataset d = result.get(id);
                    if (d == null) {
                        d = new Dataset(id, rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6), new TreeMap<>(),
                                rs.getString(7), rs.getObject(8, OffsetDateTime.class));
                        result.put(id, d);
                    }
                    d.values().put(rs.getString(9), rs.getBigDecimal(10));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(result.values());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
