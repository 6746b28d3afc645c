package org.opengep.registry.client;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.opengep.testsupport.TestTokens;

/** Points the registry at the {@link AccountingStub} and gives it the key to sign its service tokens with. */
public class AccountingStubResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.rest-client.accounting.url", AccountingStub.instance().url());
    }

    @Override
    public void stop() {
        // the stub lives as long as the test JVM
    }
}
