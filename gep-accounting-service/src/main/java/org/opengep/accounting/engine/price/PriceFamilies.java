package org.opengep.accounting.engine.price;

import java.util.Map;
import org.opengep.accounting.engine.catalogue.Category;

/**
 * Which price index deflates a value line to another year's prices. A price key has the family of
 * what it costs (reservoir storage follows construction costs, electricity the energy prices...);
 * values supplied without a price follow producer prices for provisioning and general prices otherwise.
 * A family without its own index falls back to {@link #GENERAL} (the consumer price index).
 */
public final class PriceFamilies {

    public static final String GENERAL = "GENERAL";
    public static final String CONSTRUCTION = "CONSTRUCTION";
    public static final String PRODUCER = "AGRICULTURAL_PRODUCER";
    public static final String ENERGY = "ENERGY";
    public static final String WATER = "WATER";

    private static final Map<String, String> BY_PRICE_KEY = Map.ofEntries(
            Map.entry("RESERVOIR_STORAGE_COST", CONSTRUCTION),
            Map.entry("DREDGING_COST", CONSTRUCTION),
            Map.entry("SAND_CONTROL_COST", CONSTRUCTION),
            Map.entry("SEAWALL_COST", CONSTRUCTION),
            Map.entry("NOISE_BARRIER_COST", CONSTRUCTION),
            Map.entry("ELECTRICITY_PRICE", ENERGY),
            Map.entry("BIOMASS_PRICE", ENERGY),
            Map.entry("WATER_PRICE_DOMESTIC", WATER),
            Map.entry("WATER_PRICE_INDUSTRIAL", WATER),
            Map.entry("WATER_PRICE_AGRICULTURAL", WATER));

    private PriceFamilies() {}

    /** @param priceKey the price-set key the line was valued with, or null for supplied values and market prices */
    public static String of(String priceKey, Category category) {
        if (priceKey != null && BY_PRICE_KEY.containsKey(priceKey)) {
            return BY_PRICE_KEY.get(priceKey);
        }
        return priceKey == null && category == Category.PROVISIONING ? PRODUCER : GENERAL;
    }
}
