package org.opengep.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.common.jdbc.Writes;

/**
 * The idempotency_key table, set-based so that one transaction can take many keys at once (the trading ledger's
 * writer does): a key is claimed with a transaction-scoped advisory lock tried without waiting (a key still held is
 * "in use") and its stored answer read in the same statement, and the new answer is stored in the transaction that
 * does the work, only where no live answer is stored under the key (else the transaction fails and is retried).
 */
@ApplicationScoped
public class IdempotencyStore {

    /** A request's key, scoped to its caller, and the fingerprint of the request. */
    public record KeyedRequest(String scope, String key, String fingerprint) {

        String lockName() {
            return scope + "\n" + key;
        }
    }

    /** An answer as stored under a key. */
    public record StoredAnswer(KeyedRequest request, int status, String body, String location) {}

    /** What claiming keys gave: the keys whose lock was had, and the answers stored under them. */
    public record Claimed(Set<KeyedRequest> had, Map<KeyedRequest, StoredAnswer> stored) {}

    /**
     * Tries each key's lock without waiting and reads the answers stored under the keys whose lock was had, in one
     * statement. An answer committed by another transaction between this statement's snapshot and its taking the
     * lock is not seen; {@link #store} then finds the key taken, so the work is never stored twice under one key
     * (the caller retries and replays it).
     */
    public Claimed claim(Connection c, List<KeyedRequest> requests) throws SQLException {
        Set<KeyedRequest> had = new HashSet<>();
        Map<KeyedRequest, StoredAnswer> stored = new HashMap<>();
        if (requests.isEmpty()) {
            return new Claimed(had, stored);
        }
        try (PreparedStatement s = c.prepareStatement("select r.n - 1, r.had, k.request_hash, k.status, k.body, k.location from (select n, caller, key, "
                + "pg_try_advisory_xact_lock(hashtextextended(caller || chr(10) || key, 0)) as had from unnest(?::text[], ?::text[]) with ordinality "
                + "as u(caller, key, n) order by n) r left join idempotency_key k on r.had and k.caller = r.caller and k.key = r.key and k.created_at > ? "
                + "order by r.n")) {
            s.setArray(1, c.createArrayOf("text", requests.stream().map(KeyedRequest::scope).toArray()));
            s.setArray(2, c.createArrayOf("text", requests.stream().map(KeyedRequest::key).toArray()));
            s.setObject(3, OffsetDateTime.now().minus(Idempotency.KEEP));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    KeyedRequest r = requests.get(rs.getInt(1));
                    if (rs.getBoolean(2)) {
                        had.add(r);
                        if (rs.getString(3) != null) {
                            stored.put(r, new StoredAnswer(new KeyedRequest(r.scope(), r.key(), rs.getString(3)), rs.getInt(4), rs.getString(5),
                                    rs.getString(6)));
                        }
                    }
                }
            }
        }
        return new Claimed(had, stored);
    }

    /** The answer stored under a request's key (for this or another request), or null: a plain read, no lock. */
    public StoredAnswer find(Connection c, KeyedRequest request) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select request_hash, status, body, location from idempotency_key where caller = ? and key = ? "
                + "and created_at > ?")) {
            s.setString(1, request.scope());
            s.setString(2, request.key());
            s.setObject(3, OffsetDateTime.now().minus(Idempotency.KEEP));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new StoredAnswer(new KeyedRequest(request.scope(), request.key(), rs.getString(1)), rs.getInt(2), rs.getString(3),
                        rs.getString(4)) : null;
            }
        }
    }

    /** The statement that stores answers ({@link #KEYS_TAKEN} when another transaction stored one of the keys meanwhile). */
    public Write storing(List<StoredAnswer> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        return new Write("insert into idempotency_key (caller, key, request_hash, status, body, location, created_at) "
                + "select *, ?::timestamptz from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[]) on conflict (caller, key) do update "
                + "set request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, location = excluded.location, "
                + "created_at = excluded.created_at where idempotency_key.created_at <= ?::timestamptz", (c, s, first) -> {
                    OffsetDateTime now = OffsetDateTime.now();
                    s.setObject(first, now);
                    s.setArray(first + 1, c.createArrayOf("text", answers.stream().map(a -> a.request().scope()).toArray()));
                    s.setArray(first + 2, c.createArrayOf("text", answers.stream().map(a -> a.request().key()).toArray()));
                    s.setArray(first + 3, c.createArrayOf("text", answers.stream().map(a -> a.request().fingerprint()).toArray()));
                    s.setArray(first + 4, c.createArrayOf("integer", answers.stream().map(StoredAnswer::status).toArray()));
                    s.setArray(first + 5, c.createArrayOf("text", answers.stream().map(StoredAnswer::body).toArray()));
                    s.setArray(first + 6, c.createArrayOf("text", answers.stream().map(StoredAnswer::location).toArray()));
                    s.setObject(first + 7, now.minus(Idempotency.KEEP));
                    return first + 8;
                }, answers.size(), KEYS_TAKEN);
    }

    /** The {@link Write#what} of storing answers: a key another transaction took meanwhile. */
    public static final String KEYS_TAKEN = "an Idempotency-Key stored by another transaction meanwhile";

    /** Stores answers now. */
    public void store(Connection c, List<StoredAnswer> answers) throws SQLException {
        Writes.execute(c, storing(answers)); // null for no answers
    }
}
