package org.opengep.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
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
    EntityManager em;

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
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(List.of(new InputError(HEADER, "at most " + MAX_KEY_LENGTH + " characters")));
        }
        String fingerprint = sha256(method + " " + uri.getPath() + "\n" + json(body));
        return QuarkusTransaction.requiringNew().call(() -> {
            // a second request with the key while the first runs must not wait for it: a lock it can test without waiting
            boolean first = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, caller + "\n" + key).getSingleResult();
            if (!first) {
                throw new ConflictException("idempotency-key-in-use", "a request with this " + HEADER + " is still being processed; retry later");
            }
            @SuppressWarnings("unchecked")
            List<Object[]> stored = em.createNativeQuery("select request_hash, status, body, location from idempotency_key "
                    + "where caller = ?1 and key = ?2 and created_at > ?3")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, OffsetDateTime.now().minus(KEEP)).getResultList();
            if (!stored.isEmpty()) {
                Object[] row = stored.get(0);
                if (!fingerprint.equals(row[0])) {
                    throw new UnprocessableException("idempotency-key-reused", "this " + HEADER + " was used for a different request");
                }
                Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
                if (row[2] != null) {
                    replay.entity(row[2]).type(MediaType.APPLICATION_JSON);
                }
                if (row[3] != null) {
                    replay.header(HttpHeaders.LOCATION, row[3]);
                }
                return replay.build();
            }
            Response response = operation.get();
            em.createNativeQuery("insert into idempotency_key (caller, key, request_hash, status, body, location, created_at) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (caller, key) do update set request_hash = excluded.request_hash, "
                    + "status = excluded.status, body = excluded.body, location = excluded.location, created_at = excluded.created_at")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint).setParameter(4, response.getStatus())
                    .setParameter(5, body(response)).setParameter(6, response.getLocation() == null ? null : response.getLocation().toString())
                    .setParameter(7, OffsetDateTime.now()).executeUpdate();
            return response;
        });
    }

    /** Forgets keys older than {@link #KEEP}; services call it from a scheduled job. */
    public int purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from idempotency_key where created_at <= ?1")
                .setParameter(1, OffsetDateTime.now().minus(KEEP)).executeUpdate());
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
