package org.opengep.accounting.client;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.opengep.testsupport.StubService;
import org.opengep.testsupport.StubService.Reply;

/**
 * trading-service as the accounting service sees it: the realised value of every region of origin in 2011, on a
 * dynamic port, answering only the accounting service's own token (role market-reader).
 */
public class TradingStub implements QuarkusTestResourceLifecycleManager {

    public static final StubService SERVICE = new StubService("market-reader", (path, query) ->
            path.equals("/api/v1/realised-value") && query.contains("year=2011") ? Reply.ok("""
                    [{"regionCode":"150302","year":2011,"rightType":"FOREST_CARBON_SINK","primaryQuantity":10000,"primaryValue":3000000.00,"resaleQuantity":7,"resaleValue":700.00},
                     {"regionCode":"150302","year":2011,"rightType":"CCER","primaryQuantity":100,"primaryValue":6000.00,"resaleQuantity":7,"resaleValue":700.00},
                     {"regionCode":"150303","year":2011,"rightType":"FOREST_CARBON_SINK","primaryQuantity":5000,"primaryValue":1000000.00,"resaleQuantity":7,"resaleValue":700.00},
                     {"regionCode":"440300","year":2011,"rightType":"CARBON_ALLOWANCE","primaryQuantity":5000,"primaryValue":999999.00,"resaleQuantity":7,"resaleValue":700.00}]""")
                    : Reply.ok("[]"));

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.trading.url", SERVICE.url());
    }

    @Override
    public void stop() {
        // the stub lives as long as the test JVM
    }
}
