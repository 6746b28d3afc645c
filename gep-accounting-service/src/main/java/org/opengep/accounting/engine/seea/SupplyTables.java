package org.opengep.accounting.engine.seea;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.account.IndicatorResult;
import org.opengep.accounting.engine.account.PhysicalQuantity;
import org.opengep.accounting.engine.account.ValueLine;
import org.opengep.accounting.engine.seea.SeeaMapping.ServiceMapping;

/**
 * The SEEA EA ecosystem services supply tables of one account: rows are services (our indicators, with the SEEA EA
 * service they are), columns ecosystem types. In physical terms, one row per physical quantity in its unit; in
 * monetary terms, one row per indicator in 元, then the deductions of values from outside the unit, so that the table
 * adds up to the account's GEP.
 */
public final class SupplyTables {

    /** The column of deductions, which belong to no ecosystem type. */
    public static final String OUTSIDE_ORIGIN = "OUTSIDE_ORIGIN";

    private SupplyTables() {}

    public record PhysicalRow(String indicator, String item, String nameZh, String nameEn, String unit, ServiceMapping seea,
            Map<String, BigDecimal> byEcosystem, BigDecimal total) {}

    public record MonetaryRow(String indicator, String nameZh, String nameEn, String category, ServiceMapping seea,
            Map<String, BigDecimal> byEcosystem, BigDecimal total) {}

    /** The indicators given as values have no physical quantity; they are not in this table. */
    public static List<PhysicalRow> physical(GepResult account, SeeaMapping mapping) {
        List<PhysicalRow> rows = new ArrayList<>();
        for (IndicatorResult i : account.indicators()) {
            for (PhysicalQuantity q : i.physicalQuantities()) {
                Map<String, BigDecimal> byType = q.byEcosystem() == null || q.byEcosystem().isEmpty()
                        ? Map.of(GepEngine.UNALLOCATED, q.quantity()) : q.byEcosystem();
                rows.add(new PhysicalRow(i.code(), q.code(), q.nameZh(), q.nameEn(), q.unit(), mapping.service(i.code()),
                        new LinkedHashMap<>(byType), q.quantity()));
            }
        }
        return rows;
    }

    public static List<MonetaryRow> monetary(GepResult account, SeeaMapping mapping) {
        List<MonetaryRow> rows = new ArrayList<>();
        for (IndicatorResult i : account.indicators()) {
            Map<String, BigDecimal> byType = new LinkedHashMap<>();
            for (ValueLine l : i.lines()) {
                l.valueByEcosystem().forEach((type, v) -> byType.merge(type, v, BigDecimal::add));
            }
            rows.add(new MonetaryRow(i.code(), i.nameZh(), i.nameEn(), i.category().name(), mapping.service(i.code()), byType, i.value()));
        }
        for (GepResult.DeductionLine d : account.deductions()) {
            rows.add(new MonetaryRow(d.indicator(), "区外来源扣减", "Deduction of values from outside the unit", d.category().name(),
                    new ServiceMapping("", "net imports of services (deducted)", null, d.description()), Map.of(OUTSIDE_ORIGIN, d.value()),
                    d.value()));
        }
        return rows;
    }
}
