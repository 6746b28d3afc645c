package org.opengep.accounting.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opengep.accounting.client.trading.api.MarketApi;
import org.opengep.accounting.client.trading.model.RealisedValue;
import org.opengep.common.client.Answers;
import org.opengep.common.client.RefusedByServiceException;

/**
 * trading-service, through the client generated from its committed OpenAPI document
 * ({@code openapi/trading-service.yaml}), behind a timeout, one retry and a circuit breaker. Every call carries the
 * accounting service's own token (role market-reader; {@code ServiceTokenFilter}).
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 1, delay = 100, abortOn = RefusedByServiceException.class)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = RefusedByServiceException.class)
public class TradingClient {

    @RestClient
    MarketApi market;

    /** The trade value realised in a year from the products of every region of origin. */
    public List<RealisedValue> realisedValue(int year) {
        return Answers.answer(() -> market.getRealisedValue(year, null));
    }
}
