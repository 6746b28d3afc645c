package org.opengep.accounting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengep.common.problem.InputError;

/** What a client sees of the jobs {@link JobService} runs: progress, rate and the first failures with their reasons. */
@ApplicationScoped
public class JobProgress {

    /** Failures listed in the job view; the rest are counted. */
    static final int FAILURES_SHOWN = 100;

    public record Failure(int seq, String regionCode, Integer year, List<InputError> errors) {}

    public record Job(UUID id, String status, int total, int done, int failed, int pending, boolean publish, String reason,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime finishedAt, Double seconds, Double accountsPerSecond,
            List<Failure> failures, String clientKey) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

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
        // one pass over the job's items for its progress (a client polls a national job's 3 000 items)
        try (PreparedStatement s = c.prepareStatement("select j.id, j.status, j.total, j.publish, j.reason, j.created_by, j.created_at, "
                + "j.finished_at, j.client_key, i.done, i.failed, i.last_finished "
                + "from gep_account_job j cross join lateral (select count(*) filter (where status = 'DONE') done, "
                + "count(*) filter (where status = 'FAILED') failed, max(finished_at) last_finished "
                + "from gep_account_job_item where job_id = j.id) i " + where)) {
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
