package org.opengep.accounting.engine.catalogue;

import java.util.Map;

/** A published accounting method: its code, its source and the rules that differ between standards. */
public record MethodVersion(String code, String name, String source, Map<String, Boolean> rules) {

    /** Purification quantities are capped at the actual emissions / loads. */
    public static final String CAP_PURIFICATION_AT_LOAD = "capPurificationAtLoad";
    /** Water-surface evaporation also counts the electricity of humidifiers (E_w x y). */
    public static final String CLIMATE_INCLUDES_HUMIDIFIER = "climateIncludesHumidifier";

    public boolean rule(String name) {
        return Boolean.TRUE.equals(rules.get(name));
    }
}
