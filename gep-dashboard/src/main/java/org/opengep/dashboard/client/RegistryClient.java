package org.opengep.dashboard.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opengep.dashboard.client.registry.api.ProductsApi;
import org.opengep.dashboard.client.registry.model.Product;

/** The registry's catalogue through the client generated from {@code openapi/ecological-product-registry.yaml}, as {@link AccountingClient}. */
@ApplicationScoped
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, abortOn = ServiceRefusal.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, skipOn = ServiceRefusal.class)
public class RegistryClient {

    static final String SERVICE = "ecological-product-registry";

    @RestClient
    ProductsApi products;

    /** The region's registered products (the first 100), with their newest valuation from GEP. */
    public List<Product> products(String regionCode) {
        return ServiceAnswers.answer(SERVICE, () -> products.searchProducts(null, null, null, 100, regionCode, null, null, null).getItems());
    }
}
