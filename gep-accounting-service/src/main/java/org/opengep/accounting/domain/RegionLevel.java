package org.opengep.accounting.domain;

/** Administrative levels of GB/T 2260 and the kinds of custom accounting unit. */
public enum RegionLevel {
    NATION,
    PROVINCE,
    PREFECTURE,
    COUNTY,
    WATERSHED,
    RESERVE,
    TOWNSHIP,
    PARCEL;

    public boolean isCustom() {
        return ordinal() > COUNTY.ordinal();
    }
}
