package org.opengep.registry.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opengep.common.client.Answers;
import org.opengep.common.client.RefusedByServiceException;
import org.opengep.registry.client.trading.api.AccountsApi;
import org.opengep.registry.client.trading.api.TradingCentreInstrumentsAndMarketDataApi;
import org.opengep.registry.client.trading.model.Listing;
import org.opengep.registry.client.trading.model.MarketDay;
import org.opengep.registry.client.trading.model.SerialBlock;

/**
 * trading-service, through the client generated from its committed OpenAPI document ({@code openapi/trading-service.yaml}),
 * behind the same fault tolerance as {@link AccountingClient}: what a holder holds (its serial blocks with their state,
 * pledges included) and the trading centre's instruments and market data. Every call carries the registry's own token
 * (roles {@code holdings-reader} and {@code market-reader}).
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 200, abortOn = RefusedByServiceException.class)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = RefusedByServiceException.class)
public class TradingClient {

    @RestClient
    AccountsApi accounts;

    @RestClient
    TradingCentreInstrumentsAndMarketDataApi market;

    /** The blocks the holder holds now (none when the trading service has not seen it). */
    public List<SerialBlock> holdings(UUID holderId) {
        return Answers.foundOrEmpty(() -> accounts.getHoldings(holderId)).orElse(List.of());
    }

    public List<Listing> instruments() {
        return Answers.answer(() -> market.getInstruments());
    }

    /** The instrument's last 30 days of market data, oldest first. */
    public List<MarketDay> marketData(int instrumentId) {
        return Answers.foundOrEmpty(() -> market.getMarketData(instrumentId, null, null)).orElse(List.of());
    }

    /** The instrument's most recent close within the last 30 days. */
    public Optional<MarketDay> lastClose(int instrumentId) {
        List<MarketDay> days = marketData(instrumentId);
        for (int i = days.size() - 1; i >= 0; i--) {
            if (days.get(i).getClose() != null) {
                return Optional.of(days.get(i));
            }
        }
        return Optional.empty();
    }
}
