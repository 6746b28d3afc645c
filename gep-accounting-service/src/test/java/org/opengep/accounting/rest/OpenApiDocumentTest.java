package org.opengep.accounting.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.OpenApiContract;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class OpenApiDocumentTest {

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        OpenApiContract.assertServedEqualsCommitted("gep-accounting-service");
    }
}
