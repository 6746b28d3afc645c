package org.opengep.registry.rules;

import static org.opengep.registry.rules.Category.CULTURAL;
import static org.opengep.registry.rules.Category.PROVISIONING;
import static org.opengep.registry.rules.Category.REGULATING;

import java.util.Set;
import org.opengep.common.rights.RightType;

/**
 * The kinds of ecological product in the catalogue, each with its GEP category, the GEP indicator that values it
 * unless the product names another, and the right types that may be issued from it.
 */
public enum ProductType {
    FOREST_CARBON_SINK(REGULATING, "CARBON_SEQUESTRATION", RightType.FOREST_CARBON_SINK, RightType.CCER),
    GRASSLAND_CARBON_SINK(REGULATING, "CARBON_SEQUESTRATION", RightType.CCER),
    WETLAND_CARBON_SINK(REGULATING, "CARBON_SEQUESTRATION", RightType.CCER),
    OCEAN_CARBON_SINK(REGULATING, "CARBON_SEQUESTRATION", RightType.CCER),
    /** A government's allocation of emission allowances (valued at the carbon price). */
    CARBON_EMISSION_QUOTA(REGULATING, "CARBON_SEQUESTRATION", RightType.CARBON_ALLOWANCE),
    /** Environmental capacity for one pollutant (valued by the purification indicators). */
    ENVIRONMENTAL_CAPACITY(REGULATING, "WATER_PURIFICATION", RightType.POLLUTANT_EMISSION_RIGHT),
    WATER_CONSERVATION(REGULATING, "WATER_CONSERVATION"),
    WATER_RESOURCE(PROVISIONING, "WATER_SUPPLY", RightType.WATER_RIGHT),
    RENEWABLE_ENERGY(PROVISIONING, "ECO_ENERGY", RightType.GREEN_POWER_CERTIFICATE),
    /** A region's annual energy-consumption quota. */
    ENERGY_USE_QUOTA(PROVISIONING, "ECO_ENERGY", RightType.ENERGY_USE_RIGHT),
    ECO_AGRICULTURAL_PRODUCT(PROVISIONING, "AGRICULTURE"),
    ECO_TOURISM_SITE(CULTURAL, "RECREATION");

    private final Category category;
    private final String defaultIndicator;
    private final Set<RightType> rights;

    ProductType(Category category, String defaultIndicator, RightType... rights) {
        this.category = category;
        this.defaultIndicator = defaultIndicator;
        this.rights = Set.of(rights);
    }

    public Category category() {
        return category;
    }

    public String defaultIndicator() {
        return defaultIndicator;
    }

    public Set<RightType> rights() {
        return rights;
    }
}
