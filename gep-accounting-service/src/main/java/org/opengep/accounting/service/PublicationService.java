package org.opengep.accounting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.domain.GepAccount;
import org.opengep.common.problem.Errors;

/**
 * Makes accounts the official GEP of their region, year and method version. Publications of the same key
 * are serialised by transaction-scoped advisory locks (taken in key order, so batches cannot deadlock),
 * so concurrent publishing supersedes in turn and never leaves two official figures; the partial unique
 * index would refuse a second one anyway.
 */
@ApplicationScoped
public class PublicationService {

    /** A publication as the API shows it. */
    @Schema(name = "GepPublication")
    public record Publication(UUID id, UUID accountId, String regionCode, int year, String methodVersion, boolean official,
            String reason, String publishedBy, OffsetDateTime publishedAt, UUID supersededBy, OffsetDateTime supersededAt) {}

    /** The outcome of publishing one account: the publication and whether it was made now (false: it already was official). */
    public record Outcome(Publication publication, boolean created) {}

    /** An account to publish, with the key it is official for. */
    public record Candidate(UUID accountId, String regionCode, int year, String methodVersion) {
        String key() {
            return OfficialFigureCache.key(regionCode, year, methodVersion);
        }
    }

    private static final String SELECT = "select id, account_id, region_code, year, method_version, official, reason, "
            + "published_by, published_at, superseded_by, superseded_at from gep_publication";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    OfficialFigureCache cache;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Transactional
    public Optional<Outcome> publish(UUID accountId, String reason, String user) {
        validateReason(reason);
        GepAccount account = GepAccount.findById(accountId);
        if (account == null) {
            return Optional.empty();
        }
        return Optional.of(publishAll(List.of(new Candidate(accountId, account.regionCode, account.year, account.methodVersion)),
                reason, user).get(0));
    }

