package org.opengep.accounting.rest.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengep.accounting.engine.seea.AssetAccount;
import org.opengep.accounting.engine.seea.AssetAccount.Flow;
import org.opengep.accounting.engine.seea.ExtentAccount;
import org.opengep.accounting.engine.seea.ExtentAccount.Change;
import org.opengep.accounting.engine.seea.SeeaMapping;
import org.opengep.accounting.engine.seea.SeeaMapping.ServiceMapping;
import org.opengep.accounting.engine.seea.SeeaMapping.TypeMapping;
import org.opengep.accounting.engine.seea.SupplyTables.MonetaryRow;
import org.opengep.accounting.engine.seea.SupplyTables.PhysicalRow;
import org.opengep.accounting.rest.export.Table.Column;
import org.opengep.accounting.service.seea.SeeaAccounts.AssetTable;
import org.opengep.accounting.service.seea.SeeaAccounts.ExtentTable;
import org.opengep.accounting.service.seea.SeeaAccounts.SeeaExport;
import org.opengep.accounting.service.seea.SeeaAccounts.SupplyTable;
import org.opengep.accounting.service.seea.SeeaAccounts.TypeColumn;

/** The SEEA EA tables as sheets, each named by what {@code ?table=} asks for in CSV. */
public final class SeeaTables {

    /** The tables by their CSV name, in the workbook's order. */
    public static final List<String> NAMES = List.of("extent", "extent-changes", "physical-supply", "monetary-supply", "assets",
            "services-mapping", "ecosystem-types-mapping");

    private SeeaTables() {}

    public static List<Table> all(SeeaExport e) {
        List<Table> tables = new ArrayList<>();
        for (String name : NAMES) {
            Table t = table(e, name);
            if (t != null) {
                tables.add(t);
            }
        }
        return tables;
    }

    /** The named table, or null when the export has none (no change matrix, no asset account). */
    public static Table table(SeeaExport e, String name) {
        return switch (name) {
            case "extent" -> extent(e.extentAccount(), e.ecosystemTypes());
            case "extent-changes" -> e.extentAccount().changeMatrix() == null ? null : changes(e.extentAccount().changeMatrix().changes());
            case "physical-supply" -> physical(e.supplyTables(), e.ecosystemTypes());
            case "monetary-supply" -> monetary(e.supplyTables(), e.ecosystemTypes());
            case "assets" -> e.assetAccount() == null ? null : assets(e.assetAccount(), e.ecosystemTypes());
            case "services-mapping" -> services(e.mapping());
            case "ecosystem-types-mapping" -> types(e.ecosystemTypes(), e.mapping());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static TypeMapping iucn(List<TypeColumn> types, String type) {
        return types.stream().filter(t -> t.ecosystemType().equals(type)).map(TypeColumn::iucnGet).findFirst().orElse(SeeaMapping.UNMAPPED_TYPE);
    }

    static Table extent(ExtentTable x, List<TypeColumn> types) {
        Table t = Table.of("extent", new Column("生态系统类型", "Ecosystem type"), new Column("IUCN GET", "IUCN GET"),
                new Column("IUCN GET 名称", "IUCN GET name"), new Column("期初面积(km²)", "Opening extent (km²)"),
                new Column("增加(km²)", "Additions (km²)"), new Column("减少(km²)", "Reductions (km²)"),
                new Column("净变化(km²)", "Net change (km²)"), new Column("期末面积(km²)", "Closing extent (km²)"));
        for (ExtentAccount.Row r : x.rows()) {
            TypeMapping m = iucn(types, r.ecosystemType());
            t.row(r.ecosystemType(), m.code(), m.name(), r.opening(), r.additions(), r.reductions(), r.netChange(), r.closing());
        }
        ExtentAccount.Row r = x.total();
        t.row("TOTAL", null, x.gross() ? "gross changes (change matrix)" : "net changes (no change matrix)", r.opening(), r.additions(),
                r.reductions(), r.netChange(), r.closing());
        return t;
    }

    static Table changes(List<Change> changes) {
        Table t = Table.of("extent-changes", new Column("期初类型", "From type"), new Column("期末类型", "To type"),
                new Column("面积(km²)", "Area (km²)"));
        changes.forEach(c -> t.row(c.from(), c.to(), c.areaKm2()));
        return t;
    }

    /** The ecosystem types that occur in these rows, in the columns' order. */
    private static List<String> used(List<TypeColumn> types, List<Map<String, BigDecimal>> rows) {
        Set<String> occurring = new LinkedHashSet<>();
        rows.forEach(r -> occurring.addAll(r.keySet()));
        return types.stream().map(TypeColumn::ecosystemType).filter(occurring::contains).toList();
    }

    private static List<Column> serviceColumns(List<String> first, List<String> typeCodes, List<TypeColumn> types) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < first.size(); i += 2) {
            columns.add(new Column(first.get(i), first.get(i + 1)));
        }
        columns.add(new Column("SEEA EA 类别", "SEEA EA section"));
        columns.add(new Column("SEEA EA 服务", "SEEA EA service"));
        columns.add(new Column("SEEA EA 组成", "SEEA EA component"));
        for (String type : typeCodes) {
            String code = iucn(types, type).code();
            columns.add(new Column(type, type + (code.isEmpty() ? "" : " (" + code + ")")));
        }
        columns.add(new Column("合计", "Total"));
        return columns;
    }

