package org.opengep.accounting.engine.catalogue;

/**
 * One biophysical input a formula needs. {@code scope} says where it is given: once for the
 * indicator, once per ecosystem type, or per item (a lake, a product, a tourist site).
 */
public record InputSpec(String name, Scope scope, String unit, boolean required, String description) {

    public enum Scope {
        INDICATOR,
        ECOSYSTEM,
        ITEM
    }
}
