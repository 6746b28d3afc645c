package org.opengep.accounting.engine.catalogue;

/** A class of the national ecosystem classification; wetland sub-types name their parent. */
public record EcosystemType(String code, String nameZh, String nameEn, String parent) {}
