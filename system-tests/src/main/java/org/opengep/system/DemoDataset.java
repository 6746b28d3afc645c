package org.opengep.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengep.testsupport.OpenApiContract;

/**
 * The demonstration dataset, loaded through the public APIs of the three services as their users would: a county's
 * GEP account computed and published; a forest carbon sink of that county declared, verified by a second person,
 * registered and valued from the official GEP; units issued and imported by the trading service; at the trading
 * centre a listed order taken (delivery versus payment) and an auction of a lot; a transfer between holders, a
 * two-phase transfer settled, and a retirement. {@code ./deploy/local/run.sh} loads it into a fresh system; the system
 * tests load it and check every figure it leads to.
 */
public final class DemoDataset {

    /**
     * 越城区, 绍兴市: the account is the computeAccount example of the committed OpenAPI document, for this year (in
     * China), so that this year's trades count towards its value-realisation rate.
     */
    public static final String REGION = "330602";
    public static final int YEAR = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
    public static final BigDecimal ISSUED = new BigDecimal("10000");
    public static final BigDecimal TRADED = new BigDecimal("2000");
    public static final BigDecimal SETTLED = new BigDecimal("500");
    public static final BigDecimal TRANSFERRED = new BigDecimal("200");
    public static final BigDecimal RETIRED = new BigDecimal("300");
    public static final BigDecimal PRICE = new BigDecimal("58.50");
    public static final BigDecimal AUCTIONED = new BigDecimal("1000");
    /** What the buyer bids for of the lot at 59.00; a second bidder bids for the rest at 58.50: all of it goes at one clearing price. */
    public static final BigDecimal BUYERS_LOT = new BigDecimal("600");
    public static final BigDecimal CLEARING = new BigDecimal("58.50");
    public static final BigDecimal CASH = new BigDecimal("1000000.00");
    /** The demonstration's instrument trades all day long, so that the demonstration works at any hour. */
    public static final String SESSIONS = "00:00-23:59";

    /** What the dataset created, for the checks and the printout that follow. */
    public record Loaded(String accountId, BigDecimal gep, String sellerId, String buyerId, String bidderId, String productId, BigDecimal productValue,
            String serialNumber, int instrumentId, String orderId, String fillId, String auctionId, String transferId, String twoPhaseTradeId,
            String retirementId) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;
    private final Tokens tokens;

    public DemoDataset(Platform platform, Tokens tokens) {
        this.platform = platform;
        this.tokens = tokens;
    }

    /** Whether the dataset is there already (a local run restarted on its kept data). */
    public boolean loaded() {
        return platform.accounting().get("/api/v1/regions/" + REGION + "/gep?year=" + YEAR, tokens.reader()).status() == 200;
    }

