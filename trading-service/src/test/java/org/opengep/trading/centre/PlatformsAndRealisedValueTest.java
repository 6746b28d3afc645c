package org.opengep.trading.centre;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.opengep.testsupport.ApiRequests.number;
import static org.opengep.trading.centre.Centre.at;
import static org.opengep.trading.centre.Centre.close;
import static org.opengep.trading.centre.Centre.deposit;
import static org.opengep.trading.centre.Centre.list;
import static org.opengep.trading.centre.Centre.posted;
import static org.opengep.trading.centre.Centre.take;
import static org.opengep.trading.centre.Centre.vintage;
import static org.opengep.trading.centre.Centre.wednesday;
import static org.opengep.trading.rest.TradingFixtures.REGISTRY;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.operator;
import static org.opengep.trading.rest.TradingFixtures.reconciliationIsClean;
import static org.opengep.trading.rest.TradingFixtures.sync;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.ApiRequests;
import org.opengep.trading.client.RegistryStubResource;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.service.MarketClock;

/** Platforms' reported trades, transfers without a price, the value realised (primary apart from resales), and the large-holder report. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class PlatformsAndRealisedValueTest {

    @Inject
    MarketClock clock;

    @AfterEach
    void realTime() {
        clock.use(Clock.systemUTC());
    }

    private static Response report(String platform, Map<String, Object> trade) {
        return ApiRequests.asUser(platform, Roles.Trading.PLATFORM).header("Idempotency-Key", UUID.randomUUID().toString()).body(trade)
                .post("/api/v1/platform-trades");
    }

    @Test
    void firstSalesOutOfTheIssueeArePrimaryResalesAndTransfersAreNot() {
        LocalDate day = wednesday(6);
        at(clock, day.atTime(10, 0));
        int v = vintage();
        // a county of its own: 331110 to 331169, never 331181, where the other tests issue (their sales would count here)
        String region = "3311" + (10 + v % 60);
        int instrument = list(v, "52.00", Map.of("largeHolderThreshold", 500));
        UUID a = UUID.randomUUID();
        REGISTRY.issue(a, UUID.randomUUID(), region, "FOREST_CARBON_SINK", v, 1, 1000, null);
        sync();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        deposit(b, "20000.00").then().statusCode(201);
        deposit(c, "20000.00").then().statusCode(201);

        take(b, posted(a, instrument, "SELL", "52.00", 100), null).then().statusCode(201);
        take(c, posted(b, instrument, "SELL", "52.00", 50), null).then().statusCode(201);
        // a transfer between holders claims no price and counts for nothing
        trader(a).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("sellerId", a.toString(), "buyerId", d.toString(),
                "rightType", "FOREST_CARBON_SINK", "vintage", v, "quantity", 200)).post("/api/v1/trades").then().statusCode(201);
        trader(a).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("sellerId", a.toString(), "buyerId", d.toString(),
                "rightType", "FOREST_CARBON_SINK", "vintage", v, "quantity", 1, "price", 50)).post("/api/v1/trades").then().statusCode(400);

        operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("participantId", a.toString())).post("/api/v1/platforms/p1/members")
                .then().statusCode(200).body("platform", equalTo("p1"));
        operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("participantId", d.toString())).post("/api/v1/platforms/p1/members")
                .then().statusCode(200);
        Map<String, Object> matched = Map.of("instrumentId", instrument, "sellerId", a.toString(), "buyerId", d.toString(), "quantity", 10,
                "price", new BigDecimal("55.00"), "platformReference", "P1-" + v);
        report("p1", matched).then().statusCode(201).body("mode", equalTo("PLATFORM")).body("platform", equalTo("p1")).body("sellerFee", number("0.00"));
        // the statement lists the platform's trade apart: its units moved here, its cash on the platform
        trader(d).get("/api/v1/participants/" + d + "/statements/" + day).then().statusCode(200).body("bought", number("0.00"))
                .body("boughtOnPlatforms", number("550.00")).body("units[0].bought", equalTo(10));
        report("p1", matched).then().statusCode(409).body("type", endsWith("/platform-reference-used"));
        report("p2", matched).then().statusCode(403).body("type", endsWith("/not-a-member"));
        report("p1", Map.of("instrumentId", instrument, "sellerId", a.toString(), "buyerId", c.toString(), "quantity", 10, "price", 55,
                "platformReference", "P1-other-" + v)).then().statusCode(403);

        auditor().queryParam("year", day.getYear()).queryParam("region", region).get("/api/v1/realised-value").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].primaryQuantity", equalTo(110)).body("[0].primaryValue", number("5750.00"))
                .body("[0].resaleQuantity", equalTo(50)).body("[0].resaleValue", number("2600.00"));
        auditor().get("/api/v1/instruments/" + instrument + "/large-holders").then().statusCode(200).body("threshold", equalTo(500))
                .body("holders", hasSize(1)).body("holders[0].holderId", equalTo(a.toString())).body("holders[0].quantity", equalTo(690));
        // the platform's fill is not a listed one: the close is the VWAP of the two listed fills
        close(clock, day).then().statusCode(200);
        auditor().get("/api/v1/instruments/" + instrument).then().body("basePrice", number("52.00"));
        reconciliationIsClean();
    }

    @Test
    void aMemberIsAHolderTheRegistryKnowsAndAListingIsOfAYear() {
        UUID stranger = UUID.randomUUID();
        REGISTRY.status(stranger, "UNKNOWN");
        operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("participantId", stranger.toString()))
                .post("/api/v1/platforms/p1/members").then().statusCode(409).body("type", endsWith("/holder-not-active"));
        operator().get("/api/v1/platforms/p1/members").then().statusCode(200).body("participantId", not(hasItem(stranger.toString())));
        for (int vintage : new int[] {-1, 0, 10_000}) {
            operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("rightType", "FOREST_CARBON_SINK", "vintage", vintage))
                    .post("/api/v1/instruments").then().statusCode(400).body("errors[0].field", equalTo("vintage"));
        }
    }
}
