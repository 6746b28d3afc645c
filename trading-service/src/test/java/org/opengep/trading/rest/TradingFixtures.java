package org.opengep.trading.rest;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.opengep.common.security.HolderClaim;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.ApiRequests;
import org.opengep.trading.client.RegistryStub;

/** Tokens for each trading role, holders with imported units, and trades. */
public final class TradingFixtures {

    public static final RegistryStub REGISTRY = RegistryStub.instance();

    private TradingFixtures() {}

    public static RequestSpecification trader(UUID holderId) {
        return ApiRequests.asUser("trader-" + holderId, Map.of(HolderClaim.NAME, holderId.toString()), Roles.Trading.TRADER);
    }

    public static RequestSpecification operator() {
        return ApiRequests.asUser("operator", Roles.Trading.OPERATOR);
    }

    public static RequestSpecification auditor() {
        return ApiRequests.asUser("auditor", Roles.Trading.AUDITOR);
    }

    public static void sync() {
        operator().post("/api/v1/feed/sync").then().statusCode(200);
    }

    /** A new holder with {@code units} of FOREST_CARBON_SINK 2024 in the ledger; returns the holder id. */
    public static UUID holderWith(long units) {
        UUID holder = UUID.randomUUID();
        if (units > 0) {
            REGISTRY.issue(holder, "FOREST_CARBON_SINK", 2024, units);
            sync();
        }
        return holder;
    }

    public static Map<String, Object> trade(UUID seller, UUID buyer, long quantity) {
        return new HashMap<>(Map.of("sellerId", seller.toString(), "buyerId", buyer.toString(), "rightType", "FOREST_CARBON_SINK",
                "vintage", 2024, "quantity", quantity));
    }

    public static Response post(UUID seller, Map<String, Object> trade) {
        return trader(seller).header("Idempotency-Key", UUID.randomUUID().toString()).body(trade).post("/api/v1/trades");
    }

    public static BigDecimal available(UUID holder) {
        var balances = auditor().get("/api/v1/accounts/" + holder + "/balances").then().statusCode(200).extract().jsonPath();
        Object value = balances.get("find { it.rightType == 'FOREST_CARBON_SINK' && it.vintage == 2024 }.available");
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    public static void reconciliationIsClean() {
        auditor().get("/api/v1/reconciliation").then().statusCode(200).body("clean", equalTo(true));
        auditor().get("/api/v1/journal/verification").then().statusCode(200).body("intact", equalTo(true));
    }
}
