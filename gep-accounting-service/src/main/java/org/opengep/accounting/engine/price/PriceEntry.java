package org.opengep.accounting.engine.price;

import java.math.BigDecimal;

/**
 * One price (元 per unit of a physical quantity) or formula parameter of a price set, with where it
 * comes from. Parameters may leave {@code priceYear} empty.
 */
public record PriceEntry(String key, BigDecimal value, String unit, Integer priceYear, String source) {}
