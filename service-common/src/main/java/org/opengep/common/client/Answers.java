package org.opengep.common.client;

import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.function.Supplier;

/** How our clients read another service's answers. */
public final class Answers {

    private Answers() {}

    /** A 404 is an answer (there is no such thing), not a failure: it is empty, and never counted against the circuit. */
    public static <T> Optional<T> foundOrEmpty(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
