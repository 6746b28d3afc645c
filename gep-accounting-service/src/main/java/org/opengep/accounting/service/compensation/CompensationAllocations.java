package org.opengep.accounting.service.compensation;

import static org.opengep.common.jdbc.Unnest.column;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.service.PublicationService;
import org.opengep.accounting.service.compensation.AllocationDocument.Publication;
import org.opengep.accounting.service.compensation.AllocationDocument.RegionLine;
import org.opengep.accounting.service.compensation.CompensationSchemes.Scheme;
import org.opengep.common.jdbc.Unnest;
import org.opengep.common.jdbc.Writes;
import org.opengep.common.problem.ConflictException;

/**
 * Runs of compensation schemes: each is computed by {@link AllocationCalculator}, stored whole (the answer as served
 * and a row per region) and never changed; one per scheme version, year and region may be published.
 */
@ApplicationScoped
public class CompensationAllocations {

    /** An allocation in a list. */
    @Schema(name = "AllocationSummary")
    public record Summary(UUID id, UUID schemeId, String schemeName, int schemeVersion, int year, String regionCode, BigDecimal total,
            boolean published, OffsetDateTime createdAt) {}

    /** A publication's outcome: the allocation with its publication, and whether this request made it. */
    public record Published(AllocationDocument allocation, boolean created) {}

    /** What a region received in published allocations of a year. */
    public record Receipt(UUID allocationId, String schemeName, int schemeVersion, BigDecimal amount) {}

    /** A region's yearly compensation income: the published amounts it receives in its latest year with any. */
    public record Income(String regionCode, Integer year, BigDecimal amount, List<Receipt> receipts) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CompensationSchemes schemes;

    @Inject
    AllocationCalculator calculator;

    @Inject
    ObjectMapper json;

    /** A new allocation of the scheme, stored; empty when there is no such scheme. */
    @Transactional
    public Optional<AllocationDocument> allocate(UUID schemeId, AllocationRequest request, String user) {
        Optional<Scheme> scheme = schemes.find(schemeId);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        AllocationDocument doc = calculator.calculate(scheme.get(), request, UUID.randomUUID(), user, OffsetDateTime.now());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into compensation_allocation (id, scheme_id, year, region_code, total, "
                    + "document, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setObject(1, doc.id());
                s.setObject(2, schemeId);
                s.setInt(3, doc.year());
                s.setString(4, doc.regionCode());
                s.setBigDecimal(5, doc.total());
                s.setString(6, json.writeValueAsString(doc));
                s.setString(7, user);
                s.setObject(8, doc.createdAt());
                s.executeUpdate();
            }
            Writes.execute(c, Unnest.insert("compensation_allocation_line", doc.regions(), "", "allocation lines", List.of(
                    column("allocation_id", "uuid", l -> doc.id()), column("region_code", "text", RegionLine::regionCode),
                    column("direction", "text", RegionLine::direction), column("amount", "numeric", RegionLine::amount))));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(doc);
    }

    public Optional<AllocationDocument> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select a.document, p.reason, p.published_by, p.published_at from compensation_allocation a "
                        + "left join compensation_publication p on p.allocation_id = a.id where a.id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                AllocationDocument doc = json.readValue(rs.getString(1), AllocationDocument.class);
                return Optional.of(rs.getString(2) == null ? doc
                        : doc.withPublication(new Publication(rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class))));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Allocations, newest first, filtered by scheme, year and a region that allocates, receives or pays. */
    public List<Summary> search(UUID schemeId, Integer year, String regionCode, int offset, int limit) {
        List<Summary> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select a.id, s.id, s.name, s.version, a.year, a.region_code, a.total, "
                        + "p.allocation_id is not null, a.created_at from compensation_allocation a join compensation_scheme s on s.id = a.scheme_id "
                        + "left join compensation_publication p on p.allocation_id = a.id where (cast(? as uuid) is null or a.scheme_id = ?) "
                        + "and (cast(? as integer) is null or a.year = ?) and (cast(? as varchar) is null or a.region_code = ? or exists "
                        + "(select 1 from compensation_allocation_line l where l.allocation_id = a.id and l.region_code = ?)) "
                        + "order by a.created_at desc, a.id offset ? limit ?")) {
            s.setObject(1, schemeId);
            s.setObject(2, schemeId);
            s.setObject(3, year);
            s.setObject(4, year);
            s.setString(5, regionCode);
            s.setString(6, regionCode);
            s.setString(7, regionCode);
            s.setInt(8, offset);
            s.setInt(9, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new Summary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getString(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getObject(9, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /**
     * Publishes the allocation: the scheme version's figure for its year and region. Publishing it again gives the same
     * publication; publishing another allocation of the same scheme version, year and region is refused (409).
     */
    @Transactional
    public Optional<Published> publish(UUID id, String reason, String user) {
        PublicationService.validateReason(reason);
        Optional<AllocationDocument> doc = find(id);
        if (doc.isEmpty() || doc.get().publication() != null) {
            return doc.map(d -> new Published(d, false));
        }
        AllocationDocument d = doc.get();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into compensation_publication (allocation_id, scheme_id, year, region_code, "
                        + "reason, published_by, published_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            OffsetDateTime now = OffsetDateTime.now();
            s.setObject(1, id);
            s.setObject(2, d.scheme().id());
            s.setInt(3, d.year());
            s.setString(4, d.regionCode());
            s.setString(5, reason);
            s.setString(6, user);
            s.setObject(7, now);
            if (s.executeUpdate() == 0) {
                Optional<AllocationDocument> again = find(id);
                if (again.isPresent() && again.get().publication() != null) {
                    return again.map(a -> new Published(a, false)); // published by a request that ran at the same time
                }
                throw new ConflictException("allocation-already-published", "scheme " + d.scheme().name() + " v" + d.scheme().version()
                        + " already has a published allocation for " + d.regionCode() + " in " + d.year()
                        + " (a correction is a new scheme version)");
            }
            return Optional.of(new Published(d.withPublication(new Publication(reason, user, now)), true));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The region's compensation income: what it receives in published allocations of its latest year with any. */
    public Income income(String regionCode) {
        List<Receipt> receipts = new ArrayList<>();
        Integer year = null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select a.year, a.id, s.name, s.version, l.amount from compensation_allocation_line l "
                        + "join compensation_allocation a on a.id = l.allocation_id join compensation_publication p on p.allocation_id = a.id "
                        + "join compensation_scheme s on s.id = a.scheme_id where l.region_code = ? and l.direction = 'RECEIVES' "
                        + "and a.year = (select max(a2.year) from compensation_allocation_line l2 join compensation_allocation a2 "
                        + "on a2.id = l2.allocation_id join compensation_publication p2 on p2.allocation_id = a2.id "
                        + "where l2.region_code = ? and l2.direction = 'RECEIVES') order by s.name, s.version")) {
            s.setString(1, regionCode);
            s.setString(2, regionCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    year = rs.getInt(1);
                    receipts.add(new Receipt(rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Income(regionCode, year, receipts.stream().map(Receipt::amount).reduce(BigDecimal.ZERO, BigDecimal::add), receipts);
    }
}
