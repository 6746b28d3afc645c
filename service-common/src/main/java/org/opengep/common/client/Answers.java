package org.opengep.common.client;

import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How our clients read another service's answers. A 4xx answer means that service refused what we asked (it is up and
 * answering): it is {@link RefusedByServiceException}, which the clients' circuit breakers skip and their retries abort
 * on, so a request that could never succeed neither opens the circuit for everyone nor is sent three times.
 */
public final class Answers {

    private Answers() {}

    /** A 404 is an answer (there is no such thing), not a failure: it is empty, and never counted against the circuit. */
    public static <T> Optional<T> foundOrEmpty(Supplier<T> call) {
        try {
            return Optional.of(answer(call));
        } catch (RefusedByServiceException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The other service's answer; a 4xx is {@link RefusedByServiceException}, anything else fails as it failed. */
    public static <T> T answer(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new RefusedByServiceException(status, e);
            }
            throw e;
        }
    }
}
