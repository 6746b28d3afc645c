package org.opengep.registry.client;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the registry at the {@link TradingStub}. */
public class TradingStubResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.trading.url", TradingStub.instance().url());
    }

    @Override
    public void stop() {
        // the stub lives as long as the test JVM
    }
}
