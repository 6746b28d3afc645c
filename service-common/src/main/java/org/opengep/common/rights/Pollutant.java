package org.opengep.common.rights;

/** Pollutants of emission rights; one right is for one pollutant, heavy metals are counted in kg a year. */
public enum Pollutant {
    SO2("t/a"),
    NOX("t/a"),
    COD("t/a"),
    NH3N("t/a"),
    TP("t/a"),
    TN("t/a"),
    VOCS("t/a"),
    PB("kg/a"),
    HG("kg/a"),
    CD("kg/a"),
    CR("kg/a"),
    AS("kg/a");

    private final String unit;

    Pollutant(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
