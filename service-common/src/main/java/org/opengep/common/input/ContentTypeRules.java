package org.opengep.common.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.opengep.common.problem.UnsupportedMediaTypeException;

/**
 * A Content-Type that is not a media type ({@code garbage}, {@code text/}) is a 415 naming it, before any operation is
 * matched: the framework's own parse of it would fail as a 500 in every operation that reads the body or its type.
 */
@Provider
@PreMatching
public class ContentTypeRules implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return;
        }
        try {
            MediaType parsed = MediaType.valueOf(contentType);
            if (parsed.getType().isBlank() || parsed.getSubtype().isBlank()) {
                throw new IllegalArgumentException("no type or subtype");
            }
        } catch (IllegalArgumentException e) {
            // the header's text is not repeated: it may hold anything
            throw new UnsupportedMediaTypeException("the Content-Type header is not a media type such as application/json or text/csv");
        }
    }
}
