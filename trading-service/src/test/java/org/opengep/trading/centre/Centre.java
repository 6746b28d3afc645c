package org.opengep.trading.centre;

import static org.opengep.trading.rest.TradingFixtures.REGISTRY;
import static org.opengep.trading.rest.TradingFixtures.operator;
import static org.opengep.trading.rest.TradingFixtures.sync;
import static org.opengep.trading.rest.TradingFixtures.trader;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.opengep.trading.service.MarketClock;

/** Fixtures of the trading centre's tests: the market's clock, listings, participants with units and cash, orders and takes. */
final class Centre {

    static final ZoneId MARKET = ZoneId.of("Asia/Shanghai");
    /** Each test lists instruments of vintages of its own, so that tests never share a book. */
    private static final AtomicInteger VINTAGES = new AtomicInteger(2100 + (int) (System.nanoTime() % 500));

    private Centre() {}

    /** The n-th Wednesday from 2027-01-06: each test trades on days of its own (a day is closed once). */
    static LocalDate wednesday(int n) {
        return LocalDate.of(2027, 1, 6).plusWeeks(n);
    }

    /** Makes the market's clock show {@code marketTime} now (and run on from there). */
    static void at(MarketClock clock, LocalDateTime marketTime) {
        clock.use(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), marketTime.atZone(MARKET).toInstant())));
    }

    static int vintage() {
        return VINTAGES.incrementAndGet();
    }

    /** Lists FOREST_CARBON_SINK of the vintage with an opening base price and the given rules; returns its instrument id. */
    static int list(int vintage, String basePrice, Map<String, Object> rules) {
        Map<String, Object> body = new HashMap<>(Map.of("rightType", "FOREST_CARBON_SINK", "vintage", vintage));
        if (basePrice != null) {
            body.put("openingBasePrice", new BigDecimal(basePrice));
        }
        body.putAll(rules);
        return operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/instruments").then().statusCode(201)
                .extract().path("instrumentId");
    }

    static UUID participant(int vintage, long units, String cash) {
        UUID holder = UUID.randomUUID();
        if (units > 0) {
            REGISTRY.issue(holder, "FOREST_CARBON_SINK", vintage, units);
            sync();
        }
        if (cash != null) {
            deposit(holder, cash).then().statusCode(201);
        }
        return holder;
    }

    static Response deposit(UUID holder, String amount) {
        return operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("amount", new BigDecimal(amount), "bankReference", "B-" + holder))
                .post("/api/v1/participants/" + holder + "/deposits");
    }

    static Response post(UUID holder, int instrument, String side, String price, long quantity) {
        return trader(holder).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("instrumentId", instrument, "side", side, "price", new BigDecimal(price), "quantity", quantity)).post("/api/v1/orders");
    }

    static String posted(UUID holder, int instrument, String side, String price, long quantity) {
        return post(holder, instrument, side, price, quantity).then().statusCode(201).extract().path("id");
    }

    static Response take(UUID holder, String order, Long quantity) {
        return trader(holder).header("Idempotency-Key", UUID.randomUUID().toString()).body(quantity == null ? Map.of() : Map.of("quantity", quantity))
                .post("/api/v1/orders/" + order + "/takes");
    }

    /** Opens an auction of the instrument with these terms (side, principal, quantity, prices, cap, pricing) from a minute ago until {@code ends}; its id. */
    static String auction(int instrument, Map<String, Object> terms, OffsetDateTime now, OffsetDateTime ends) {
        Map<String, Object> body = new HashMap<>(terms);
        body.putAll(Map.of("instrumentId", instrument, "startsAt", now.minusMinutes(1).toString(), "endsAt", ends.toString()));
        return operator().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/auctions").then().statusCode(201)
                .extract().path("id");
    }

    static JsonPath cash(UUID holder) {
        return operator().get("/api/v1/participants/" + holder + "/cash").then().statusCode(200).extract().jsonPath();
    }

    static BigDecimal available(UUID holder) {
        return new BigDecimal(cash(holder).getString("available"));
    }

    static BigDecimal frozen(UUID holder) {
        return new BigDecimal(cash(holder).getString("frozen"));
    }

    /** The holder's units of the vintage in one bucket (available, reserved, ...). */
    static BigDecimal units(UUID holder, int vintage, String bucket) {
        Object value = operator().get("/api/v1/accounts/" + holder + "/balances").then().statusCode(200).extract().jsonPath()
                .get("find { it.rightType == 'FOREST_CARBON_SINK' && it.vintage == " + vintage + " }." + bucket);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    /** Closes the day after its sessions (the clock is set to 15:30 of it). */
    static Response close(MarketClock clock, LocalDate day) {
        at(clock, day.atTime(15, 30));
        return operator().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/market-days/" + day + "/close");
    }
}
