package org.opengep.trading.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opengep.testsupport.ApiRequests.number;
import static org.opengep.trading.centre.Centre.at;
import static org.opengep.trading.centre.Centre.auction;
import static org.opengep.trading.centre.Centre.available;
import static org.opengep.trading.centre.Centre.close;
import static org.opengep.trading.centre.Centre.frozen;
import static org.opengep.trading.centre.Centre.list;
import static org.opengep.trading.centre.Centre.participant;
import static org.opengep.trading.centre.Centre.units;
import static org.opengep.trading.centre.Centre.vintage;
import static org.opengep.trading.centre.Centre.wednesday;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.operator;
import static org.opengep.trading.rest.TradingFixtures.reconciliationIsClean;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;
import org.opengep.trading.service.MarketClock;

/** Block agreements and one-way auctions through the API. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class DealsTest {

    @Inject
    MarketClock clock;

    @AfterEach
    void realTime() {
        clock.use(Clock.systemUTC());
    }

    private static Response propose(UUID from, int instrument, UUID to, String side, String price, long quantity) {
        return trader(from).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("instrumentId", instrument, "counterpartyId", to.toString(),
                "side", side, "price", new BigDecimal(price), "quantity", quantity)).post("/api/v1/block-trades");
    }

    private static Response act(UUID who, String path) {
        return trader(who).header("Idempotency-Key", UUID.randomUUID().toString()).post(path);
    }

    @Test
    void aBlockAgreementIsFrozenAndFilledWhenTheCounterpartyConfirms() {
        LocalDate day = wednesday(3);
        at(clock, day.atTime(14, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of("blockThreshold", 1000));
        UUID a = participant(v, 5000, null);
        UUID b = participant(v, 0, "100000.00");
        UUID c = participant(v, 0, "100000.00");

        propose(a, instrument, b, "SELL", "64.00", 999).then().statusCode(422).body("type", endsWith("/below-block-threshold"));
        propose(a, instrument, b, "SELL", "65.01", 1000).then().statusCode(422).body("type", endsWith("/outside-band"));
        propose(a, instrument, a, "SELL", "64.00", 1000).then().statusCode(400).body("errors[0].field", equalTo("counterpartyId"));
        String p = propose(a, instrument, b, "SELL", "64.00", 1000).then().statusCode(201).body("status", equalTo("PROPOSED")).extract().path("id");
        assertThat(units(a, v, "pending")).isEqualByComparingTo("0");
        trader(c).get("/api/v1/block-trades/" + p).then().statusCode(403);
        act(c, "/api/v1/block-trades/" + p + "/confirmation").then().statusCode(409).body("type", endsWith("/not-the-counterparty"));
        act(b, "/api/v1/block-trades/" + p + "/confirmation").then().statusCode(201).body("mode", equalTo("BLOCK")).body("amount", number("64000.00"))
                .body("buyerFee", number("320.00"));
        assertThat(available(b)).isEqualByComparingTo("35680.00");
        assertThat(available(a)).isEqualByComparingTo("63680.00");
        assertThat(units(b, v, "available")).isEqualByComparingTo("1000");
        act(b, "/api/v1/block-trades/" + p + "/confirmation").then().statusCode(409).body("type", endsWith("/proposal-ended"));

        String declined = propose(a, instrument, c, "SELL", "60.00", 1000).then().statusCode(201).extract().path("id");
        act(a, "/api/v1/block-trades/" + declined + "/decline").then().statusCode(409).body("type", endsWith("/not-the-counterparty"));
        act(c, "/api/v1/block-trades/" + declined + "/decline").then().statusCode(200).body("status", equalTo("DECLINED"));
        String tooMuch = propose(c, instrument, a, "BUY", "60.00", 2000).then().statusCode(201).extract().path("id");
        act(a, "/api/v1/block-trades/" + tooMuch + "/confirmation").then().statusCode(409).body("type", endsWith("/insufficient-cash"));
        String left = propose(a, instrument, c, "SELL", "60.00", 1000).then().statusCode(201).extract().path("id");
        close(clock, day).then().statusCode(200);
        trader(a).get("/api/v1/block-trades/" + left).then().body("status", equalTo("EXPIRED"));
        // block fills do not make the close: the base price is carried forward
        auditor().queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/instruments/" + instrument + "/market-data").then()
                .body("[0].close", nullValue()).body("[0].nextBasePrice", number("50.00")).body("[0].volume", equalTo(1000));
        reconciliationIsClean();
    }

    @Test
    void anAuctionOfASellersLotIsAllocatedByPriceThenTimeAtOneClearingPrice() {
        LocalDate day = wednesday(4);
        at(clock, day.atTime(10, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of("lot", 100));
        UUID seller = participant(v, 1000, null);
        UUID x = participant(v, 0, "100000.00");
        UUID y = participant(v, 0, "100000.00");
        UUID z = participant(v, 0, "100000.00");
        OffsetDateTime now = clock.now();
        String auction = auction(instrument, Map.of("side", "SELL", "principalId", seller.toString(), "quantity", 1000, "reservePrice", 50,
                "minBidQuantity", 100, "maxPerBidder", 500, "pricing", "UNIFORM"), now, now.plusHours(1));
        assertThat(units(seller, v, "pending")).isEqualByComparingTo("1000");
        String bids = "/api/v1/auctions/" + auction + "/bids";
        bid(x, bids, "51.00", 400).then().statusCode(201).body("frozenCash", number("20502.00"));
        bid(y, bids, "53.00", 300).then().statusCode(201);
        bid(z, bids, "51.00", 500).then().statusCode(201);
        bid(y, bids, "52.00", 400).then().statusCode(409).body("type", endsWith("/bidder-cap"));
        bid(y, bids, "52.00", 200).then().statusCode(201);
        bid(x, bids, "49.99", 100).then().statusCode(422).body("type", endsWith("/reserve-not-met"));
        bid(x, bids, "51.00", 50).then().statusCode(400);
        bid(seller, bids, "60.00", 100).then().statusCode(409).body("type", endsWith("/self-trade"));
        trader(x).get("/api/v1/auctions/" + auction).then().body("bids", equalTo(4)).body("results", hasSize(1));
        allocate(auction).then().statusCode(409).body("type", endsWith("/auction-not-ended"));

        at(clock, day.atTime(11, 1));
        bid(x, bids, "60.00", 100).then().statusCode(409).body("type", endsWith("/auction-not-running"));
        allocate(auction).then().statusCode(200).body("status", equalTo("ALLOCATED")).body("clearingPrice", number("51.00"))
                .body("allocated", equalTo(1000)).body("results", hasSize(4));
        // y: 300 at 53 and 200 at 52 (its cap); x 400 (earlier at 51); z the last 100; all at 51.00
        assertThat(units(y, v, "available")).isEqualByComparingTo("500");
        assertThat(units(x, v, "available")).isEqualByComparingTo("400");
        assertThat(units(z, v, "available")).isEqualByComparingTo("100");
        assertThat(available(y)).isEqualByComparingTo("74372.50");
        assertThat(available(x)).isEqualByComparingTo("79498.00");
        assertThat(available(z)).isEqualByComparingTo("94874.50");
        assertThat(frozen(z)).isEqualByComparingTo("0");
        assertThat(available(seller)).isEqualByComparingTo("50745.00");
        assertThat(units(seller, v, "pending")).isEqualByComparingTo("0");
        allocate(auction).then().statusCode(409).body("type", endsWith("/auction-ended"));
        reconciliationIsClean();
    }

    @Test
    void anAuctionOfABuyersDemandTakesTheLowestOffersEachAtItsPrice() {
        LocalDate day = wednesday(5);
        at(clock, day.atTime(10, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of());
        UUID buyer = participant(v, 0, "100000.00");
        UUID s2 = participant(v, 500, null);
        UUID s3 = participant(v, 500, null);
        OffsetDateTime now = clock.now();
        String auction = auction(instrument, Map.of("side", "BUY", "principalId", buyer.toString(), "quantity", 300, "reservePrice", 55,
                "minBidQuantity", 100, "maxPerBidder", 300, "pricing", "PAY_AS_BID"), now, now.plusMinutes(30));
        assertThat(frozen(buyer)).isGreaterThanOrEqualTo(new BigDecimal("16582.50"));
        String bids = "/api/v1/auctions/" + auction + "/bids";
        bid(s2, bids, "54.00", 200).then().statusCode(201);
        bid(s3, bids, "50.00", 100).then().statusCode(201);
        bid(s3, bids, "55.01", 100).then().statusCode(422).body("type", endsWith("/reserve-not-met"));
        bid(s3, bids, "53.00", 200).then().statusCode(201);
        assertThat(units(s3, v, "pending")).isEqualByComparingTo("300");
        at(clock, day.atTime(10, 40));
        allocate(auction).then().statusCode(200).body("clearingPrice", nullValue()).body("allocated", equalTo(300));
        // s3 100 at 50.00 and 200 at 53.00; s2's offer at 54.00 loses and its units come back
        assertThat(units(buyer, v, "available")).isEqualByComparingTo("300");
        assertThat(available(buyer)).isEqualByComparingTo(new BigDecimal("100000.00").subtract(new BigDecimal("15678.00")));
        assertThat(frozen(buyer)).isEqualByComparingTo("0");
        assertThat(units(s2, v, "available")).isEqualByComparingTo("500");
        assertThat(units(s3, v, "available")).isEqualByComparingTo("200");
        assertThat(available(s3)).isEqualByComparingTo("15522.00");
        reconciliationIsClean();
    }

    private static Response bid(UUID who, String path, String price, long quantity) {
        return trader(who).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("price", new BigDecimal(price), "quantity", quantity)).post(path);
    }

    private static Response allocate(String auction) {
        return operator().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/auctions/" + auction + "/allocation");
    }
}
