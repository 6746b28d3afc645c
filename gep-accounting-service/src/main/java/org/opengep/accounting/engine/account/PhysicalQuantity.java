package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import java.util.Map;

/** A physical quantity (实物量) of an indicator, in the catalogue's unit, with its split by ecosystem type. */
public record PhysicalQuantity(
        String code, String nameZh, String nameEn, BigDecimal quantity, String unit, Map<String, BigDecimal> byEcosystem) {}
