package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.opengep.accounting.engine.catalogue.Category;

/**
 * A computed GEP account. Money is in 元 rounded to the fen; category totals and GEP are sums of the
 * rounded lines, so every total adds up exactly: GEP = the category totals + the (negative) deductions.
 *
 * @param areaKm2 the area GEP per km² is computed on: the region's land area, else the extent total
 */
public record GepResult(
        String regionCode,
        int year,
        String methodVersion,
        List<ExtentRow> extent,
        List<IndicatorResult> indicators,
        List<CategoryTotal> categories,
        List<DeductionLine> deductions,
        Map<String, BigDecimal> valueByEcosystem,
        BigDecimal gep,
        BigDecimal areaKm2,
        BigDecimal gepPerKm2,
        BigDecimal gepPerCapita,
        BigDecimal gepToGdp,
        BigDecimal gdp,
        Long population) {

    public record ExtentRow(String ecosystemType, String nameZh, String nameEn, BigDecimal areaKm2) {}

    public record CategoryTotal(Category category, BigDecimal value, BigDecimal share) {}

    /** A value deducted from GEP because it came from outside the unit; {@code value} is negative. */
    public record DeductionLine(String indicator, Category category, String description, BigDecimal value) {}
}
