package org.opengep.common.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opengep.common.metrics.DomainMetrics;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.Problem;

/**
 * Checks a request before any route reads it: the URI at most {@link #MAX_URI_LENGTH} characters (else 414),
 * only the characters RFC 3986 lets stand unescaped, every {@code %} followed by two hex digits, and what the escapes
 * encode well-formed UTF-8 (else 400); the headers at most {@link #MAX_HEADERS_BYTES} (else 431); a declared body
 * within {@code quarkus.http.limits.max-body-size} (else 413). Without this the HTTP layer answers such requests with
 * an empty 400, 413, 414 or 431; with it the client gets a problem document naming what is wrong. (The HTTP layer's own
 * limits are set higher, in service-common's microprofile-config.properties, so that these checks see the request.)
 */
@ApplicationScoped
public class RequestRules {

    /** What RFC 3986 lets stand unescaped in a path and a query. */
    private static final BitSet ALLOWED = new BitSet(128);

    static {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?@!$&'()*+,;=".chars().forEach(ALLOWED::set);
    }

    /** The whole request URI (path and query), in characters. */
    public static final int MAX_URI_LENGTH = 8192;
    /** The request headers, names and values together. */
    public static final int MAX_HEADERS_BYTES = 20 * 1024;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBody;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            answer(context, Problem.of("uri-too-long", "URI too long", 414, "the request URI has " + uri.length()
                    + " characters; at most " + MAX_URI_LENGTH + " are accepted (send long input in a body)", null));
            return;
        }
        Optional<String> problem = problem(uri);
        if (problem.isPresent()) {
            answer(context, new Problem(Problem.TYPE_BASE + "malformed-uri", "Malformed URI", 400, problem.get(), null,
                    List.of(new InputError("uri", problem.get()))));
            return;
        }
        int headers = 0;
        for (var header : context.request().headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > MAX_HEADERS_BYTES) {
            answer(context, Problem.of("headers-too-large", "Request header fields too large", 431, "the request headers have "
                    + headers + " bytes; at most " + MAX_HEADERS_BYTES + " are accepted", null));
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBody.asLongValue()) {
            // the body that follows is not read: the connection closes after the answer
            answer(context, Problem.of("body-too-large", "Content too large", 413, "the body has " + length + " bytes; at most "
                    + maxBody.asLongValue() + " are accepted (send a large job as several)", null), true);
            return;
        }
        context.next();
    }

    /** Why the raw URI cannot be read exactly, or empty when it can. */
    static Optional<String> problem(String uri) {
        ByteBuffer escaped = ByteBuffer.allocate(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0 || Character.digit(uri.charAt(i + 2), 16) < 0) {
                    return Optional.of("malformed percent-encoding at position " + i + ": '%' must be followed by two hex digits");
                }
                escaped.put((byte) Integer.parseInt(uri.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            if (!ALLOWED.get(c)) {
                return Optional.of(String.format("the character U+%04X at position %d must be percent-encoded", (int) c, i));
            }
            // a run of escapes ends here: what it encodes must be UTF-8 on its own
            Optional<String> run = utf8Problem(escaped, i);
            if (run.isPresent()) {
                return run;
            }
        }
        return utf8Problem(escaped, uri.length());
    }

    private static Optional<String> utf8Problem(ByteBuffer escaped, int position) {
        if (escaped.position() == 0) {
            return Optional.empty();
        }
        escaped.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(escaped);
            escaped.clear();
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("the percent-encoded bytes before position " + position + " are not valid UTF-8");
        }
    }

    private void answer(RoutingContext context, Problem problem) {
        answer(context, problem, false);
    }

    private void answer(RoutingContext context, Problem problem, boolean close) {
        DomainMetrics.problem(problem.type(), problem.status());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close").end(body).onComplete(done -> context.request().connection().close());
        } else {
            response.end(body);
        }
    }
}
