package org.opengep.dashboard.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;

/** How the dashboard's clients read a service's answer: a 4xx is a {@link ServiceRefusal} with the problem's detail. */
final class ServiceAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceAnswers() {}

    static <T> T answer(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            int status = response == null ? 0 : response.getStatus();
            if (status >= 400 && status < 500) {
                throw new ServiceRefusal(service, status, detail(response), e);
            }
            throw e;
        }
    }

    /** A 404 is an answer (there is none), not a failure. */
    static <T> Optional<T> foundOrEmpty(String service, Supplier<T> call) {
        try {
            return Optional.ofNullable(answer(service, call));
        } catch (ServiceRefusal e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * For a call that reads the raw response (a file, an upload): a 4xx is a {@link ServiceRefusal} with the problem's
     * detail (read before the response is closed), a 5xx a failure the retries and the circuit breaker count.
     */
    static void failUnlessAnswered(String service, Response response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500) {
            throw new ServiceRefusal(service, status, detail(response), null);
        }
        if (status >= 500) {
            throw new WebApplicationException(status);
        }
    }

    /** The problem document's detail, or its status line when the body is not one. */
    private static String detail(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonNode problem = JSON.readTree(body);
            return problem.path("detail").asText(problem.path("title").asText(body));
        } catch (RuntimeException | java.io.IOException e) {
            return response.getStatusInfo().getReasonPhrase();
        }
    }
}
