package org.opengep.registry.rules;

import org.opengep.common.rights.RightType;

/**
 * Serial numbers identify every unit across its life: {@code <type>-<region>-<product number>-<vintage>-<start>-<end>},
 * e.g. {@code FCS-331122-42-2025-1-1000}. A product's serials run on from one issuance to the next.
 */
public final class SerialNumbers {

    private SerialNumbers() {}

    public static String block(RightType type, String regionCode, long productNumber, int vintage, long start, long end) {
        return type.serialCode() + "-" + regionCode + "-" + productNumber + "-" + vintage + "-" + start + "-" + end;
    }
}
