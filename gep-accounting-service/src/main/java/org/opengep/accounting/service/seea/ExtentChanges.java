package org.opengep.accounting.service.seea;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.account.Amount;
import org.opengep.accounting.engine.seea.ExtentAccount;
import org.opengep.accounting.engine.seea.ExtentAccount.Change;
import org.opengep.accounting.engine.unit.Quantities;
import org.opengep.accounting.engine.unit.Unit;
import org.opengep.accounting.service.Versions;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.UnprocessableException;

/**
 * Extent change matrices: the area that went from each ecosystem type to each other between two years, from a
 * land-cover change map. A matrix is accepted only when it agrees with the two years' official extents.
 */
@ApplicationScoped
public class ExtentChanges {

    public static final int MAX_CELLS = 500;
    private static final Unit KM2 = Unit.of("km²");

    @Schema(description = "Area that went from one ecosystem type to another (from = to: the area that stayed)")
    public record ChangeRequest(@Schema(required = true, maxLength = 32, examples = "FARMLAND") String from,
            @Schema(required = true, maxLength = 32, examples = "URBAN") String to,
            @Schema(required = true) Amount area) {}

    @Schema(description = "An extent change matrix between two years")
    public record MatrixRequest(@Schema(required = true, examples = "2020") Integer fromYear, @Schema(required = true, examples = "2023") Integer toYear,
            @Schema(required = true, maxLength = 500, examples = "第三次全国国土调查及年度变更调查") String source,
            @Schema(required = true, maxItems = MAX_CELLS) List<ChangeRequest> changes) {}

    public record Matrix(UUID id, String regionCode, int fromYear, int toYear, int version, String source, List<Change> changes,
            String createdBy, OffsetDateTime createdAt) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SeeaFacts facts;

    @Inject
    ObjectMapper json;

    @Transactional
    public Matrix store(Region region, MatrixRequest request, String methodVersion, String user) {
        Errors errors = new Errors();
        String method = facts.checkYears(request.fromYear(), request.toYear(), methodVersion, errors);
        if (request.fromYear() != null && request.fromYear().equals(request.toYear())) {
            errors.add("toYear", "must be after fromYear");
        }
        if (request.source() == null || request.source().isBlank()) {
            errors.add("source", "say which land-cover change map the matrix comes from");
        }
        List<Change> changes = new ArrayList<>();
        if (request.changes() == null || request.changes().isEmpty() || request.changes().size() > MAX_CELLS) {
            errors.add("changes", "1 to " + MAX_CELLS + " cells are required");
        } else {
            List<String> types = facts.typeOrder(method);
            for (int i = 0; i < request.changes().size(); i++) {
                ChangeRequest c = request.changes().get(i);
                if (c == null || c.from() == null || c.to() == null) {
                    errors.add("changes[" + i + "]", "from, to and area are required");
                    continue;
                }
                if (!types.contains(c.from()) || !types.contains(c.to())) {
                    errors.add("changes[" + i + "]", "from and to are ecosystem types of the catalogue: one of " + types);
                    continue;
                }
                int index = i;
                Quantities.convert(c.area(), KM2, "changes[" + i + "].area", errors).ifPresent(area -> {
                    if (changes.stream().anyMatch(d -> d.from().equals(c.from()) && d.to().equals(c.to()))) {
                        errors.add("changes[" + index + "]", c.from() + " -> " + c.to() + " is given twice");
                    }
                    changes.add(new Change(c.from(), c.to(), area));
                });
            }
        }
        errors.throwIfAny();
        OfficialPair pair = facts.pair(region, request.fromYear(), request.toYear(), method);
        List<String> disagreements = ExtentAccount.disagreements(pair.opening().extent(), pair.closing().extent(), changes);
        if (!disagreements.isEmpty()) {
            throw new UnprocessableException("extent-changes-disagree", "the matrix does not agree with the official extents of "
                    + request.fromYear() + " and " + request.toYear() + ": " + String.join("; ", disagreements));
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into extent_change_matrix (id, region_code, from_year, to_year, version, "
                        + "source, changes, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int version = Versions.next(c, "extent_change_matrix", "region_code = ? and from_year = ? and to_year = ?", region.code,
                    request.fromYear(), request.toYear());
            s.setObject(1, id);
            s.setString(2, region.code);
            s.setInt(3, request.fromYear());
            s.setInt(4, request.toYear());
            s.setInt(5, version);
            s.setString(6, request.source());
            s.setString(7, json.writeValueAsString(changes));
            s.setString(8, user);
            s.setObject(9, now);
            s.executeUpdate();
            return new Matrix(id, region.code, request.fromYear(), request.toYear(), version, request.source(), changes, user, now);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest matrix of a region between two years. */
    public Optional<Matrix> latest(String regionCode, int fromYear, int toYear) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, version, source, changes, created_by, created_at from extent_change_matrix "
                        + "where region_code = ? and from_year = ? and to_year = ? order by version desc limit 1")) {
            s.setString(1, regionCode);
            s.setInt(2, fromYear);
            s.setInt(3, toYear);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<Change> changes = json.readValue(rs.getString(4), new TypeReference<List<Change>>() {});
                return Optional.of(new Matrix(rs.getObject(1, UUID.class), regionCode, fromYear, toYear, rs.getInt(2), rs.getString(3), changes,
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a stored matrix still agrees with the two years' official extents (a figure may have been superseded). */
    static List<String> disagreements(OfficialPair pair, Matrix m) {
        return ExtentAccount.disagreements(pair.opening().extent(), pair.closing().extent(), m.changes());
    }
}
