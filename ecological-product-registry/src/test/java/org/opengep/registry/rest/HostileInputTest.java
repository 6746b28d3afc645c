package org.opengep.registry.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.testsupport.DatabaseState;
import org.opengep.testsupport.HostileInputs;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.testsupport.TestTokens;

/** Every operation of the registry's document, sent what an outside tester sends: refused, nothing changed. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
class HostileInputTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyOperationRefusesHostileInputAndChangesNothing() {
        String holder = Fixtures.newHolder();
        String product = Fixtures.registrar().body(Fixtures.forestSink(holder, "1000", 2023)).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> draft = new java.util.HashMap<>(Fixtures.forestSink(holder, "1000", 2023));
        draft.put("description", "造林碳汇");
        draft.put("indicator", "CARBON_SEQUESTRATION");
        draft.put("valueLine", "CO2");
        draft.put("periodStart", "2023-01-01");
        draft.put("periodEnd", "2023-12-31");
        HostileInputs.forServedDocument()
                .token(TestTokens.token("hostile", Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER, Roles.Registry.READER, Roles.Registry.LENDER))
                .body("registerHolder", Map.of("kind", "ORGANISATION", "name", "龙泉市林业合作社", "uscc", Fixtures.newUscc()))
                .body("setHolderStatus", Map.of("status", "SUSPENDED", "reason", "核查中"))
                .body("setHolderCompensationRegion", Map.of("regionCode", "331181"))
                .body("createCreditPolicy", Map.of("name", "生态贷", "loanToValue", Map.of("FOREST_CARBON_SINK", 0.7), "compensationMultiple", 3,
                        "gepCapShare", 0.3, "termYears", 5, "source", "GEP贷管理办法"))
                .body("declareProduct", draft)
                .body("updateDraftProduct", draft)
                .body("transitionProduct", Map.of("to", "VERIFIED", "reason", "核查通过", "verifiedQuantity", 900))
                .body("issueUnits", Map.of("productId", product, "rightType", "FOREST_CARBON_SINK", "quantity", 100, "holderId", holder,
                        "vintage", 2023, "methodology", "CCER-14-001-V01", "validUntil", "2030-12-31"))
                .pathValue("id", product)
                .state(DatabaseState.of(dataSource))
                .assertAllRefused();
    }
}
