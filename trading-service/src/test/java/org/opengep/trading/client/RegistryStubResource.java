package org.opengep.trading.client;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.opengep.testsupport.TestTokens;

/** Points the trading service at the {@link RegistryStub} and gives it the key to sign its service tokens with. */
public class RegistryStubResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.rest-client.registry.url", RegistryStub.instance().service().url(),
                "trading.registry.cache-ttl", "1s");
    }

    @Override
    public void stop() {
        // the stub lives as long as the test JVM
    }
}
