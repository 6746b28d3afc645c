package org.opengep.registry.rules;

/** The GEP categories a product belongs to (as in the accounting service's catalogue). */
public enum Category {
    PROVISIONING,
    REGULATING,
    CULTURAL
}
