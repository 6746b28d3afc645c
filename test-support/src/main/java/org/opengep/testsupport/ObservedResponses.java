package org.opengep.testsupport;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records every API answer the tests of a module see ({@code METHOD path status}, one per line in
 * {@code target/observed-responses.txt}), so that {@link OpenApiContract#assertObservedResponsesDocumented} can check
 * (in the system-tests module, after every service's tests ran) that the OpenAPI document names every status a client
 * really gets. The file is started afresh in each surefire JVM (failsafe adds to it); system properties are the one state
 * all of Quarkus' class loaders share.
 */
public final class ObservedResponses implements Filter {

    public static final String FILE_NAME = "observed-responses.txt";
    private static final Path FILE = Path.of("target", FILE_NAME);
    private static final String STARTED = "opengep.observed-responses.started";
    /** Set by the integration-test run (failsafe), which adds to what the unit-test run of the module recorded. */
    private static final String APPEND = "opengep.observed-responses.append";

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String path = URI.create(request.getURI()).getPath();
        if (path.startsWith("/api/")) {
            record(request.getMethod() + " " + path + " " + response.statusCode());
        }
        return response;
    }

    /** Records an answer the tests received outside REST Assured (raw requests, e.g. {@link HostileInputs}). */
    static void record(String method, String path, int status) {
        if (path.startsWith("/api/")) {
            record(method + " " + path + " " + status);
        }
    }

    private static synchronized void record(String line) {
        try {
            Files.createDirectories(FILE.getParent());
            if (System.getProperty(STARTED) == null) {
                System.setProperty(STARTED, "true");
                if (!Boolean.getBoolean(APPEND)) {
                    Files.deleteIfExists(FILE);
                }
            }
            Files.writeString(FILE, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
