package org.opengep.accounting.engine.seea;

import java.util.List;
import java.util.Map;

/**
 * Our indicators as services of the SEEA EA reference list, and our ecosystem types as IUCN Global Ecosystem Typology
 * groups (data: {@code seea/seea-ea-mapping.json}, exported with every SEEA table). Forest is T1 or T2 by province.
 */
public record SeeaMapping(String version, Map<String, String> sources, String note, Map<String, ServiceMapping> services,
        Map<String, TypeMapping> ecosystemTypes, TypeMapping forestT1, TypeMapping forestT2, List<String> forestT1Provinces) {

    public record ServiceMapping(String section, String service, String component, String note) {}

    public record TypeMapping(String code, String name, String note) {}

    public static final ServiceMapping UNMAPPED_SERVICE = new ServiceMapping("", "not mapped", null, "no mapping for this indicator");
    public static final TypeMapping UNMAPPED_TYPE = new TypeMapping("", "not mapped", "no mapping for this ecosystem type");

    public ServiceMapping service(String indicator) {
        return services.getOrDefault(indicator, UNMAPPED_SERVICE);
    }

    /** The IUCN GET group of an ecosystem type in a region: forest by the region's province, the others as mapped. */
    public TypeMapping ecosystemType(String type, String regionCode) {
        if ("FOREST".equals(type) && regionCode != null && regionCode.length() >= 2 && Character.isDigit(regionCode.charAt(0))) {
            return forestT1Provinces.contains(regionCode.substring(0, 2)) ? forestT1 : forestT2;
        }
        return ecosystemTypes.getOrDefault(type, UNMAPPED_TYPE);
    }
}
