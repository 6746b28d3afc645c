package org.opengep.accounting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengep.accounting.domain.GepAccount;
import org.opengep.accounting.engine.account.Errors;

/**
 * Makes accounts the official GEP of their region, year and method version. Publications of the same key
 * are serialised by a transaction-scoped advisory lock, so concurrent publishing supersedes in turn and
 * never leaves two official figures (the partial unique index would refuse a second one anyway).
 */
@ApplicationScoped
public class PublicationService {

    /** A publication as the API shows it. */
    public record Publication(UUID id, UUID accountId, String regionCode, int year, String methodVersion, boolean official,
            String reason, String publishedBy, OffsetDateTime publishedAt, UUID supersededBy, OffsetDateTime supersededAt) {}

    /** The outcome of a publish call: the publication and whether it was made now (false: it already was official). */
    public record Outcome(Publication publication, boolean created) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Transactional
    public Optional<Outcome> publish(UUID accountId, String reason, String user) {
        Errors errors = new Errors();
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            errors.add("reason", "say why this account is the official figure (1 to 2000 characters)");
        }
        errors.throwIfAny();
        GepAccount account = GepAccount.findById(accountId);
        if (account == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "gep-publication|" + account.regionCode + "|" + account.year + "|" + account.methodVersion);
                lock.execute();
            }
            Optional<Publication> current = official(c, account.regionCode, account.year, account.methodVersion);
            if (current.isPresent() && current.get().accountId().equals(accountId)) {
                return Optional.of(new Outcome(current.get(), false));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            UUID id = UUID.randomUUID();
            if (current.isPresent()) {
                try (PreparedStatement supersede = c.prepareStatement("update gep_publication set official = false, "
                        + "superseded_by = ?, superseded_at = ? where id = ?")) {
                    supersede.setObject(1, id);
                    supersede.setTimestamp(2, Timestamp.from(now.toInstant()));
                    supersede.setObject(3, current.get().id());
                    supersede.executeUpdate();
                }
            }
            Publication publication = new Publication(id, accountId, account.regionCode, account.year, account.methodVersion,
                    true, reason, user, now, null, null);
            try (PreparedStatement insert = c.prepareStatement("insert into gep_publication (id, account_id, region_code, year, "
                    + "method_version, official, reason, published_by, published_at, document) values (?, ?, ?, ?, ?, true, ?, ?, ?, ?::jsonb)")) {
                insert.setObject(1, id);
                insert.setObject(2, accountId);
                insert.setString(3, account.regionCode);
                insert.setInt(4, account.year);
                insert.setString(5, account.methodVersion);
                insert.setString(6, reason);
                insert.setString(7, user);
                insert.setTimestamp(8, Timestamp.from(now.toInstant()));
                insert.setString(9, officialDocument(account.document, publication));
                insert.executeUpdate();
            }
            return Optional.of(new Outcome(publication, true));
        } catch (SQLException e) {
            throw new IllegalStateException("could not publish account " + accountId, e);
        }
    }

    /** The official figure as served: the account's document with the publication that made it official. */
    private String officialDocument(String accountDocument, Publication publication) {
        try {
            ObjectNode doc = (ObjectNode) json.readTree(accountDocument);
            doc.set("accountId", doc.remove("id"));
            doc.put("basis", "OFFICIAL");
            doc.set("publication", json.valueToTree(publication));
            return json.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official figure's document, read as stored (no recomputation). */
    public Optional<String> officialDocument(String regionCode, int year, String methodVersion) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select document from gep_publication "
                        + "where region_code = ? and year = ? and method_version = ? and official")) {
            s.setString(1, regionCode);
            s.setInt(2, year);
            s.setString(3, methodVersion);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every publication of a region (for a year, or all years), newest first, superseded ones included. */
    public List<Publication> history(String regionCode, Integer year) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT + " where region_code = ? and (cast(? as integer) is null or year = ?) "
                        + "order by year desc, published_at desc")) {
            s.setString(1, regionCode);
            s.setObject(2, year);
            s.setObject(3, year);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SELECT = "select id, account_id, region_code, year, method_version, official, reason, "
            + "published_by, published_at, superseded_by, superseded_at from gep_publication";

    private static Optional<Publication> official(Connection c, String region, int year, String method) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " where region_code = ? and year = ? and method_version = ? and official")) {
            s.setString(1, region);
            s.setInt(2, year);
            s.setString(3, method);
            return read(s).stream().findFirst();
        }
    }

    private static List<Publication> read(PreparedStatement s) throws SQLException {
        List<Publication> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new Publication(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class), rs.getObject(10, UUID.class), rs.getObject(11, OffsetDateTime.class)));
            }
        }
        return result;
    }
}
