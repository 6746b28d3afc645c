package org.opengep.trading.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.OpenApiContract;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class OpenApiDocumentTest {

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        OpenApiContract.assertServedEqualsCommitted("trading-service");
    }
}
