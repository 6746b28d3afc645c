package org.opengep.accounting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.opengep.accounting.rest.AccountRequest;
import org.opengep.accounting.service.PublicationService.Candidate;
import org.opengep.common.jdbc.AfterCommit;
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

    private static final Logger LOG = Logger.getLogger(JobService.class);

    /** Items computed and written per transaction. */
    static final int CHUNK = 250;
    public static final int MAX_ITEMS = 20_000;
    /** Jobs of this many items or more have the account tables analysed when they finish. */
    static final int ANALYSE_AFTER = 1_000;

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

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Stores a new job with its items ({@code clientKey}, the request's Idempotency-Key, is kept on the job so that
     * its creator can find it again; the key's promise itself is service-common's Idempotency).
     *
     * @return the new job's id
     */
    @Transactional
    public UUID create(List<byte[]> requests, boolean publish, String reason, String clientKey, String user) {
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
                    + "values (?, ?, convert_from(?, 'UTF8'), 'PENDING')")) {
                for (int i = 0; i < requests.size(); i++) {
                    item.setObject(1, id);
                    item.setInt(2, i);
                    item.setBytes(3, requests.get(i)); // the UTF-8 JSON as sent, as AccountStore sends documents
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

    /**
     * Claims and processes the next chunk of a job. {@code parsed} are the job's requests as its upload read them (by
     * seq; each is taken out as its chunk is claimed), or null when this worker did not take the upload (another
     * replica's job, or one resumed after a restart): requests not at hand are read again from their items.
     *
     * @return false when no pending item was left to claim
     */
    @Transactional
    public boolean processChunk(UUID jobId, List<AccountRequest> parsed) {
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
            List<Integer> seqs = claim(c, jobId);
            if (seqs.isEmpty()) {
                finishIfComplete(c, jobId);
                return false;
            }
            List<List<InputError>> problems = new ArrayList<>(Collections.nCopies(seqs.size(), null));
            List<AccountRequest> requests = requests(c, jobId, seqs, parsed, problems);
            GepAccountService.Lookups lookups = accounts.lookups();
            lookups.preloadRegions(requests.stream().filter(r -> r != null && r.regionCode() != null)
                    .map(AccountRequest::regionCode).distinct().toList());
            List<ComputedAccount> computed = new ArrayList<>();
            List<Integer> computedSeq = new ArrayList<>();
            for (int i = 0; i < seqs.size(); i++) {
                if (requests.get(i) == null) {
                    continue;
                }
                try {
                    computed.add(accounts.compute(requests.get(i), user, lookups));
                    computedSeq.add(seqs.get(i));
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
            markDone(c, jobId, computed, computedSeq, now);
            try (PreparedStatement failed = c.prepareStatement("update gep_account_job_item set status = 'FAILED', errors = ?, "
                    + "finished_at = ?, region_code = ?, year = ? where job_id = ? and seq = ?")) {
                for (int i = 0; i < seqs.size(); i++) {
                    if (problems.get(i) != null) {
                        AccountRequest r = requests.get(i);
                        failed.setString(1, json.writeValueAsString(problems.get(i)));
                        failed.setTimestamp(2, now);
                        failed.setString(3, r == null || r.regionCode() == null ? null : r.regionCode().substring(0, Math.min(32, r.regionCode().length())));
                        failed.setObject(4, r == null ? null : r.year(), Types.INTEGER);
                        failed.setObject(5, jobId);
                        failed.setInt(6, seqs.get(i));
                        failed.addBatch();
                    }
                }
                failed.executeBatch();
            }
            return true;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not process job " + jobId, e);
        }
    }

    /**
     * The requests of a claimed chunk, by position (null where one no longer reads, with its problem set). Those the
     * upload handed over are taken out of its list: held to the job's end, they were a national job's largest live
     * data, which every collection copied. The others (a resumed job's, another replica's, a chunk claimed again after
     * a failure) are read from their items.
     */
    private List<AccountRequest> requests(Connection c, UUID jobId, List<Integer> seqs, List<AccountRequest> parsed,
            List<List<InputError>> problems) throws SQLException {
        List<AccountRequest> requests = new ArrayList<>();
        List<Integer> notAtHand = new ArrayList<>();
        for (int seq : seqs) {
            AccountRequest request = parsed == null ? null : parsed.set(seq, null);
            requests.add(request);
            if (request == null) {
                notAtHand.add(seq);
            }
        }
        if (notAtHand.isEmpty()) {
            return requests;
        }
        Map<Integer, String> stored = storedRequests(c, jobId, notAtHand);
        for (int i = 0; i < seqs.size(); i++) {
            if (requests.get(i) == null) {
                try {
                    requests.set(i, json.readValue(stored.get(seqs.get(i)), AccountRequest.class));
                } catch (JsonProcessingException e) {
                    problems.set(i, List.of(new InputError("body", e.getOriginalMessage())));
                }
            }
        }
        return requests;
    }

    /** Locks the next chunk's pending items (skipping those other workers hold) and gives their seqs, in order. */
    private static List<Integer> claim(Connection c, UUID jobId) throws SQLException {
        List<Integer> seqs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select seq from gep_account_job_item where job_id = ? "
                + "and status = 'PENDING' order by seq limit ? for update skip locked")) {
            s.setObject(1, jobId);
            s.setInt(2, CHUNK);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getInt(1));
                }
            }
        }
        return seqs;
    }

    private static Map<Integer, String> storedRequests(Connection c, UUID jobId, List<Integer> seqs) throws SQLException {
        Map<Integer, String> requests = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select seq, request from gep_account_job_item where job_id = ? and seq = any(?)")) {
            s.setObject(1, jobId);
            s.setArray(2, c.createArrayOf("int4", seqs.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    requests.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return requests;
    }

    /** Marks a chunk's computed items done, with their accounts, in one statement. */
    private static void markDone(Connection c, UUID jobId, List<ComputedAccount> computed, List<Integer> seqs, Timestamp now)
            throws SQLException {
        if (computed.isEmpty()) {
            return;
        }
        try (PreparedStatement done = c.prepareStatement("update gep_account_job_item i set status = 'DONE', account_id = u.account_id, "
                + "finished_at = ?, region_code = u.region_code, year = u.year "
                + "from unnest(?::int[], ?::uuid[], ?::varchar[], ?::int[]) u (seq, account_id, region_code, year) "
                + "where i.job_id = ? and i.seq = u.seq")) {
            done.setTimestamp(1, now);
            done.setArray(2, c.createArrayOf("int4", seqs.toArray()));
            done.setArray(3, c.createArrayOf("uuid", computed.stream().map(a -> a.document().id()).toArray()));
            done.setArray(4, c.createArrayOf("varchar", computed.stream().map(a -> a.document().regionCode()).toArray()));
            done.setArray(5, c.createArrayOf("int4", computed.stream().map(a -> a.document().year()).toArray()));
            done.setObject(6, jobId);
            done.executeUpdate();
        }
    }

    /**
     * Marks the job done once no item is pending. A large job then has the tables it grew analysed, right after it is
     * reported done: until autovacuum gets to them, PostgreSQL plans with the statistics of before the job (on a new
     * database the first reads of a year's figures by index were planned as scans). The analysis took 0.15 s of a
     * national run while the job waited for it; the reads that follow a job do not depend on it (a year's figures over
     * the tree read in 0.11 s with statistics and without).
     */
    private void finishIfComplete(Connection c, UUID jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update gep_account_job set status = 'DONE', finished_at = "
                + "(select max(finished_at) from gep_account_job_item where job_id = ?) where id = ? and status = 'RUNNING' "
                + "and not exists (select 1 from gep_account_job_item where job_id = ? and status = 'PENDING') returning total")) {
            s.setObject(1, jobId);
            s.setObject(2, jobId);
            s.setObject(3, jobId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(1) < ANALYSE_AFTER) {
                    return;
                }
            }
        }
        AfterCommit.run(transactions, () -> CompletableFuture.runAsync(() -> analyseAfter(jobId)));
    }

    private void analyseAfter(UUID jobId) {
        try (Connection c = dataSource.getConnection(); Statement analyse = c.createStatement()) {
            // the columns the reads filter and join on: the wide ones' statistics cost as much again and steer no plan
            analyse.execute("analyze gep_account (id, region_code, year), gep_account_value (account_id), gep_publication");
        } catch (SQLException e) {
            LOG.warnf("job %s: the account tables could not be analysed (%s); autovacuum will", jobId, e.getMessage());
        }
    }
}
