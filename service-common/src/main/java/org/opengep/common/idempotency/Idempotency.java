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
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.idempotency.IdempotencyStore.StoredAnswer;
import org.opengep.common.jdbc.ConnectionLoss;
import org.opengep.common.jdbc.Writes;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.ServiceUnavailableException;
import org.opengep.common.problem.UnprocessableException;
import org.opengep.common.security.Caller;

/**
 * The {@code Idempotency-Key} header (IETF draft "The Idempotency-Key HTTP Header Field"), scoped to the caller and
 * the holder it acts for ({@link Caller#idempotencyScope}):
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

    @Inject
    IdempotencyStore store;

    /**
     * The keyed request: the caller's scope, the key and the request's fingerprint (method, path, query and parsed
     * body: what makes two requests the same); null without a key, unless the key is {@code required} (400).
     *
     * <p>A key whose answer is stored already is answered here, before the operation looks at any state: a retry of
     * a take that filled its order, or of a report whose reference is now used, gets its first answer again and never
     * the refusal that the changed state would give a new request. This throws {@link AnsweredBefore} with the
     * stored answer (or 422 for a different request under the key).
     */
    public KeyedRequest request(Caller caller, String key, boolean required, String method, UriInfo uri, Object body) {
        if (key == null || key.isBlank()) {
            if (required) {
                throw new InvalidInputException(List.of(new InputError(HEADER, "required: a unique key per operation, reused only for retries")));
            }
            return null;
        }
        if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidInputException(List.of(new InputError(HEADER, "1 to " + MAX_KEY_LENGTH + " printable ASCII characters")));
        }
        KeyedRequest request = new KeyedRequest(caller.idempotencyScope(), key, sha256(method + " " + uri.getPath() + query(uri) + "\n" + json(body)));
        StoredAnswer stored = storedAnswer(request);
        if (stored != null) {
            throw new AnsweredBefore(replay(request, stored));
        }
        return request;
    }

    /**
     * The answer committed under the request's key, or null; read without waiting for a request still running with it.
     * A read on a connection that a database restart broke is read again while the pool drops the broken ones.
     */
    private StoredAnswer storedAnswer(KeyedRequest request) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                return store.find(c, request);
            } catch (SQLException e) {
                if (attempt < 4 && ConnectionLoss.noticed(e)) {
                    ConnectionLoss.pause(25L * attempt);
                    continue;
                }
                throw new ServiceUnavailableException("database-unavailable", "the database did not answer; nothing was recorded, retry with the "
                        + "same " + HEADER, e);
            }
        }
    }

    /** A keyed request answered from the answer stored under its key ({@link #replay}), before the operation is tried. */
    public static final class AnsweredBefore extends RuntimeException {

        private final transient Response response;

        AnsweredBefore(Response response) {
            super(null, null, false, false);
            this.response = response;
        }

        public Response response() {
            return response;
        }
    }

    /**
     * Runs {@code operation} once for this caller (and the holder it acts for) and key, in one transaction with the
     * answer it stores. Without a key the operation just runs, unless the key is {@code required}.
     */
    public Response execute(Caller caller, String key, boolean required, String method, UriInfo uri, Object body, Supplier<Response> operation) {
        KeyedRequest request = request(caller, key, required, method, uri, body);
        if (request == null) {
            return operation.get();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                IdempotencyStore.Claimed claimed = store.claim(c, List.of(request));
                if (claimed.had().isEmpty()) {
                    throw inUse();
                }
                StoredAnswer stored = claimed.stored().get(request);
                if (stored != null) {
                    return replay(request, stored);
                }
                Response response = operation.get();
                try {
                    store.store(c, List.of(answer(request, response)));
                } catch (Writes.CountMismatch e) {
                    throw inUse(); // the first request with the key committed meanwhile: this one's work rolls back, a retry replays
                }
                return response;
            }
        });
    }

    /** The problem of a key whose first request is still running. */
    public static ConflictException inUse() {
        return new ConflictException("idempotency-key-in-use", "a request with this " + HEADER + " is still being processed; retry later");
    }

    /** The stored answer again, if it was for the same request (422 if not). */
    public static Response replay(KeyedRequest request, StoredAnswer stored) {
        if (!request.fingerprint().equals(stored.request().fingerprint())) {
            throw new UnprocessableException("idempotency-key-reused", "this " + HEADER + " was used for a different request");
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED, "true");
        if (stored.body() != null) {
            replay.entity(stored.body()).type(MediaType.APPLICATION_JSON);
        }
        if (stored.location() != null) {
            replay.header(HttpHeaders.LOCATION, stored.location());
        }
        return replay.build();
    }

    /** The answer to store for a response. */
    public StoredAnswer answer(KeyedRequest request, Response response) {
        return new StoredAnswer(request, response.getStatus(), body(response), response.getLocation() == null ? null : response.getLocation().toString());
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

    /** The JSON of a value, as answers are stored and sent. */
    public String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String body(Response response) {
        Object entity = response.getEntity();
        return entity == null ? null : entity instanceof String s ? s : json(entity);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
