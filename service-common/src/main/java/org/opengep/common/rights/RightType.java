package org.opengep.common.rights;

import java.time.Period;

/**
 * Tradable right types with their unit, precision (decimal places; serial numbers count units of that
 * precision) and validity. Pollutant emission rights take their unit from the pollutant. The registry issues in
 * these terms and the trading service keeps its ledger in them: the issuance feed speaks this vocabulary.
 */
public enum RightType {
    CARBON_ALLOWANCE("CEA", "tCO2e", 0, null),
    CCER("CCER", "tCO2e", 0, null),
    FOREST_CARBON_SINK("FCS", "tCO2e", 0, null),
    WATER_RIGHT("WR", "m³", 0, null),
    POLLUTANT_EMISSION_RIGHT("PER", null, 3, Period.ofYears(5)),
    ENERGY_USE_RIGHT("EUR", "tce", 3, null),
    GREEN_POWER_CERTIFICATE("GEC", "MWh", 0, Period.ofYears(2));

    private final String serialCode;
    private final String unit;
    private final int precision;
    private final Period validity;

    RightType(String serialCode, String unit, int precision, Period validity) {
        this.serialCode = serialCode;
        this.unit = unit;
        this.precision = precision;
        this.validity = validity;
    }

    /** The prefix of the type's serial numbers. */
    public String serialCode() {
        return serialCode;
    }

    /** The unit of one right; for pollutant rights the pollutant's (t/a, or kg/a for heavy metals). */
    public String unit(Pollutant pollutant) {
        return pollutant != null && this == POLLUTANT_EMISSION_RIGHT ? pollutant.unit() : unit;
    }

    public int precision() {
        return precision;
    }

    /** How long units stay valid after issuance: GEC 2 years, pollutant rights at most 5; null: no expiry. */
    public Period validity() {
        return validity;
    }
}
