package org.opengep.accounting.engine.price;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;
import org.opengep.accounting.engine.catalogue.LineSpec;
import org.opengep.accounting.engine.unit.Unit;

/**
 * The keys a price set may hold and the dimension each one's unit must have. Price keys come from the
 * catalogue's value lines (a price for a line measured in m³ must be in 元 per volume); parameter keys
 * are the formula constants listed here.
 */
public final class PriceKeys {

    /** Formula parameters and the unit each is documented in. */
    public static final Map<String, String> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("SILTATION_COEFFICIENT", "1");
        PARAMETERS.put("SOIL_BULK_DENSITY", "t/m³");
        PARAMETERS.put("SOIL_N_CONTENT", "%");
        PARAMETERS.put("SOIL_P_CONTENT", "%");
        PARAMETERS.put("SAND_BULK_DENSITY", "t/m³");
        PARAMETERS.put("SANDIFIED_LAND_THICKNESS", "m");
        PARAMETERS.put("LAKE_FLOOD_A", "1");
        PARAMETERS.put("LAKE_FLOOD_B", "1");
        PARAMETERS.put("RESERVOIR_FLOOD_FACTOR", "1");
        PARAMETERS.put("MARSH_STORAGE_DEPTH", "m");
        PARAMETERS.put("AC_EFFICIENCY_RATIO", "1");
        PARAMETERS.put("WATER_DENSITY", "t/m³");
        PARAMETERS.put("LATENT_HEAT_VAPORISATION", "J/g");
        PARAMETERS.put("HUMIDIFIER_ELECTRICITY", "kWh/m³");
    }

    private PriceKeys() {}

    public static boolean isParameter(String key) {
        return PARAMETERS.containsKey(key);
    }

    /** The unit whose dimension a price set entry with this key must have; empty for an unknown key. */
    public static Optional<Unit> expectedUnit(String key, IndicatorCatalogue catalogue) {
        if (isParameter(key)) {
            return Optional.of(Unit.of(PARAMETERS.get(key)));
        }
        return catalogue.indicators().stream()
                .flatMap(i -> i.lines().stream())
                .filter(l -> key.equals(l.price()))
                .findFirst()
                .map(PriceKeys::priceUnit);
    }

    /** The unit of a price for a line: 元 per the line's unit. */
    public static Unit priceUnit(LineSpec line) {
        return Unit.of("元/" + line.unit());
    }
}
