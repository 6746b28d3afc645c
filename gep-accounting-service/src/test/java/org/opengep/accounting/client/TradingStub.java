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
                    [{"regionCode":"150302","year":2011,"rightType":"FOREST_CARBON_SINK","quantity":10000,"value":3000000.00},
                     {"regionCode":"150302","year":2011,"rightType":"CCER","quantity":100,"value":6000.00},
                     {"regionCode":"150303","year":2011,"rightType":"FOREST_CARBON_SINK","quantity":5000,"value":1000000.00},
                     {"regionCode":"440300","year":2011,"rightType":"CARBON_ALLOWANCE","quantity":5000,"value":999999.00}]""")
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
