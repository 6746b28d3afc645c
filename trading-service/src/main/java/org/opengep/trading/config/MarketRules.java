package org.opengep.trading.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Market rules as configuration: price limits per right type (e.g. carbon allowances: listed trades below 100 000 t
 * within ±10 % of the previous close, block trades from 100 000 t within ±30 %), and the share of CCER a compliance
 * surrender of allowances may use; and how the ledger writer groups movements into transactions.
 */
@ConfigMapping(prefix = "trading.market")
public interface MarketRules {

    /** The market's time zone: days of market data, and the day a previous close belongs to. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Price limits by right type name; right types without an entry trade without limits. */
    Map<String, PriceLimit> priceLimits();

    /** The largest share of a surrender obligation CCER may cover. */
    @WithDefault("0.05")
    BigDecimal ccerSurrenderShare();

    /** The ledger writer's group commit. */
    Writer writer();

    interface Writer {
        /** The most movements one transaction writes (a batch of trades counts each trade). */
        @WithDefault("1000")
        int maxBatch();

        /** The most requests waiting for the writer; more are answered 503 (retry later). */
        @WithDefault("20000")
        int maxQueued();

        /** How long a request waits for its movement's transaction before it is answered 503. */
        @WithDefault("30s")
        Duration answerTimeout();
    }

    interface PriceLimit {
        /** Listed trades: the largest deviation from the previous close, e.g. 0.10. */
        BigDecimal listed();

        /** Block trades: the largest deviation from the previous close, e.g. 0.30. */
        BigDecimal block();

        /** From this quantity (in the right's unit) a trade is a block trade; below it a listed one. */
        BigDecimal blockThreshold();
    }
}
