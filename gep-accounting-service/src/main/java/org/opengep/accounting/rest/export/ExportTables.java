package org.opengep.accounting.rest.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.account.IndicatorResult;
import org.opengep.accounting.engine.account.ValueLine;
import org.opengep.accounting.rest.export.Table.Column;
import org.opengep.accounting.service.AccountDocument;
import org.opengep.accounting.service.RegionFigures.ChildFigure;
import org.opengep.accounting.service.SeriesService.Series;
import org.opengep.accounting.service.SeriesService.YearFigure;
import org.opengep.accounting.engine.compensation.FactorAllocation.FactorTerm;
import org.opengep.accounting.service.compensation.AllocationDocument;
import org.opengep.accounting.service.compensation.AllocationDocument.FactorUsed;
import org.opengep.accounting.service.compensation.AllocationDocument.RegionLine;

/** The exportable answers as tables, with the catalogue's Chinese and English names. */
public final class ExportTables {

    private ExportTables() {}

    /** One row per value line, then the category subtotals, deductions and GEP. */
    public static Table account(AccountDocument doc) {
        Table t = Table.of("GEP " + doc.regionCode() + " " + doc.year(),
                new Column("指标代码", "Indicator code"), new Column("指标", "Indicator"), new Column("指标(英文)", "Indicator (English)"),
                new Column("类别", "Category"), new Column("子项", "Sub-item"), new Column("子项(英文)", "Sub-item (English)"),
                new Column("实物量", "Quantity"), new Column("单位", "Unit"), new Column("单价", "Unit price"),
                new Column("价格单位", "Price unit"), new Column("价格年份", "Price year"), new Column("价格来源", "Price source"),
                new Column("价值量(元)", "Value (yuan)"));
        GepResult r = doc.result();
        for (IndicatorResult i : r.indicators()) {
            for (ValueLine l : i.lines()) {
                t.row(i.code(), i.nameZh(), i.nameEn(), i.category().name(), l.nameZh(), l.nameEn(), l.quantity(), l.unit(),
                        l.unitPrice(), l.priceUnit(), l.priceYear(), l.priceSource(), l.value());
            }
        }
        r.categories().forEach(c -> t.row(c.category().name(), "小计", "Subtotal", c.category().name(), null, null, null, null,
                null, null, null, null, c.value()));
        r.deductions().forEach(d -> t.row(d.indicator(), "区外来源扣减", "Outside-origin deduction", d.category().name(),
                d.description(), null, null, null, null, null, null, null, d.value()));
        t.row("GEP", "生态系统生产总值", "Gross ecosystem product", null, null, null, null, null, null, null, null,
                "method " + doc.provenance().methodVersion() + ", price set " + doc.provenance().priceSetName() + " v"
                        + doc.provenance().priceSetVersion(), r.gep());
        return t;
    }

    public static Table children(String parent, int year, List<ChildFigure> children) {
        Table t = Table.of("GEP " + parent + " children " + year,
                new Column("排名", "Rank"), new Column("区域代码", "Region code"), new Column("区域", "Region"),
                new Column("来源", "Source"), new Column("GEP(元)", "GEP (yuan)"), new Column("物质产品(元)", "Provisioning (yuan)"),
                new Column("调节服务(元)", "Regulating (yuan)"), new Column("文化服务(元)", "Cultural (yuan)"),
                new Column("面积(km²)", "Area (km²)"), new Column("地均GEP(元/km²)", "GEP per km² (yuan)"),
                new Column("人口", "Population"), new Column("人均GEP(元)", "GEP per capita (yuan)"),
                new Column("未覆盖单元", "Uncovered units"));
        for (ChildFigure c : children) {
            t.row(c.rank(), c.code(), c.name(), c.source().name(), c.gep(), c.provisioning(), c.regulating(), c.cultural(),
                    c.areaKm2(), c.gepPerKm2(), c.population(), c.gepPerCapita(), c.uncoveredUnits());
        }
        return t;
    }

    /** One row per region with its factor values and shares, then the total. */
    public static Table allocation(AllocationDocument a) {
        List<Column> columns = new ArrayList<>(List.of(new Column("区域代码", "Region code"), new Column("区域", "Region"),
                new Column("方向", "Direction"), new Column("金额(元)", "Amount (yuan)"), new Column("未取整金额(元)", "Exact amount (yuan)"),
                new Column("份额", "Share"), new Column("基础份额", "Base share"), new Column("GEP增长率", "GEP growth"),
                new Column("调整系数", "Adjustment factor")));
        for (FactorUsed f : a.factors()) {
            columns.add(new Column(f.factor() + " 数值", f.factor() + " value" + (f.unit() == null ? "" : " (" + f.unit() + ")")));
            columns.add(new Column(f.factor() + " 权重×占比", f.factor() + " weight x share"));
        }
        columns.add(new Column("计算过程", "Arithmetic"));
        columns.add(new Column("数据来源", "Sources"));
        Table t = new Table("Compensation " + a.regionCode() + " " + a.year(), columns, new ArrayList<>());
        for (RegionLine l : a.regions()) {
            List<Object> row = new ArrayList<>(Arrays.asList(l.regionCode(), l.regionName(), l.direction().name(), l.amount(), l.exactAmount(),
                    l.share(), l.baseShare()));
            row.add(l.growth());
            row.add(l.adjustmentFactor());
            l.factors().forEach(f -> {
                row.add(f.value());
                row.add(f.weightedShare());
            });
            row.add(l.arithmetic());
            row.add(String.join("; ", l.factors().stream().map(FactorTerm::source).distinct().toList()));
            t.row(row.toArray());
        }
        List<Object> total = new ArrayList<>(java.util.Collections.nCopies(columns.size(), null));
        total.set(0, a.regionCode());
        total.set(1, "合计 / Total, scheme " + a.scheme().name() + " v" + a.scheme().version());
        total.set(3, a.total());
        total.set(columns.size() - 2, a.formula());
        t.row(total.toArray());
        return t;
    }

    public static Table series(Series s) {
        Table t = Table.of("GEP " + s.regionCode() + " " + s.from() + "-" + s.to(),
                new Column("年份", "Year"), new Column("核算编号", "Account id"), new Column("GEP现价(元)", "GEP at current prices (yuan)"),
                new Column("GEP可比价(元)", "GEP at " + s.priceYear() + " prices (yuan)"), new Column("可比价增长率", "Comparable growth"),
                new Column("GDP(元)", "GDP (yuan)"), new Column("GDP增长率", "GDP growth"), new Column("双增长", "Dual growth"),
                new Column("可比价方法", "Comparable-price method"));
        for (YearFigure y : s.years()) {
            t.row(y.year(), y.accountId().toString(), y.gepCurrent(), y.gepComparable(), y.growth(), y.gdp(), y.gdpGrowth(),
                    y.dualGrowth() == null ? null : y.dualGrowth().name(), s.method().name());
        }
        return t;
    }
}
