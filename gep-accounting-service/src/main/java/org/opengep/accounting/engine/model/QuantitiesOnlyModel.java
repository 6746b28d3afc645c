package org.opengep.accounting.engine.model;

import java.util.Map;

/**
 * Indicators whose physical quantity is itself an observation (water use by sector, natural forest
 * area, visits...): there is no formula before valuation, so only quantities or values are accepted.
 */
public final class QuantitiesOnlyModel implements IndicatorModel {

    @Override
    public Map<String, Split> physical(ModelContext ctx) {
        return Map.of();
    }
}
