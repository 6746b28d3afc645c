package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import java.util.List;
import org.opengep.accounting.engine.catalogue.Category;

/** One indicator's part of an account: the level it was computed from, its quantities and value lines. */
public record IndicatorResult(
        String code,
        String nameZh,
        String nameEn,
        Category category,
        InputLevel level,
        List<PhysicalQuantity> physicalQuantities,
        List<ValueLine> lines,
        BigDecimal value,
        List<String> notes) {

    public enum InputLevel {
        BIOPHYSICAL,
        QUANTITY,
        VALUE
    }
}
