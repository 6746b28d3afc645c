package org.opengep.accounting.engine.catalogue;

/** A valued sub-item of an indicator: its quantity's unit and the key of its price in a price set. */
public record LineSpec(String code, String nameZh, String nameEn, String unit, String price) {}