    private static void addService(List<Object> row, ServiceMapping m, List<String> typeCodes, Map<String, BigDecimal> byType, BigDecimal total) {
        row.add(m.section());
        row.add(m.service());
        row.add(m.component());
        typeCodes.forEach(type -> row.add(byType.get(type)));
        row.add(total);
    }

    static Table physical(List<SupplyTable> tables, List<TypeColumn> types) {
        List<String> typeCodes = used(types, tables.stream().flatMap(s -> s.physical().stream()).map(PhysicalRow::byEcosystem).toList());
        Table t = new Table("physical-supply", serviceColumns(List.of("年份", "Year", "指标", "Indicator", "实物量", "Quantity", "名称", "Name",
                "名称(英文)", "Name (English)", "单位", "Unit"), typeCodes, types), new ArrayList<>());
        for (SupplyTable s : tables) {
            for (PhysicalRow r : s.physical()) {
                List<Object> row = new ArrayList<>(Arrays.asList(s.year(), r.indicator(), r.item(), r.nameZh(), r.nameEn(), r.unit()));
                addService(row, r.seea(), typeCodes, r.byEcosystem(), r.total());
                t.row(row.toArray());
            }
        }
        return t;
    }

    static Table monetary(List<SupplyTable> tables, List<TypeColumn> types) {
        List<String> typeCodes = used(types, tables.stream().flatMap(s -> s.monetary().stream()).map(MonetaryRow::byEcosystem).toList());
        Table t = new Table("monetary-supply", serviceColumns(List.of("年份", "Year", "指标", "Indicator", "名称", "Name", "名称(英文)",
                "Name (English)", "类别", "Category"), typeCodes, types), new ArrayList<>());
        for (SupplyTable s : tables) {
            for (MonetaryRow r : s.monetary()) {
                List<Object> row = new ArrayList<>(Arrays.asList(s.year(), r.indicator(), r.nameZh(), r.nameEn(), r.category()));
                addService(row, r.seea(), typeCodes, r.byEcosystem(), r.total());
                t.row(row.toArray());
            }
        }
        return t;
    }

    public static Table assets(AssetTable a, List<TypeColumn> types) {
        Table t = Table.of("assets", new Column("生态系统类型", "Ecosystem type"), new Column("IUCN GET", "IUCN GET"),
                new Column("期初面积(km²)", "Opening extent (km²)"), new Column("期末面积(km²)", "Closing extent (km²)"),
                new Column("期初年服务流量(元)", "Opening yearly flow (yuan)"), new Column("期末年服务流量(元)", "Closing yearly flow (yuan)"),
                new Column("期末流量按期初价格(元)", "Closing flow at opening prices (yuan)"), new Column("期初资产价值(元)", "Opening value (yuan)"),
                new Column("面积变化(元)", "Change in extent (yuan)"), new Column("流量变化(元)", "Change in flows (yuan)"),
                new Column("重估价(元)", "Revaluation (yuan)"), new Column("期末资产价值(元)", "Closing value (yuan)"));
        List<AssetAccount.Row> rows = a.account().rows();
        for (int i = 0; i < rows.size(); i++) {
            AssetAccount.Row r = rows.get(i);
            Flow f = a.flows().get(i);
            t.row(r.ecosystemType(), iucn(types, r.ecosystemType()).code(), f.openingExtent(), f.closingExtent(),
                    f.openingFlow(), f.closingFlow(), f.closingFlowAtOpeningPrices(), r.openingValue(), r.extentChange(), r.flowChange(),
                    r.revaluation(), r.closingValue());
        }
        AssetAccount.Row total = a.account().total();
        t.row("TOTAL", "r = " + a.account().discountRate().toPlainString() + ", T = " + a.account().assetLife() + ", A = "
                + a.account().annuityFactor().toPlainString() + " (" + a.parameters().source() + ")", null, null, null, null, null,
                total.openingValue(), total.extentChange(), total.flowChange(), total.revaluation(), total.closingValue());
        return t;
    }

    static Table services(SeeaMapping m) {
        Table t = Table.of("services-mapping", new Column("指标", "Indicator"), new Column("SEEA EA 类别", "SEEA EA section"),
                new Column("SEEA EA 服务", "SEEA EA service"), new Column("SEEA EA 组成", "SEEA EA component"), new Column("说明", "Note"));
        m.services().forEach((indicator, s) -> t.row(indicator, s.section(), s.service(), s.component(), s.note()));
        t.row("source", null, m.sources().get("services"), null, "mapping " + m.version() + ": " + m.note());
        return t;
    }

    static Table types(List<TypeColumn> types, SeeaMapping m) {
        Table t = Table.of("ecosystem-types-mapping", new Column("生态系统类型", "Ecosystem type"), new Column("IUCN GET", "IUCN GET"),
                new Column("IUCN GET 名称", "IUCN GET name"), new Column("说明", "Note"));
        types.forEach(c -> t.row(c.ecosystemType(), c.iucnGet().code(), c.iucnGet().name(), c.iucnGet().note()));
        t.row("source", null, m.sources().get("ecosystemTypes"), "forest by province: " + m.ecosystemTypes().get("FOREST").note());
        return t;
    }
}
