package org.opengep.registry.client;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengep.testsupport.StubService;
import org.opengep.testsupport.StubService.Reply;

/**
 * trading-service as the registry sees it for credit capacity: a holder's serial blocks, the listed instruments and
 * their market data, in the service's JSON shapes, behind the real token check (role holdings-reader).
 */
public final class TradingStub {

    private static final Pattern HOLDINGS = Pattern.compile("/api/v1/accounts/([0-9a-f-]+)/holdings");
    private static final Pattern MARKET_DATA = Pattern.compile("/api/v1/instruments/(\\d+)/market-data");
    private static TradingStub instance;

    private final Map<UUID, String> holdings = new ConcurrentHashMap<>();
    private final Map<Integer, String> marketData = new ConcurrentHashMap<>();
    private final Map<Integer, String> listings = new ConcurrentHashMap<>();
    private final StubService service = new StubService("holdings-reader", this::answer);

    public static synchronized TradingStub instance() {
        if (instance == null) {
            instance = new TradingStub();
        }
        return instance;
    }

    public String url() {
        return service.url();
    }

    public void start() {
        service.start();
    }

    public void stop() {
        service.stop();
    }

    /** The holder's blocks: a JSON array of SerialBlock. */
    public void holdings(UUID holder, String blocksJson) {
        holdings.put(holder, blocksJson);
    }

    /** A listed forest carbon sink instrument of a vintage, with one day's close. */
    public void listedForestSink(int instrumentId, int vintage, String day, String close) {
        listings.put(instrumentId, """
                {"instrumentId":%d,"rightType":"FOREST_CARBON_SINK","vintage":%d,"unit":"tCO2e","status":"LISTED"}""".formatted(instrumentId, vintage));
        marketData.put(instrumentId, """
                [{"instrumentId":%d,"day":"%s","open":%s,"high":%s,"low":%s,"last":%s,"volume":100,"fills":1,"close":%s}]"""
                .formatted(instrumentId, day, close, close, close, close, close));
    }

    private Reply answer(String path, String query) {
        Matcher h = HOLDINGS.matcher(path);
        if (h.matches()) {
            return Reply.ok(holdings.getOrDefault(UUID.fromString(h.group(1)), "[]"));
        }
        if (path.equals("/api/v1/instruments")) {
            return Reply.ok(String.join(",", listings.values()).transform(s -> "[" + s + "]"));
        }
        Matcher m = MARKET_DATA.matcher(path);
        return m.matches() ? Reply.ok(marketData.getOrDefault(Integer.parseInt(m.group(1)), "[]")) : Reply.notFound();
    }
}
