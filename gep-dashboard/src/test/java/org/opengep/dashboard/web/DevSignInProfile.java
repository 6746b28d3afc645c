package org.opengep.dashboard.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.opengep.testsupport.TestTokens;

/** The local run's settings: the development sign-in on (with the test issuer's key), OpenID Connect off, no services up. */
public class DevSignInProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gep.dashboard.dev-sign-in.enabled", "true",
                "gep.dashboard.dev-sign-in.signing-key-location", TestTokens.privateKeyFile().toUri().toString(),
                "gep.dashboard.dev-sign-in.issuer", TestTokens.ISSUER,
                "quarkus.oidc.tenant-enabled", "false",
                // nothing listens there: a page that needs a service shows the 503 page
                "quarkus.rest-client.accounting.url", "http://localhost:9",
                "gep.dashboard.home-region", "330602");
    }
}