    public Loaded load() throws IOException {
        // accounting: compute and publish the county's account (maker and checker are different people)
        Http.Answer account = platform.accounting().post("/api/v1/gep-accounts", tokens.user("demo-accountant-chen", "gep-accountant"),
                accountExample(), null).expect(201);
        String accountId = account.body().path("id").asText();
        platform.accounting().post("/api/v1/gep-accounts/" + accountId + "/publication", tokens.user("demo-publisher-zhou", "gep-publisher"),
                Map.of("reason", "区政府常务会议审定（演示数据）"), null).expect(201);

        // registry: two holders, a forest carbon sink declared, verified by a second person, registered, valued, issued
        String registrar = tokens.user("demo-registrar-li", "registrar");
        String seller = holder(registrar, "越城区林业发展有限公司", "91330602123456789A");
        String buyer = holder(registrar, "绍兴绿能科技有限公司", "91330602987654321B");
        String bidder = holder(registrar, "浙江碳汇投资有限公司", "91330602555555555T");
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("name", "会稽山林场造林碳汇");
        draft.put("productType", "FOREST_CARBON_SINK");
        draft.put("regionCode", REGION);
        draft.put("ecosystemType", "FOREST");
        draft.put("quantity", new BigDecimal("12000"));
        draft.put("unit", "tCO2e");
        draft.put("vintage", YEAR);
        draft.put("holderId", seller);
        draft.put("evidence", List.of(Map.of("name", "碳汇计量监测报告.pdf", "mediaType", "application/pdf",
                "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
        String product = platform.registry().post("/api/v1/products", registrar, draft, null).expect(201).body().path("id").asText();
        move(registrar, product, "SUBMITTED");
        move(tokens.user("demo-verifier-wang", "verifier"), product, "VERIFIED");
        move(registrar, product, "REGISTERED");
        BigDecimal value = platform.registry().post("/api/v1/products/" + product + "/valuations", registrar, null, null)
                .expect(201).body().path("value").decimalValue();
        String serial = platform.registry().post("/api/v1/issuances", registrar,
                Map.of("productId", product, "rightType", "FOREST_CARBON_SINK", "quantity", ISSUED), key()).expect(201)
                .body().path("serialNumber").asText();

        // trading: the issuance is imported; at the trading centre the instrument is listed, the buyers deposit cash, the seller's
        // listed order is taken, and a lot of the seller's is auctioned; then a transfer, a two-phase transfer and a retirement
        String operator = tokens.user("demo-operator", "trading-operator");
        platform.trading().post("/api/v1/feed/sync", operator, null, null).expect(200);
        String sellerToken = tokens.trader(seller);
        String buyerToken = tokens.trader(buyer);
        int instrument = platform.trading().post("/api/v1/instruments", operator, Map.of("rightType", "FOREST_CARBON_SINK", "vintage", YEAR,
                "openingBasePrice", PRICE, "sessions", SESSIONS, "largeHolderThreshold", 1000), key()).expect(201).body().path("instrumentId").asInt();
        for (String participant : List.of(buyer, bidder)) {
            platform.trading().post("/api/v1/participants/" + participant + "/deposits", operator, Map.of("amount", CASH, "bankReference",
                    "DEMO-" + participant.substring(0, 8)), key()).expect(201);
        }
        String order = platform.trading().post("/api/v1/orders", sellerToken, Map.of("instrumentId", instrument, "side", "SELL", "price", PRICE,
                "quantity", TRADED), key()).expect(201).body().path("id").asText();
        String fill = platform.trading().post("/api/v1/orders/" + order + "/takes", buyerToken, Map.of(), key()).expect(201).body().path("id").asText();
        OffsetDateTime now = OffsetDateTime.now();
        String auction = platform.trading().post("/api/v1/auctions", operator, Map.of("instrumentId", instrument, "side", "SELL",
                "principalId", seller, "quantity", AUCTIONED, "reservePrice", new BigDecimal("58.00"), "minBidQuantity", 100, "maxPerBidder", 600,
                "pricing", "UNIFORM", "startsAt", now.minusMinutes(1).toString(), "endsAt", now.plusSeconds(3).toString()), key()).expect(201)
                .body().path("id").asText();
        platform.trading().post("/api/v1/auctions/" + auction + "/bids", buyerToken, Map.of("price", new BigDecimal("59.00"), "quantity", BUYERS_LOT),
                key()).expect(201);
        platform.trading().post("/api/v1/auctions/" + auction + "/bids", tokens.trader(bidder), Map.of("price", CLEARING, "quantity",
                AUCTIONED.subtract(BUYERS_LOT)), key()).expect(201);
        sleepUntil(now.plusSeconds(3));
        Http.Answer allocated = platform.trading().post("/api/v1/auctions/" + auction + "/allocation", operator, null, key());
        if (allocated.status() != 200 && !allocated.body().path("type").asText().endsWith("/auction-ended")) {
            allocated.expect(200); // else the service's own check allocated it first
        }
        String transfer = platform.trading().post("/api/v1/trades", sellerToken, trade(seller, buyer, TRANSFERRED, false), key()).expect(201)
                .body().path("id").asText();
        String twoPhase = platform.trading().post("/api/v1/trades", sellerToken, trade(seller, buyer, SETTLED, true), key()).expect(201)
                .body().path("id").asText();
        platform.trading().post("/api/v1/trades/" + twoPhase + "/settlement", buyerToken, Map.of(), key()).expect(200);
        String retirement = platform.trading().post("/api/v1/retirements", buyerToken, Map.of("holderId", buyer,
                "rightType", "FOREST_CARBON_SINK", "vintage", YEAR, "quantity", RETIRED, "purpose", "年度会议碳中和（演示数据）",
                "beneficiary", "绍兴绿能科技有限公司"), key()).expect(201).body().path("id").asText();
        return new Loaded(accountId, account.body().path("result").path("gep").decimalValue(), seller, buyer, bidder, product, value, serial,
                instrument, order, fill, auction, transfer, twoPhase, retirement);
    }

    /** The computeAccount example of the accounting service's committed OpenAPI document. */
    static JsonNode accountExample() throws IOException {
        JsonNode contract = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(OpenApiContract.committedDocument("gep-accounting-service")));
        ObjectNode example = (ObjectNode) contract.at("/paths/~1api~1v1~1gep-accounts/post/requestBody/content/application~1json/examples/county/value");
        return example.put("year", YEAR);
    }

    private String holder(String registrar, String name, String uscc) {
        return platform.registry().post("/api/v1/holders", registrar, Map.of("kind", "ORGANISATION", "name", name, "uscc", uscc), null)
                .expect(201).body().path("id").asText();
    }

    private void move(String token, String product, String to) {
        platform.registry().post("/api/v1/products/" + product + "/transitions", token, Map.of("to", to), null).expect(200);
    }

    private static void sleepUntil(OffsetDateTime when) {
        try {
            Thread.sleep(Math.max(0, Duration.between(OffsetDateTime.now(), when).toMillis() + 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A transfer between holders (no price: priced trades are the trading centre's). */
    static Map<String, Object> trade(String seller, String buyer, BigDecimal quantity, boolean twoPhase) {
        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("sellerId", seller);
        trade.put("buyerId", buyer);
        trade.put("rightType", "FOREST_CARBON_SINK");
        trade.put("vintage", YEAR);
        trade.put("quantity", quantity);
        trade.put("twoPhase", twoPhase);
        return trade;
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /**
     * Loads the dataset into a running system unless it is there:
     * {@code DemoDataset <accounting-url> <registry-url> <trading-url> <private-key.pem> <issuer>}.
     */
    public static void main(String[] args) throws IOException {
        Platform platform = new Platform(args[0], args[1], args[2]);
        Tokens tokens = Tokens.signedWith(args[3], args[4]);
        DemoDataset demo = new DemoDataset(platform, tokens);
        if (demo.loaded()) {
            System.out.println("Demonstration dataset: already loaded (" + REGION + ", " + YEAR + ")");
            return;
        }
        Loaded d = demo.load();
        DemoUses.UsesLoaded u = new DemoUses(platform, tokens).load(d);
        System.out.printf("""
                Demonstration dataset loaded:
                  GEP account %s of %s in %d, published: GEP %s 元
                  holders: seller %s, buyer %s
                  forest carbon sink %s, valued at %s 元; issued %s t as %s
                  trading centre: instrument %d listed at %s 元; order %s (%s t) taken, fill %s; auction %s of %s t at %s 元
                  transfers %s (%s t) and %s (two-phase, %s t, settled); retirement %s (%s t)
                  compensation: vertical allocation %s among 绍兴市's counties, beneficiary-pays allocation %s (both published)
                  credit: policy %s gives the seller a limit of %s 元 (GET /api/v1/holders/%s/credit-capacity?policyId=%s)
                """, d.accountId(), REGION, YEAR, d.gep().toPlainString(), d.sellerId(), d.buyerId(), d.productId(),
                d.productValue().toPlainString(), ISSUED, d.serialNumber(), d.instrumentId(), PRICE, d.orderId(), TRADED, d.fillId(), d.auctionId(),
                AUCTIONED, CLEARING, d.transferId(), TRANSFERRED, d.twoPhaseTradeId(), SETTLED, d.retirementId(), RETIRED,
                u.verticalAllocationId(), u.horizontalAllocationId(), u.policyId(), u.creditLimit().toPlainString(), d.sellerId(), u.policyId());
    }
}
