package org.opengep.accounting.engine.catalogue;

/** A physical quantity (实物量) an indicator reports, and that users may supply directly. */
public record QuantitySpec(String code, String nameZh, String nameEn, String unit) {}
