package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One valued sub-item: quantity x unit price = value (元), with the price's year and source so that every
 * number can be traced. Lines supplied as values have no quantity or price. {@code priceFamily} names the
 * price index that deflates the line to another year's prices.
 */
public record ValueLine(
        String code,
        String nameZh,
        String nameEn,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        String priceUnit,
        Integer priceYear,
        String priceSource,
        String priceKey,
        String priceFamily,
        BigDecimal value,
        Map<String, BigDecimal> valueByEcosystem) {}
