package org.opengep.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.jdbc.ConnectionLoss;
import org.opengep.common.metrics.DomainMetrics;

/** Turns every failure into application/problem+json with a stable type; client mistakes are never 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        Problem p = new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                e.errors().size() + " problem(s) with the request: "
                        + e.errors().stream().map(x -> x.field() + ": " + x.message()).collect(Collectors.joining("; ")),
                path(uri), e.errors());
        return respond(p);
    }

    /** Domain failures of a known type; a client may retry a 503 after Retry-After seconds. */
    @ServerExceptionMapper
    public Response typed(TypedProblem e, UriInfo uri) {
        Response response = respond(Problem.of(e.type(), e.title(), e.status(), e.getMessage(), path(uri)));
        return e.status() == 503 ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, "5").build() : response;
    }

    /** Quarkus ships its own mapper for this subtype; ours takes its place so the answer is a problem too. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : e instanceof StreamReadException r && r.getProcessor() != null ? where(r.getProcessor().getParsingContext()) : "";
        String message = e.getOriginalMessage();
        Problem p = new Problem(Problem.TYPE_BASE + "malformed-json", "Malformed JSON", 400,
                (field.isEmpty() ? "" : field + ": ") + message, path(uri),
                List.of(new InputError(field.isEmpty() ? "body" : field, message)));
        return respond(p);
    }

    /** The field a parser was reading when it failed (a member given twice, a number out of range), as {@code a.b[0].c}. */
    private static String where(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String step = c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]" : c.getCurrentName() == null ? "" : "." + c.getCurrentName();
            path.insert(0, step);
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("unauthorized", "Unauthorized", 401,
                        "a valid bearer token (JWT) is required", path(uri))))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "your token's roles do not allow this operation", path(uri)));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (e instanceof org.hibernate.exception.ConstraintViolationException
                || e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
            return respond(Problem.of("conflict", "Conflict", 409,
                    "the change conflicts with data written at the same time; retry", path(uri)));
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        if (e.getCause() instanceof InvalidInputException invalid) {
            return invalidInput(invalid, uri);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of("http-" + status, title, status, e.getMessage(), path(uri)));
    }

    /** A retry answered from what its Idempotency-Key stored: the first answer again, as it was. */
    @ServerExceptionMapper
    public Response answeredBefore(Idempotency.AnsweredBefore e) {
        return e.response();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (ConnectionLoss.noticed(e)) {
            LOG.warnf("the database went away under %s: %s", path(uri), e);
            return typed(new ServiceUnavailableException("database-unavailable", "the connection to the database was lost or could not be had "
                    + "(a restart or failover); retry in a few seconds, a write with the same Idempotency-Key: it is applied at most once", e), uri);
        }
        LOG.error("unexpected failure on " + path(uri), e);
        return respond(Problem.of("internal", "Internal error", 500,
                "the service failed unexpectedly; whether a write was applied is unknown when its "
                + "database connection was lost: retry it with the same Idempotency-Key, which applies it at most once", path(uri)));
    }

    static Response respond(Problem p) {
        DomainMetrics.problem(p.type(), p.status());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }
}
