package org.opengep.accounting.engine.price;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prices and parameters one account is valued with: a price set, with the account's own overrides
 * laid over it. The engine only reads it.
 */
public final class PriceBook {

    private final String priceSetId;
    private final Map<String, PriceEntry> prices = new LinkedHashMap<>();
    private final Map<String, PriceEntry> parameters = new LinkedHashMap<>();

    public PriceBook(String priceSetId, List<PriceEntry> prices, List<PriceEntry> parameters) {
        this.priceSetId = priceSetId;
        prices.forEach(p -> this.prices.put(p.key(), p));
        parameters.forEach(p -> this.parameters.put(p.key(), p));
    }

    /** A copy where the given entries replace those of the same key (prices and parameters alike). */
    public PriceBook withOverrides(List<PriceEntry> overrides) {
        PriceBook copy = new PriceBook(priceSetId, List.copyOf(prices.values()), List.copyOf(parameters.values()));
        for (PriceEntry o : overrides) {
            if (PriceKeys.isParameter(o.key())) {
                copy.parameters.put(o.key(), o);
            } else {
                copy.prices.put(o.key(), o);
            }
        }
        return copy;
    }

    public String priceSetId() {
        return priceSetId;
    }

    public Optional<PriceEntry> price(String key) {
        return Optional.ofNullable(prices.get(key));
    }

    public Optional<PriceEntry> parameter(String key) {
        return Optional.ofNullable(parameters.get(key));
    }
}
