package org.opengep.trading.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.HolderClaim;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.DatabaseState;
import org.opengep.testsupport.HostileInputs;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.testsupport.TestTokens;
import org.opengep.trading.client.RegistryStubResource;

/** Every operation of the trading service's document, sent what an outside tester sends: refused, nothing changed. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class HostileInputTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyOperationRefusesHostileInputAndChangesNothing() {
        UUID seller = TradingFixtures.holderWith(1000);
        UUID buyer = UUID.randomUUID();
        Map<String, Object> trade = TradingFixtures.trade(seller, buyer, 10);
        Map<String, Object> units = Map.of("holderId", seller.toString(), "rightType", "FOREST_CARBON_SINK", "vintage", 2024, "quantity", 5);
        HostileInputs.forServedDocument()
                .token(TestTokens.token("hostile", Map.of(HolderClaim.NAME, seller.toString()), Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR,
                        Roles.Trading.MARKET_READER))
                .body("recordTrade", trade)
                .body("recordTradeBatch", Map.of("trades", List.of(trade)))
                .body("settleTrade", Map.of("quantity", 5))
                .body("retireUnits", Map.of("holderId", seller.toString(), "rightType", "FOREST_CARBON_SINK", "vintage", 2024, "quantity", 5,
                        "purpose", "碳中和", "beneficiary", "某某公司"))
                .body("surrenderUnits", Map.of("holderId", seller.toString(), "complianceYear", 2025, "obligation", 5,
                        "parts", List.of(Map.of("rightType", "CARBON_ALLOWANCE", "vintage", 2024, "quantity", 5))))
                .body("pledgeUnits", withReason(units, Map.of("pledgeeId", buyer.toString())))
                .body("freezeUnits", withReason(units, Map.of()))
                .pathValue("holderId", seller)
                .pathValue("serial", "CN-FCS-330602-2024-1")
                .state(DatabaseState.of(dataSource))
                .assertAllRefused();
    }

    private static Map<String, Object> withReason(Map<String, Object> units, Map<String, Object> more) {
        var body = new java.util.HashMap<>(units);
        body.put("reason", "司法冻结");
        body.putAll(more);
        return body;
    }
}
