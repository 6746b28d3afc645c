package org.opengep.common.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.UnsupportedMediaTypeException;

/**
 * The media types of a request, before any operation is matched.
 * <ul>
 *   <li>A Content-Type that is not a media type ({@code garbage}, {@code text/}) is a 415: the framework's own parse of
 *       it would fail as a 500 in every operation that reads the body or its type.</li>
 *   <li>An Accept that names {@code application/problem+json} but not {@code application/json} also takes JSON (at
 *       q=0.9): a generated client often sends the first JSON-like type of all an operation documents, errors
 *       included, and must get the operation's JSON rather than 406. A request for CSV or XLSX still gets the file.</li>
 * </ul>
 */
@Provider
@PreMatching
public class MediaTypeRules implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType)) {
            // the header's text is not repeated: it may hold anything
            throw new UnsupportedMediaTypeException("the Content-Type header is not a media type such as application/json or text/csv");
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null) {
            String lower = accept.toLowerCase(Locale.ROOT);
            if (lower.contains(Problem.MEDIA_TYPE) && !lower.contains(MediaType.APPLICATION_JSON)) {
                request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON + ";q=0.9");
            }
        }
    }

    private static boolean isMediaType(String text) {
        try {
            MediaType parsed = MediaType.valueOf(text);
            return !parsed.getType().isBlank() && !parsed.getSubtype().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
