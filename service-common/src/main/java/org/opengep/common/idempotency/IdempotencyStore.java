package org.opengep.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The idempotency_key table, set-based so that one transaction can take many keys at once (the trading ledger's
 * writer does): a key is claimed with a transaction-scoped advisory lock tried without waiting (a key still held is
 * "in use"), then its stored answer is read in a later statement (which sees every answer committed before the lock
 * was had), and the new answer is stored in the transaction that does the work.
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

    /** Tries each key's lock without waiting; returns those that were had (a key may be asked for twice: one lock). */
    public Set<KeyedRequest> tryLock(Connection c, List<KeyedRequest> requests) throws SQLException {
        Set<KeyedRequest> had = new HashSet<>();
        if (requests.isEmpty()) {
            return had;
        }
        try (PreparedStatement s = c.prepareStatement("select n - 1, pg_try_advisory_xact_lock(hashtextextended(k, 0)) "
                + "from unnest(?::text[]) with ordinality as r(k, n) order by n")) {
            s.setArray(1, c.createArrayOf("text", requests.stream().map(KeyedRequest::lockName).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        had.add(requests.get(rs.getInt(1)));
                    }
                }
            }
        }
        return had;
    }

    /** The answers stored (and not yet expired) under the requests' keys, whatever request they were for. */
    public Map<KeyedRequest, StoredAnswer> find(Connection c, List<KeyedRequest> requests) throws SQLException {
        Map<KeyedRequest, StoredAnswer> found = new HashMap<>();
        if (requests.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement("select r.n - 1, k.request_hash, k.status, k.body, k.location from unnest(?::text[], ?::text[]) "
                + "with ordinality as r(caller, key, n) join idempotency_key k on k.caller = r.caller and k.key = r.key and k.created_at > ?")) {
            s.setArray(1, c.createArrayOf("text", requests.stream().map(KeyedRequest::scope).toArray()));
            s.setArray(2, c.createArrayOf("text", requests.stream().map(KeyedRequest::key).toArray()));
            s.setObject(3, OffsetDateTime.now().minus(Idempotency.KEEP));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    KeyedRequest r = requests.get(rs.getInt(1));
                    found.put(r, new StoredAnswer(new KeyedRequest(r.scope(), r.key(), rs.getString(2)), rs.getInt(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return found;
    }

    /** Stores answers; an expired answer under the same key is replaced. */
    public void store(Connection c, List<StoredAnswer> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into idempotency_key (caller, key, request_hash, status, body, location, created_at) "
                + "select *, ? from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[]) on conflict (caller, key) do update "
                + "set request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, location = excluded.location, "
                + "created_at = excluded.created_at")) {
            List<KeyedRequest> keys = new ArrayList<>(answers.stream().map(StoredAnswer::request).toList());
            s.setObject(1, OffsetDateTime.now());
            s.setArray(2, c.createArrayOf("text", keys.stream().map(KeyedRequest::scope).toArray()));
            s.setArray(3, c.createArrayOf("text", keys.stream().map(KeyedRequest::key).toArray()));
            s.setArray(4, c.createArrayOf("text", keys.stream().map(KeyedRequest::fingerprint).toArray()));
            s.setArray(5, c.createArrayOf("integer", answers.stream().map(StoredAnswer::status).toArray()));
            s.setArray(6, c.createArrayOf("text", answers.stream().map(StoredAnswer::body).toArray()));
            s.setArray(7, c.createArrayOf("text", answers.stream().map(StoredAnswer::location).toArray()));
            s.executeUpdate();
        }
    }
}
