package org.opengep.accounting.engine.model;

import org.opengep.accounting.engine.model.ModelContext.Priced;

/**
 * A value line before rounding: the quantity in canonical units (null for a supplied value), the price
 * it was valued with (null for supplied values), the price-set key of that price (null when the price did not
 * come from the price set) and the value in 元.
 */
public record LineAmount(
        String code, String nameZh, String nameEn, String unit, Split quantity, Priced price, String priceKey, Split value) {}
