package org.opengep.accounting.engine.catalogue;

/** The three GEP components: GEP = EPV + ERV + ECV. */
public enum Category {
    PROVISIONING,
    REGULATING,
    CULTURAL
}
