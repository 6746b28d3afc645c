package org.opengep.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengep.testsupport.ObservedResponses;
import org.opengep.testsupport.OpenApiContract;
import org.opengep.testsupport.ProjectRoot;

/**
 * Every status a service's API tests received (recorded by their requests, see {@code ObservedResponses}) is
 * documented for its operation in the service's committed OpenAPI document: generated clients know every answer they
 * can get. Runs here because the reactor has run every service's tests by now.
 */
class DocumentedResponsesTest {

    @ParameterizedTest
    @ValueSource(strings = {"gep-accounting-service", "ecological-product-registry", "trading-service"})
    void everyStatusTheServiceTestsReceivedIsDocumented(String service) throws IOException {
        Path observed = ProjectRoot.path().resolve(service).resolve("target").resolve(ObservedResponses.FILE_NAME);
        assumeTrue(Files.exists(observed), "the tests of " + service + " did not run in this build");
        OpenApiContract.assertObservedResponsesDocumented(service, observed);
    }
}
