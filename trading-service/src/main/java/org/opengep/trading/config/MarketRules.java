package org.opengep.trading.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.opengep.trading.market.BandRounding;

/**
 * Market rules as configuration: the market's time zone and holidays, the defaults a newly listed instrument of the
 * trading centre gets (its own rules are data, per listing), the share of CCER a compliance surrender of allowances
 * may use, and how the ledger writer groups movements into transactions.
 */
@ConfigMapping(prefix = "trading.market")
public interface MarketRules {

    /** The market's time zone: sessions, trading days and the days of market data. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The largest share of a surrender obligation CCER may cover. */
    @WithDefault("0.05")
    BigDecimal ccerSurrenderShare();

    /** The days of the week the market trades (Monday to Friday; the local demonstration run trades every day). */
    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    Set<DayOfWeek> tradingDays();

    /** Days the market is closed besides the days of the week it does not trade, e.g. 2026-10-01. */
    Optional<Set<LocalDate>> holidays();

    /** The trading centre: the rules a newly listed instrument gets where the operator does not give them. */
    Centre centre();

    interface Centre {
        /** The sessions of a trading day, market time. */
        @WithDefault("09:30-11:30,13:00-15:00")
        String sessions();

        @WithDefault("0.0050")
        BigDecimal buyerFeeRate();

        @WithDefault("0.0050")
        BigDecimal sellerFeeRate();

        /** How a new listing's band limits are put on the tick: HALF_UP (the exchanges' 四舍五入) or INWARD. */
        @WithDefault("HALF_UP")
        BandRounding bandRounding();

        /** How long a block proposal waits for its counterparty at most. */
        @WithDefault("P1D")
        Duration maxProposalLife();

        /** How often the centre looks whether a trading day has ended (then closes it) and auctions have (then allocates them); off: never. */
        @WithDefault("30s")
        String closeCheckEvery();
    }

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

}
