package org.opengep.registry.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.OpenApiContract;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
class OpenApiDocumentTest {

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        OpenApiContract.assertServedEqualsCommitted("ecological-product-registry");
    }
}
