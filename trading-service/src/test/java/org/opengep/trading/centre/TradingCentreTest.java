package org.opengep.trading.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opengep.testsupport.ApiRequests.number;
import static org.opengep.trading.centre.Centre.at;
import static org.opengep.trading.centre.Centre.available;
import static org.opengep.trading.centre.Centre.close;
import static org.opengep.trading.centre.Centre.frozen;
import static org.opengep.trading.centre.Centre.list;
import static org.opengep.trading.centre.Centre.participant;
import static org.opengep.trading.centre.Centre.post;
import static org.opengep.trading.centre.Centre.posted;
import static org.opengep.trading.centre.Centre.take;
import static org.opengep.trading.centre.Centre.units;
import static org.opengep.trading.centre.Centre.vintage;
import static org.opengep.trading.centre.Centre.wednesday;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.operator;
import static org.opengep.trading.rest.TradingFixtures.reconciliationIsClean;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;
import org.opengep.trading.rest.BehindTheService;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.service.MarketClock;

/** The session cycle of listed post-and-take through the API: post, take both ways, the book, the close, market data, statements. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class TradingCentreTest {

    @Inject
    MarketClock clock;

    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void aSessionOfPostsAndTakesDeliversAgainstPaymentAndClosesIntoTheNextBasePrice() {
        LocalDate day = wednesday(0);
        at(clock, day.atTime(10, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of());
        UUID a = participant(v, 1000, null);
        UUID b = participant(v, 0, "100000.00");
        BigDecimal fees = available(CashBook.FEE_ACCOUNT);

        String sell = posted(a, instrument, "SELL", "50.00", 300);
        assertThat(units(a, v, "available")).isEqualByComparingTo("700");
        assertThat(units(a, v, "pending")).isEqualByComparingTo("300");
        String buy = posted(b, instrument, "BUY", "49.00", 200);
        assertThat(frozen(b)).isEqualByComparingTo("9849.00");
        auditor().get("/api/v1/instruments/" + instrument + "/book").then().statusCode(200)
                .body("bids[0].price", number("49.00")).body("bids[0].quantity", equalTo(200)).body("asks[0].price", number("50.00"))
                .body("asks[0].quantity", equalTo(300)).body("asks[0].firstOrderId", equalTo(sell)).body("bids[0].firstOrderId", equalTo(buy))
                .body("difference", equalTo(-100)).body("ratioPercent", number("-20.00"))
                .body("listedBand.low", number("45.00")).body("listedBand.high", number("55.00"));

        take(b, sell, 100L).then().statusCode(201).body("mode", equalTo("LISTED")).body("sellerId", equalTo(a.toString()))
                .body("amount", number("5000.00")).body("sellerFee", number("25.00")).body("buyerFee", number("25.00")).body("status", equalTo("SETTLED"));
        assertThat(available(b)).isEqualByComparingTo("85126.00");
        assertThat(available(a)).isEqualByComparingTo("4975.00");
        take(a, buy, null).then().statusCode(201).body("sellerId", equalTo(a.toString())).body("amount", number("9800.00"));
        assertThat(frozen(b)).isEqualByComparingTo("0.00");
        assertThat(available(a)).isEqualByComparingTo("14726.00");
        assertThat(units(b, v, "available")).isEqualByComparingTo("300");
        trader(b).get("/api/v1/orders/" + buy).then().statusCode(200).body("status", equalTo("FILLED")).body("fees", number("49.00"));
        auditor().queryParam("instrumentId", instrument).queryParam("day", day.toString()).get("/api/v1/fills").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].price", number("50.00")).body("[1].price", number("49.00"));
        reconciliationIsClean();

        close(clock, day).then().statusCode(200);
        close(clock, day).then().statusCode(409).body("type", endsWith("/day-closed"));
        trader(a).get("/api/v1/orders/" + sell).then().body("status", equalTo("CLOSED")).body("remaining", equalTo(200));
        assertThat(units(a, v, "available")).isEqualByComparingTo("700");
        assertThat(units(a, v, "pending")).isEqualByComparingTo("0");
        auditor().get("/api/v1/instruments/" + instrument).then().body("basePrice", number("49.33")).body("basePriceFrom", equalTo(day.plusDays(1).toString()));
        auditor().queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/instruments/" + instrument + "/market-data").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].open", number("50.00")).body("[0].high", number("50.00")).body("[0].low", number("49.00"))
                .body("[0].last", number("49.00")).body("[0].volume", equalTo(300)).body("[0].amount", number("14800.00")).body("[0].vwap", number("49.33"))
                .body("[0].fills", equalTo(2)).body("[0].close", number("49.33")).body("[0].nextBasePrice", number("49.33"))
                .body("[0].nextListedBand.low", number("44.40")).body("[0].nextListedBand.high", number("54.26"));

        trader(b).get("/api/v1/participants/" + b + "/statements/" + day).then().statusCode(200).body("openingCash", number("0.00"))
                .body("deposits", number("100000.00")).body("bought", number("14800.00")).body("fees", number("74.00"))
                .body("closingCash", number("85126.00")).body("units[0].bought", equalTo(300)).body("units[0].closing", equalTo(300))
                .body("fills", hasSize(2));
        String csv = trader(b).accept("text/csv").get("/api/v1/participants/" + b + "/statements/" + day).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).contains("cash,closingCash,85126.00").contains(",LISTED,BUY,100,50.00,5000.00,25.00,SETTLED,");
        trader(a).get("/api/v1/participants/" + b + "/statements/" + day).then().statusCode(403);
        reconciliationIsClean();
        assertThat(available(CashBook.FEE_ACCOUNT).subtract(fees)).isEqualByComparingTo("148.00");

        // listed after the close, with sessions still running: nothing trades on the closed day, whose close is made
        at(clock, day.atTime(16, 0));
        int late = list(vintage(), "50.00", Map.of("sessions", "09:30-11:30,13:00-23:00"));
        post(a, late, "SELL", "50.00", 10).then().statusCode(409).body("type", endsWith("/day-closed")).body("detail", containsString(
                day.plusDays(1).toString()));
    }

    @Test
    void ordersThatBreakARuleAreRefusedWithTheirOwnProblemAndNothingFrozen() {
        LocalDate day = wednesday(1);
        at(clock, day.atTime(10, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of("holdingPeriodDays", 5));
        int limited = list(vintage(), "50.00", Map.of("positionLimit", 500));
        UUID a = participant(v, 1000, null);
        UUID b = participant(v, 0, "1000.00");

        post(b, instrument, "BUY", "55.01", 10).then().statusCode(422).body("type", endsWith("/outside-band")).body("detail", containsString("45.00 to 55.00"));
        post(b, instrument, "BUY", "50.00", 100).then().statusCode(409).body("type", endsWith("/insufficient-cash"));
        post(a, instrument, "SELL", "50.00", 2000).then().statusCode(409).body("type", endsWith("/insufficient-balance"));
        post(a, instrument, "SELL", "50.001", 10).then().statusCode(400).body("errors[0].field", equalTo("price"));
        assertThat(frozen(b)).isEqualByComparingTo("0");
        assertThat(units(a, v, "pending")).isEqualByComparingTo("0");

        operator().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/instruments/" + instrument + "/suspension").then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        post(a, instrument, "SELL", "50.00", 10).then().statusCode(409).body("type", endsWith("/instrument-suspended"));
        operator().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/instruments/" + instrument + "/resumption").then().statusCode(200);
        at(clock, day.atTime(12, 0));
        post(a, instrument, "SELL", "50.00", 10).then().statusCode(409).body("type", endsWith("/outside-session"));
        at(clock, day.atTime(13, 30));

        String key = UUID.randomUUID().toString();
        Map<String, Object> order = Map.of("instrumentId", instrument, "side", "SELL", "price", new BigDecimal("50.00"), "quantity", 10);
        String first = trader(a).header("Idempotency-Key", key).body(order).post("/api/v1/orders").then().statusCode(201).extract().path("id");
        trader(a).header("Idempotency-Key", key).body(order).post("/api/v1/orders").then().statusCode(201).body("id", equalTo(first));
        assertThat(units(a, v, "pending")).isEqualByComparingTo("10");
        take(a, first, null).then().statusCode(409).body("type", endsWith("/self-trade"));
        String better = posted(a, instrument, "SELL", "49.50", 10);
        take(b, first, null).then().statusCode(409).body("type", endsWith("/not-best-order")).body("detail", containsString(better));
        take(b, better, 11L).then().statusCode(409).body("type", endsWith("/beyond-order"));
        take(b, better, 5L).then().statusCode(201);
        // b bought today: it may sell again only five trading days later
        post(b, instrument, "SELL", "50.00", 5).then().statusCode(409).body("type", endsWith("/holding-period"));
        trader(a).header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders/" + first + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        trader(b).header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders/" + better + "/cancellation").then().statusCode(403);

        operator().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/market-days/" + day + "/close").then().statusCode(409)
                .body("type", endsWith("/sessions-not-ended"));
        UUID rich = participant(v, 0, "100000.00");
        post(rich, limited, "BUY", "50.00", 501).then().statusCode(409).body("type", endsWith("/position-limit"));
        posted(rich, limited, "BUY", "50.00", 300);
        post(rich, limited, "BUY", "50.00", 201).then().statusCode(409).body("type", endsWith("/position-limit"));
        reconciliationIsClean();
    }

    @Test
    void aNewInstrumentsFirstBasePriceComesFromItsFirstSellerAndAppliesTheNextTradingDay() {
        LocalDate day = wednesday(2);
        at(clock, day.atTime(10, 0));
        int v = vintage();
        int instrument = list(v, null, Map.of("settlement", "END_OF_DAY"));
        UUID a = participant(v, 1000, null);
        UUID b = participant(v, 0, "10000.00");
        post(a, instrument, "SELL", "52.00", 100).then().statusCode(409).body("type", endsWith("/no-base-price"));
        trader(b).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("price", 52)).post("/api/v1/instruments/" + instrument + "/base-price")
                .then().statusCode(409).body("type", endsWith("/not-a-seller"));
        trader(a).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("price", new BigDecimal("52.00")))
                .post("/api/v1/instruments/" + instrument + "/base-price").then().statusCode(200).body("basePrice", number("52.00"))
                .body("basePriceFrom", equalTo(day.plusDays(1).toString())).body("listedBandToday", nullValue());
        post(a, instrument, "SELL", "52.00", 100).then().statusCode(409).body("detail", containsString("applies from " + day.plusDays(1)));
        close(clock, day).then().statusCode(200);

        // the next day: a fill of an END_OF_DAY instrument waits for the close, units pending and cash frozen
        at(clock, day.plusDays(1).atTime(10, 0));
        String sell = posted(a, instrument, "SELL", "52.00", 100);
        String fill = take(b, sell, null).then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
        assertThat(units(b, v, "available")).isEqualByComparingTo("0");
        assertThat(units(a, v, "pending")).isEqualByComparingTo("100");
        assertThat(frozen(b)).isEqualByComparingTo("5226.00");
        reconciliationIsClean();
        close(clock, day.plusDays(1)).then().statusCode(200);
        assertThat(units(b, v, "available")).isEqualByComparingTo("100");
        assertThat(frozen(b)).isEqualByComparingTo("0");
        assertThat(available(a)).isEqualByComparingTo("5174.00");
        auditor().queryParam("day", day.plusDays(1).toString()).queryParam("instrumentId", instrument).get("/api/v1/fills").then()
                .body("[0].id", equalTo(fill)).body("[0].status", equalTo("SETTLED"));
        reconciliationIsClean();
    }

    @Test
    void theReconciliationFindsCashDriftAndTheVerificationAnEditedCashLine() throws Exception {
        LocalDate day = wednesday(7);
        at(clock, day.atTime(10, 0));
        int v = vintage();
        int instrument = list(v, "50.00", Map.of());
        UUID a = participant(v, 100, null);
        UUID b = participant(v, 0, "1000.00");
        String sell = posted(a, instrument, "SELL", "50.00", 10);
        reconciliationIsClean();
        new BehindTheService(dataSource).whileChanged("update cash_account set available = available + 1 where participant_id = '" + b + "'",
                "update cash_account set available = available - 1 where participant_id = '" + b + "'", () -> {
                    var drift = auditor().get("/api/v1/reconciliation").then().statusCode(200).body("clean", equalTo(false)).extract().jsonPath()
                            .getList("drift", String.class);
                    assertThat(drift).anyMatch(d -> d.startsWith("cash: deposits")).anyMatch(d -> d.startsWith("cash of " + b + ": the account holds"));
                });
        new BehindTheService(dataSource).whileChanged("update market_order set status = 'CANCELLED' where id = '" + sell + "'",
                "update market_order set status = 'OPEN' where id = '" + sell + "'", () -> assertThat(auditor().get("/api/v1/reconciliation").then()
                        .extract().jsonPath().getList("drift", String.class)).anyMatch(d -> d.contains(sell) && d.contains("CANCELLED")));
        new BehindTheService(dataSource).whileChanged("update cash_entry set fen = fen + 1 where participant_id = '" + b + "' and chain_seq = 1",
                "update cash_entry set fen = fen - 1 where participant_id = '" + b + "' and chain_seq = 1", () -> auditor()
                        .get("/api/v1/journal/verification").then().body("intact", equalTo(false)).body("firstBrokenCash.holderId", equalTo(b.toString())));
        reconciliationIsClean();
    }
}
