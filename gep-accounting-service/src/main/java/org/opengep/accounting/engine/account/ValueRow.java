package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengep.accounting.engine.catalogue.Category;

/**
 * The key of one row of an account's values by indicator, ecosystem type and price family (table
 * {@code gep_account_value}): what sums up the region tree and deflation read instead of documents.
 */
public record ValueRow(String indicator, Category category, String ecosystemType, String priceFamily) {

    /** An account's value rows: its lines' values by ecosystem type, added up per indicator and price family. */
    public static Map<ValueRow, BigDecimal> of(GepResult result) {
        Map<ValueRow, BigDecimal> values = new LinkedHashMap<>();
        for (IndicatorResult indicator : result.indicators()) {
            for (ValueLine line : indicator.lines()) {
                line.valueByEcosystem().forEach((type, v) -> values.merge(
                        new ValueRow(indicator.code(), indicator.category(), type, line.priceFamily()), v, BigDecimal::add));
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return indicator + "/" + ecosystemType + "/" + priceFamily;
    }
}
