package org.opengep.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Small helpers resources use to answer with problems. */
public final class Problems {

    private Problems() {}

    public static Response notFound(String what) {
        return ProblemMappers.respond(Problem.of("not-found", "Not found", 404, "no " + what, null));
    }

    /** Unknown query parameters are an error, not silently ignored (a typo would otherwise change the answer). */
    public static void onlyQueryParameters(UriInfo uri, Set<String> allowed) {
        List<InputError> errors = uri.getQueryParameters().keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .map(k -> new InputError(k, "unknown query parameter; expected one of " + new TreeSet<>(allowed)))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Paging parameters: offset from 0, at most 5000 rows a page. */
    public static void checkPage(int offset, int limit) {
        Errors errors = new Errors();
        if (offset < 0) {
            errors.add("offset", "must not be negative");
        }
        if (limit < 1 || limit > 5000) {
            errors.add("limit", "between 1 and 5000");
        }
        errors.throwIfAny();
    }

    /** A missing request body is a client error naming the body, not a NullPointerException. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new InvalidInputException(List.of(new InputError("body", "a JSON body is required")));
        }
        return body;
    }
}
