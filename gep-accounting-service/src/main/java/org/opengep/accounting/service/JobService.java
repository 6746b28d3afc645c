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
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengep.accounting.rest.AccountRequest;
import org.opengep.accounting.service.PublicationService.Candidate;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;

/**
 * Batch accounting: a job stores every region's request as an item first, then computes the items in chunks.
 * A chunk is claimed with {@code FOR UPDATE SKIP LOCKED} and stored, published and marked in one transaction,
 * so workers on several replicas share a job, an item is done exactly once, and a crash leaves the chunk
 * PENDING for the next worker. A region whose inputs are wrong fails alone, with its reasons.
 */
@ApplicationScoped
public class JobService {

    /** Items computed and written per transaction. */
    static final int CHUNK = 250;
    /** Failures listed in the job view; the rest are counted. */
    static final int FAILURES_SHOWN = 100;
    public static final int MAX_ITEMS = 20_000;

    public record Failure(int seq, String regionCode, Integer year, List<InputError> errors) {}

    public record Job(UUID id, String status, int total, int done, int failed, int pending, boolean publish, String reason,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime finishedAt, Double seconds, Double accountsPerSecond,
            List<Failure> failures, String clientKey) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GepAccountService accounts;

    @Inject
    AccountStore store;

    @Inject
    PublicationService publications;

    @Inject
    ObjectMapper json;