    public static void validateReason(String reason) {
        Errors errors = new Errors();
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            errors.add("reason", "say why the figure is official (1 to 2000 characters)");
        }
        errors.throwIfAny();
    }

    /** Publishes many accounts in the caller's transaction (a national job's chunk); outcomes in the given order. */
    public List<Outcome> publishAll(List<Candidate> candidates, String reason, String user) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            List<String> keys = candidates.stream().map(Candidate::key).distinct().sorted().toList();
            try (PreparedStatement lock = c.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended('gep-publication|' || k, 0)) from unnest(?::text[]) k order by k")) {
                lock.setArray(1, c.createArrayOf("text", keys.toArray()));
                lock.execute();
            }
            Map<String, Publication> official = currentOfficials(c, candidates);
            Outcome[] outcomes = new Outcome[candidates.size()];
            // a key named twice (a job with two accounts of one region and year) is published in two waves,
            // so that each wave's supersessions find the rows the previous wave inserted
            Map<String, Integer> occurrences = new HashMap<>();
            List<List<Integer>> waves = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                int wave = occurrences.merge(candidates.get(i).key(), 1, Integer::sum) - 1;
                if (waves.size() == wave) {
                    waves.add(new ArrayList<>());
                }
                waves.get(wave).add(i);
            }
            for (List<Integer> wave : waves) {
                try (PreparedStatement supersede = c.prepareStatement(
                                "update gep_publication set official = false, superseded_by = ?, superseded_at = ? where id = ?");
                        PreparedStatement insert = c.prepareStatement("insert into gep_publication (id, account_id, region_code, "
                                + "year, method_version, official, reason, published_by, published_at) values (?, ?, ?, ?, ?, true, ?, ?, ?)")) {
                    for (int index : wave) {
                        Candidate candidate = candidates.get(index);
                        Publication current = official.get(candidate.key());
                        if (current != null && current.accountId().equals(candidate.accountId())) {
                            outcomes[index] = new Outcome(current, false);
                            continue;
                        }
                        Publication p = new Publication(UUID.randomUUID(), candidate.accountId(), candidate.regionCode(),
                                candidate.year(), candidate.methodVersion(), true, reason, user, now, null, null);
                        if (current != null) {
                            supersede.setObject(1, p.id());
                            supersede.setTimestamp(2, Timestamp.from(now.toInstant()));
                            supersede.setObject(3, current.id());
                            supersede.addBatch();
                        }
                        insert.setObject(1, p.id());
                        insert.setObject(2, p.accountId());
                        insert.setString(3, p.regionCode());
                        insert.setInt(4, p.year());
                        insert.setString(5, p.methodVersion());
                        insert.setString(6, reason);
                        insert.setString(7, user);
                        insert.setTimestamp(8, Timestamp.from(now.toInstant()));
                        insert.addBatch();
                        official.put(candidate.key(), p);
                        outcomes[index] = new Outcome(p, true);
                    }
                    supersede.executeBatch();
                    insert.executeBatch();
                }
            }
            cache.evictOnCommit(transactions, c, keys);
            return List.of(outcomes);
        } catch (SQLException e) {
            throw new IllegalStateException("could not publish", e);
        }
    }

    private static Map<String, Publication> currentOfficials(Connection c, List<Candidate> candidates) throws SQLException {
        Map<String, Publication> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(SELECT + " where official and (region_code, year, method_version) in "
                + "(select * from unnest(?::text[], ?::int[], ?::text[]))")) {
            s.setArray(1, c.createArrayOf("text", candidates.stream().map(Candidate::regionCode).toArray()));
            s.setArray(2, c.createArrayOf("int4", candidates.stream().map(Candidate::year).toArray()));
            s.setArray(3, c.createArrayOf("text", candidates.stream().map(Candidate::methodVersion).toArray()));
            for (Publication p : read(s)) {
                result.put(p.regionCode() + "|" + p.year() + "|" + p.methodVersion(), p);
            }
        }
        return result;
    }

    /**
     * The official figure as served: the account's stored document with the publication that made it official
     * spliced in front, read in one indexed query and never recomputed.
     */
    public Optional<byte[]> officialDocument(String regionCode, int year, String methodVersion, boolean lines) {
        return cache.get(OfficialFigureCache.key(regionCode, year, methodVersion) + (lines ? OfficialFigureCache.LINES : ""),
                () -> loadOfficialDocument(regionCode, year, methodVersion)
                        .map(d -> (lines ? d : withoutLines(d)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The official figure's document if this replica holds it in memory (never touches the database). */
    public Optional<byte[]> cachedOfficialDocument(String regionCode, int year, String methodVersion, boolean lines) {
        return cache.peek(OfficialFigureCache.key(regionCode, year, methodVersion) + (lines ? OfficialFigureCache.LINES : ""));
    }

    /**
     * The figure without the value lines of each indicator (quantity x unit price per sub-item): the breakdown
     * by indicator, category and ecosystem type stays; the lines, most of the document, come with detail=lines.
     */
    private String withoutLines(String document) {
        try {
            com.fasterxml.jackson.databind.JsonNode doc = json.readTree(document);
            doc.path("result").path("indicators").forEach(i -> ((com.fasterxml.jackson.databind.node.ObjectNode) i).remove("lines"));
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> loadOfficialDocument(String regionCode, int year, String methodVersion) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select p.id, p.account_id, p.region_code, p.year, p.method_version, "
                        + "p.official, p.reason, p.published_by, p.published_at, p.superseded_by, p.superseded_at, a.document "
                        + "from gep_publication p join gep_account a on a.id = p.account_id "
                        + "where p.region_code = ? and p.year = ? and p.method_version = ? and p.official")) {
            s.setString(1, regionCode);
            s.setInt(2, year);
            s.setString(3, methodVersion);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Publication p = publication(rs);
                String account = rs.getString(12);
                return Optional.of("{\"basis\":\"OFFICIAL\",\"accountId\":\"" + p.accountId() + "\",\"publication\":"
                        + json.writeValueAsString(p) + "," + account.substring(account.indexOf('{') + 1));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every publication of a region (for a year, or all years), newest first, superseded ones included. */
    public List<Publication> history(String regionCode, Integer year) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT + " where region_code = ? and (cast(? as integer) is null or year = ?) "
                        + "order by year desc, published_at desc, official desc")) {
            s.setString(1, regionCode);
            s.setObject(2, year);
            s.setObject(3, year);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Publication> read(PreparedStatement s) throws SQLException {
        List<Publication> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(publication(rs));
            }
        }
        return result;
    }

    private static Publication publication(ResultSet rs) throws SQLException {
        return new Publication(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, UUID.class), rs.getObject(11, OffsetDateTime.class));
    }
}
