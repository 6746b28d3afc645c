package org.opengep.common.runtime;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every packaged service. Quarkus' HTTP layer answers a URI it cannot parse with an empty 400
 * before any route sees it; with that check off ({@code vertx.disableURIValidation}, read once when the HTTP layer is
 * set up, so it must be set before Quarkus starts) {@code RequestRules} checks the URI itself and answers with a problem
 * document that says what is wrong. The tests set the same property (the root pom's surefire configuration).
 */
@QuarkusMain
public final class ServiceMain {

    private ServiceMain() {}

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