    /**
     * Stores a new job with its items ({@code clientKey}, the request's Idempotency-Key, is kept on the job so that
     * its creator can find it again; the key's promise itself is service-common's Idempotency).
     *
     * @return the new job's id
     */
    @Transactional
    public UUID create(List<String> requests, boolean publish, String reason, String clientKey, String user) {
        Errors errors = new Errors();
        if (requests.isEmpty() || requests.size() > MAX_ITEMS) {
            errors.add("body", "between 1 and " + MAX_ITEMS + " accounts per job");
        }
        if (publish) {
            PublicationService.validateReason(reason);
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement job = c.prepareStatement("insert into gep_account_job (id, client_key, status, publish, reason, "
                    + "total, created_by, created_at) values (?, ?, 'RUNNING', ?, ?, ?, ?, ?)")) {
                job.setObject(1, id);
                job.setString(2, clientKey);
                job.setBoolean(3, publish);
                job.setString(4, publish ? reason : null);
                job.setInt(5, requests.size());
                job.setString(6, user);
                job.setTimestamp(7, Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant()));
                job.executeUpdate();
            }
            try (PreparedStatement item = c.prepareStatement("insert into gep_account_job_item (job_id, seq, request, status) "
                    + "values (?, ?, ?, 'PENDING')")) {
                for (int i = 0; i < requests.size(); i++) {
                    item.setObject(1, id);
                    item.setInt(2, i);
                    item.setString(3, requests.get(i));
                    item.addBatch();
                }
                item.executeBatch();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the job", e);
        }
    }

    /** Jobs still running (to resume after a restart). */
    public List<UUID> running() {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id from gep_account_job where status = 'RUNNING' order by created_at");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private record Item(int seq, String request) {}

    /**
     * Claims and processes the next chunk of a job.
     *
     * @return false when no pending item was left to claim
     */
    @Transactional
    public boolean processChunk(UUID jobId) {
        try (Connection c = dataSource.getConnection()) {
            String user;
            boolean publish;
            String reason;
            try (PreparedStatement s = c.prepareStatement("select created_by, publish, reason from gep_account_job where id = ?")) {
                s.setObject(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    user = rs.getString(1);
                    publish = rs.getBoolean(2);
                    reason = rs.getString(3);
                }
            }
            List<Item> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select seq, request from gep_account_job_item where job_id = ? "
                    + "and status = 'PENDING' order by seq limit ? for update skip locked")) {
                s.setObject(1, jobId);
                s.setInt(2, CHUNK);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Item(rs.getInt(1), rs.getString(2)));
                    }
                }
            }
            if (items.isEmpty()) {
                finishIfComplete(c, jobId);
                return false;
            }
            GepAccountService.Lookups lookups = accounts.lookups();
            List<AccountRequest> requests = new ArrayList<>();
            List<List<InputError>> problems = new ArrayList<>();
            for (Item item : items) {
                try {
                    requests.add(json.readValue(item.request(), AccountRequest.class));
                    problems.add(null);
                } catch (JsonProcessingException e) {
                    requests.add(null);
                    problems.add(List.of(new InputError("body", e.getOriginalMessage())));
                }
            }
            lookups.preloadRegions(requests.stream().filter(r -> r != null && r.regionCode() != null)
                    .map(AccountRequest::regionCode).distinct().toList());
            List<ComputedAccount> computed = new ArrayList<>();
            List<Integer> computedSeq = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (requests.get(i) == null) {
                    continue;
                }
                try {
                    computed.add(accounts.compute(requests.get(i), user, lookups));
                    computedSeq.add(items.get(i).seq());
                } catch (InvalidInputException e) {
                    problems.set(i, e.errors());
                }
            }
            store.insert(computed);
            if (publish && !computed.isEmpty()) {
                publications.publishAll(computed.stream().map(a -> new Candidate(a.document().id(), a.document().regionCode(),
                        a.document().year(), a.document().provenance().methodVersion())).toList(), reason, user);
            }
            Timestamp now = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
            try (PreparedStatement done = c.prepareStatement("update gep_account_job_item set status = 'DONE', account_id = ?, "
                    + "finished_at = ?, region_code = ?, year = ? where job_id = ? and seq = ?");
                    PreparedStatement failed = c.prepareStatement("update gep_account_job_item set status = 'FAILED', errors = ?, "
                            + "finished_at = ?, region_code = ?, year = ? where job_id = ? and seq = ?")) {
                for (int i = 0; i < computed.size(); i++) {
                    AccountDocument d = computed.get(i).document();
                    done.setObject(1, d.id());
                    done.setTimestamp(2, now);
                    done.setString(3, d.regionCode());
                    done.setInt(4, d.year());
                    done.setObject(5, jobId);
                    done.setInt(6, computedSeq.get(i));
                    done.addBatch();
                }
                for (int i = 0; i < items.size(); i++) {
                    if (problems.get(i) != null) {
                        AccountRequest r = requests.get(i);
                        failed.setString(1, json.writeValueAsString(problems.get(i)));
                        failed.setTimestamp(2, now);
                        failed.setString(3, r == null || r.regionCode() == null ? null : r.regionCode().substring(0, Math.min(32, r.regionCode().length())));
                        failed.setObject(4, r == null ? null : r.year(), Types.INTEGER);
                        failed.setObject(5, jobId);
                        failed.setInt(6, items.get(i).seq());
                        failed.addBatch();
                    }
                }
                done.executeBatch();
                failed.executeBatch();
            }
            return true;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not process job " + jobId, e);
        }
    }

    private static void finishIfComplete(Connection c, UUID jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update gep_account_job set status = 'DONE', finished_at = "
                + "(select max(finished_at) from gep_account_job_item where job_id = ?) where id = ? and status = 'RUNNING' "
                + "and not exists (select 1 from gep_account_job_item where job_id = ? and status = 'PENDING')")) {
            s.setObject(1, jobId);
            s.setObject(2, jobId);
            s.setObject(3, jobId);
            s.executeUpdate();
        }
    }

    public Optional<Job> find(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            return jobs(c, "where j.id = ?", id).stream().findFirst().map(j -> withFailures(c, j));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user's jobs, newest first, so a client that lost its connection can find its job again. */
    public List<Job> ofUser(String user) {
        try (Connection c = dataSource.getConnection()) {
            return jobs(c, "where j.created_by = ? order by j.created_at desc limit 100", user);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Job> jobs(Connection c, String where, Object param) throws SQLException {
        List<Job> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select j.id, j.status, j.total, j.publish, j.reason, j.created_by, j.created_at, "
                + "j.finished_at, j.client_key, "
                + "(select count(*) from gep_account_job_item i where i.job_id = j.id and i.status = 'DONE'), "
                + "(select count(*) from gep_account_job_item i where i.job_id = j.id and i.status = 'FAILED'), "
                + "(select max(i.finished_at) from gep_account_job_item i where i.job_id = j.id) "
                + "from gep_account_job j " + where)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int total = rs.getInt(3);
                    int done = rs.getInt(10);
                    int failed = rs.getInt(11);
                    OffsetDateTime created = rs.getObject(7, OffsetDateTime.class);
                    OffsetDateTime lastItem = rs.getObject(12, OffsetDateTime.class);
                    Double seconds = lastItem == null ? null : Duration.between(created, lastItem).toMillis() / 1000.0;
                    Double rate = seconds == null || seconds == 0 ? null : Math.round((done + failed) / seconds * 10) / 10.0;
                    result.add(new Job(rs.getObject(1, UUID.class), rs.getString(2), total, done, failed, total - done - failed,
                            rs.getBoolean(4), rs.getString(5), rs.getString(6), created, rs.getObject(8, OffsetDateTime.class), seconds,
                            rate, List.of(), rs.getString(9)));
                }
            }
        }
        return result;
    }

    private Job withFailures(Connection c, Job j) {
        List<Failure> failures = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select seq, region_code, year, errors from gep_account_job_item "
                + "where job_id = ? and status = 'FAILED' order by seq limit " + FAILURES_SHOWN)) {
            s.setObject(1, j.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    failures.add(new Failure(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3),
                            json.readValue(rs.getString(4), json.getTypeFactory().constructCollectionType(List.class, InputError.class))));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Job(j.id(), j.status(), j.total(), j.done(), j.failed(), j.pending(), j.publish(), j.reason(), j.createdBy(),
                j.createdAt(), j.finishedAt(), j.seconds(), j.accountsPerSecond(), failures, j.clientKey());
    }
}
