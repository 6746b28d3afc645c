package org.opengep.dashboard.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opengep.dashboard.client.trading.api.TradingCentreInstrumentsAndMarketDataApi;
import org.opengep.dashboard.client.trading.model.Listing;
import org.opengep.dashboard.client.trading.model.MarketDay;
import org.opengep.dashboard.client.trading.model.OrderBook;

/** trading-service's market figures through the client generated from {@code openapi/trading-service.yaml}, as {@link AccountingClient}. */
@ApplicationScoped
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, abortOn = ServiceRefusal.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, skipOn = ServiceRefusal.class)
public class TradingClient {

    static final String SERVICE = "trading-service";

    @RestClient
    TradingCentreInstrumentsAndMarketDataApi market;

    public List<Listing> instruments() {
        return ServiceAnswers.answer(SERVICE, () -> market.getInstruments());
    }

    public Optional<Listing> instrument(int id) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> market.getInstrument(id));
    }

    /** Daily open, high, low, close (or last) and volume, oldest first. */
    public List<MarketDay> marketData(int id, LocalDate from, LocalDate to) {
        return ServiceAnswers.answer(SERVICE, () -> market.getMarketData(id, from.toString(), to.toString()));
    }

    public Optional<OrderBook> book(int id) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> market.getOrderBook(id));
    }
}
