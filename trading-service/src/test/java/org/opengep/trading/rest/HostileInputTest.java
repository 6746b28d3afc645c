package org.opengep.trading.rest;

import static org.opengep.trading.rest.TradingFixtures.operator;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
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
        int instrument = operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("rightType", "FOREST_CARBON_SINK",
                "vintage", 2024, "openingBasePrice", 50)).post("/api/v1/instruments").then().statusCode(201).extract().path("instrumentId");
        OffsetDateTime now = OffsetDateTime.now();
        HostileInputs.forServedDocument()
                .token(TestTokens.token("hostile", Map.of(HolderClaim.NAME, seller.toString()), Roles.Trading.TRADER, Roles.Trading.OPERATOR, Roles.Trading.AUDITOR,
                        Roles.Trading.MARKET_READER, Roles.Trading.PLATFORM))
                .body("recordTrade", trade)
                .body("recordTradeBatch", Map.of("trades", List.of(trade)))
                .body("settleTrade", Map.of("quantity", 5))
                .body("retireUnits", Map.of("holderId", seller.toString(), "rightType", "FOREST_CARBON_SINK", "vintage", 2024, "quantity", 5,
                        "purpose", "碳中和", "beneficiary", "某某公司"))
                .body("surrenderUnits", Map.of("holderId", seller.toString(), "complianceYear", 2025, "obligation", 5,
                        "parts", List.of(Map.of("rightType", "CARBON_ALLOWANCE", "vintage", 2024, "quantity", 5))))
                .body("pledgeUnits", withReason(units, Map.of("pledgeeId", buyer.toString())))
                .body("freezeUnits", withReason(units, Map.of()))
                .body("listInstrument", Map.of("rightType", "FOREST_CARBON_SINK", "vintage", 2031, "tick", 0.01, "lot", 1, "listedBand", 0.1,
                        "sessions", "09:30-11:30", "settlement", "AT_FILL", "openingBasePrice", 50))
                .body("proposeFirstBasePrice", Map.of("price", 50))
                .body("postOrder", Map.of("instrumentId", instrument, "side", "SELL", "price", 50, "quantity", 10))
                .body("takeOrder", Map.of("quantity", 5))
                .body("proposeBlockTrade", Map.of("instrumentId", instrument, "counterpartyId", buyer.toString(), "side", "SELL", "price", 50,
                        "quantity", 100000, "expiresInSeconds", 3600))
                .body("openAuction", Map.of("instrumentId", instrument, "side", "SELL", "principalId", seller.toString(), "quantity", 100,
                        "reservePrice", 50, "minBidQuantity", 10, "maxPerBidder", 50, "pricing", "UNIFORM", "startsAt", now.toString(),
                        "endsAt", now.plusHours(1).toString()))
                .body("bidInAuction", Map.of("price", 50, "quantity", 10))
                .body("recordDeposit", Map.of("amount", 100, "bankReference", "B-1"))
                .body("recordWithdrawal", Map.of("amount", 100, "bankReference", "B-1"))
                .body("grantPlatformMembership", Map.of("participantId", seller.toString()))
                .body("reportPlatformTrade", Map.of("instrumentId", instrument, "sellerId", seller.toString(), "buyerId", buyer.toString(),
                        "quantity", 10, "price", 50, "platformReference", "P-1"))
                .pathValue("instrumentId", instrument)
                .pathValue("participantId", seller)
                .pathValue("platform", "p1")
                .pathValue("day", "2027-01-06")
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
