package org.opengep.trading.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.trading.rest.TradingFixtures.REGISTRY;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.post;
import static org.opengep.trading.rest.TradingFixtures.reconciliationIsClean;
import static org.opengep.trading.rest.TradingFixtures.sync;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;

/**
 * The three kinds of water right are different rights: each has its own balance, a trade moves one kind only, and a
 * withdrawal permit's quota is also told apart by the permit's end.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class WaterRightTest {

    private static Map<String, Object> water(UUID seller, UUID buyer, String kind, String permitEnd, long quantity) {
        Map<String, Object> t = new HashMap<>(Map.of("sellerId", seller.toString(), "buyerId", buyer.toString(), "rightType", "WATER_RIGHT",
                "vintage", 2025, "quantity", quantity, "waterRightKind", kind));
        if (permitEnd != null) {
            t.put("permitValidUntil", permitEnd);
        }
        return t;
    }

    private static List<Map<String, Object>> balances(UUID holder) {
        return auditor().get("/api/v1/accounts/" + holder + "/balances").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Object available(UUID holder, String kind, String permitEnd) {
        return balances(holder).stream().filter(b -> kind.equals(b.get("waterRightKind")) && java.util.Objects.equals(permitEnd, b.get("permitValidUntil")))
                .map(b -> b.get("available")).findFirst().orElse(0);
    }

    @Test
    void eachKindTradesFromItsOwnBalance() {
        UUID county = UUID.randomUUID();
        REGISTRY.issueWater(county, "REGIONAL", 2025, 500_000, null);
        REGISTRY.issueWater(county, "WITHDRAWAL_PERMIT", 2025, 80_000, "2030-12-31");
        REGISTRY.issueWater(county, "WITHDRAWAL_PERMIT", 2025, 20_000, "2028-06-30");
        REGISTRY.issueWater(county, "IRRIGATION", 2025, 3_000, null);
        sync();
        assertThat(balances(county)).hasSize(4);
        UUID buyer = UUID.randomUUID();
        post(county, water(county, buyer, "REGIONAL", null, 100_000)).then().statusCode(201).body("waterRightKind", equalTo("REGIONAL"));
        post(county, water(county, buyer, "WITHDRAWAL_PERMIT", "2030-12-31", 30_000)).then().statusCode(201)
                .body("permitValidUntil", equalTo("2030-12-31")).body("serials[0]", endsWith("-2025-50001-80000"));
        post(county, water(county, buyer, "IRRIGATION", null, 3_000)).then().statusCode(201);
        assertThat(available(county, "REGIONAL", null)).isEqualTo(400_000);
        assertThat(available(county, "WITHDRAWAL_PERMIT", "2030-12-31")).isEqualTo(50_000);
        assertThat(available(county, "WITHDRAWAL_PERMIT", "2028-06-30")).isEqualTo(20_000);
        assertThat(available(county, "IRRIGATION", null)).isEqualTo(0);
        assertThat(available(buyer, "REGIONAL", null)).isEqualTo(100_000);
        assertThat(available(buyer, "WITHDRAWAL_PERMIT", "2030-12-31")).isEqualTo(30_000);
        assertThat(available(buyer, "IRRIGATION", null)).isEqualTo(3_000);
        // the county has 470 000 m³ of other kinds, but no irrigation water left, and no quota of a permit ending in 2029
        post(county, water(county, buyer, "IRRIGATION", null, 1)).then().statusCode(409).body("type", equalTo("https://opengep.org/problems/insufficient-balance"));
        post(county, water(county, buyer, "WITHDRAWAL_PERMIT", "2029-12-31", 1)).then().statusCode(409);
        reconciliationIsClean();
    }

    @Test
    void aWaterRightNamesItsKindAndAPermitItsEnd() {
        UUID seller = UUID.randomUUID();
        Map<String, Object> noKind = water(seller, UUID.randomUUID(), "REGIONAL", null, 1);
        noKind.remove("waterRightKind");
        post(seller, noKind).then().statusCode(400).body("errors[0].field", equalTo("waterRightKind"));
        post(seller, water(seller, UUID.randomUUID(), "WITHDRAWAL_PERMIT", null, 1)).then().statusCode(400)
                .body("errors[0].field", equalTo("permitValidUntil"));
        post(seller, water(seller, UUID.randomUUID(), "IRRIGATION", "2030-12-31", 1)).then().statusCode(400)
                .body("errors[0].field", equalTo("permitValidUntil"));
        Map<String, Object> carbon = water(seller, UUID.randomUUID(), "REGIONAL", null, 1);
        carbon.put("rightType", "CCER");
        post(seller, carbon).then().statusCode(400).body("errors[0].field", equalTo("waterRightKind"));
    }
}
