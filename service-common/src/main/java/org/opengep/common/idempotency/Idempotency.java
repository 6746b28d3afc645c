package org.opengep.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.UnprocessableException;

/**
 * The {@code Idempotency-Key} header (IETF draft "The Idempotency-Key HTTP Header Field"), scoped to the caller:
 * the same key with the same request gives the first answer again without doing anything twice; with a different
 * request it is 422; while the first request is still running it is 409. Keys are kept for {@link #KEEP}.
 *
 * <p>The operation, and the answer stored under the key, commit in one transaction: either both are there or
 * neither is, so a crash never leaves an operation done without its answer (or an answer without the operation). A
 * failed operation stores nothing, and the same key may be used again. A service that uses this has the table
 * {@code idempotency_key} (see the registry's migrations).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final Duration KEEP = Duration.ofHours(24);
    /** For the OpenAPI documents of the operations that take the header. */
    public static final String DESCRIPTION = "A unique key per operation, reused only to retry it (kept 24 hours): the same key "
            + "and request give the first answer again (with Idempotent-Replayed: true) and change nothing; a different request "
            + "is 422; while the first is still running, 409.";
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Runs {@code operation} once for this caller and key. The method, the path and the parsed body are what make two
     * requests the same. Without a key the operation just runs, unless the key is {@code required}.
     */
    public Response execute(String caller, String key, boolean required, String method, UriInfo uri, Object body,
            Supplier<Response> operation) {
        if (key == null || key.isBlank()) {
            if (required) {
                throw new InvalidInputException(List.of(new InputError(HEADER, "required: a unique key per operation, reused only for retries")));
            }
            return operation.get();
        }
        if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidInputException(List.of(new InputError(HEADER, "1 to " + MAX_KEY_LENGTH + " printable ASCII characters")));
        }
        String fingerprint = sha256(method + " " + uri.getPath() + query(uri) + "\n" + json(body));
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return once(c, caller, key, fingerprint, operation);
            }
        });
    }

    private Response once(Connection c, String caller, String key, String fingerprint, Supplier<Response> operation) throws SQLException {
        // a second request with the key while the first runs must not wait for it: a lock it can test without waiting
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            s.setString(1, caller + "\n" + key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new ConflictException("idempotency-key-in-use", "a request with this " + HEADER + " is still being processed; retry later");
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("select request_hash, status, body, location from idempotency_key "
                + "where caller = ? and key = ? and created_at > ?")) {
            s.setString(1, caller);
            s.setString(2, key);
            s.setObject(3, OffsetDateTime.now().minus(KEEP));
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    if (!fingerprint.equals(rs.getString(1))) {
                        throw new UnprocessableException("idempotency-key-reused", "this " + HEADER + " was used for a different request");
                    }
                    Response.ResponseBuilder replay = Response.status(rs.getInt(2)).header(REPLAYED, "true");
                    if (rs.getString(3) != null) {
                        replay.entity(rs.getString(3)).type(MediaType.APPLICATION_JSON);
                    }
                    if (rs.getString(4) != null) {
                        replay.header(HttpHeaders.LOCATION, rs.getString(4));
                    }
                    return replay.build();
                }
            }
        }
        Response response = operation.get();
        try (PreparedStatement s = c.prepareStatement("insert into idempotency_key (caller, key, request_hash, status, body, location, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict (caller, key) do update set request_hash = excluded.request_hash, "
                + "status = excluded.status, body = excluded.body, location = excluded.location, created_at = excluded.created_at")) {
            s.setString(1, caller);
            s.setString(2, key);
            s.setString(3, fingerprint);
            s.setInt(4, response.getStatus());
            s.setString(5, body(response));
            s.setString(6, response.getLocation() == null ? null : response.getLocation().toString());
            s.setObject(7, OffsetDateTime.now());
            s.executeUpdate();
        }
        return response;
    }

    /**
     * The query parameters, sorted, as part of what makes two requests the same ({@code ?publish=true} is another
     * request). Empty without parameters, so that the fingerprints of such requests are what they always were.
     */
    private String query(UriInfo uri) {
        // as JSON: decoded values may hold '&' and '=', which a rebuilt query string would confuse
        return uri.getQueryParameters().isEmpty() ? "" : "?" + json(new TreeMap<>(uri.getQueryParameters()));
    }

    /** Every hour in every service that takes keys. */
    @Scheduled(every = "${gep.idempotency.purge-every:1h}", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeExpired();
    }

    /** Forgets keys older than {@link #KEEP}. */
    public int purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("delete from idempotency_key where created_at <= ?")) {
                s.setObject(1, OffsetDateTime.now().minus(KEEP));
                return s.executeUpdate();
            }
        });
    }

    private String body(Response response) {
        Object entity = response.getEntity();
        return entity == null ? null : entity instanceof String s ? s : json(entity);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
