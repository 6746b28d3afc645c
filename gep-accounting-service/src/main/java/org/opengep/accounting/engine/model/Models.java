package org.opengep.accounting.engine.model;

import java.util.Map;
import org.opengep.accounting.engine.catalogue.Indicator;

/** The formulas by the name the catalogue binds each indicator to. */
public final class Models {

    private static final Map<String, IndicatorModel> BY_NAME = Map.ofEntries(
            Map.entry("PRODUCTS", new ProductsModel()),
            Map.entry("QUANTITIES", new QuantitiesOnlyModel()),
            Map.entry("WATER_BALANCE", new WaterBalanceModel()),
            Map.entry("RUSLE", new RusleModel()),
            Map.entry("RWEQ", new RweqModel()),
            Map.entry("FLOOD_STORAGE", new FloodStorageModel()),
            Map.entry("PURIFICATION", new PurificationModel()),
            Map.entry("NEP_CARBON", NepModel.carbon()),
            Map.entry("NEP_OXYGEN", NepModel.oxygen()),
            Map.entry("CLIMATE", new ClimateModel()),
            Map.entry("TRAVEL_COST", new TravelCostModel()),
            Map.entry("NATURAL_RECOVERY", new NaturalRecoveryModel()),
            Map.entry("HEDONIC", new HedonicModel()));

    private Models() {}

    public static IndicatorModel forIndicator(Indicator indicator) {
        IndicatorModel model = BY_NAME.get(indicator.model());
        if (model == null) {
            throw new IllegalStateException("catalogue binds " + indicator.code() + " to unknown model " + indicator.model());
        }
        return model;
    }
}
