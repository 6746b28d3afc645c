package org.opengep.dashboard.view;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opengep.dashboard.client.accounting.model.AllocationDocument;
import org.opengep.dashboard.client.accounting.model.AllocationSummary;
import org.opengep.dashboard.client.accounting.model.ExcludedRegion;
import org.opengep.dashboard.client.accounting.model.RegionLine;
import org.opengep.dashboard.client.accounting.model.Scheme;

/** One compensation allocation: who receives or pays how much (万元), its formula and each region's arithmetic. */
@TemplateData
public record CompensationView(String id, String schemeName, int schemeVersion, String kind, int year, String regionCode,
        String regionName, String total, String formula, String published, List<Line> regions, List<String> excluded, String chart) {

    @TemplateData
    public record Line(String regionCode, String regionName, String direction, String amount, String share, String arithmetic) {}

    @TemplateData
    public record SchemeLine(String id, String name, int version, String kind, String formula, String createdBy, String createdAt) {

        public static SchemeLine of(Scheme scheme) {
            return new SchemeLine(String.valueOf(scheme.getId()), scheme.getName(), scheme.getVersion(),
                    scheme.getDefinition() == null ? "" : String.valueOf(scheme.getDefinition().getKind()), scheme.getFormula(),
                    scheme.getCreatedBy(), Times.minute(scheme.getCreatedAt()));
        }
    }

    @TemplateData
    public record AllocationLine(String id, String schemeName, int schemeVersion, int year, String regionCode, String total,
            boolean published) {

        public static AllocationLine of(AllocationSummary summary) {
            return new AllocationLine(String.valueOf(summary.getId()), summary.getSchemeName(), summary.getSchemeVersion(),
                    summary.getYear(), summary.getRegionCode(), Figures.wan(summary.getTotal()), Boolean.TRUE.equals(summary.getPublished()));
        }
    }

    public static CompensationView of(AllocationDocument allocation, Map<String, String> t) {
        List<RegionLine> lines = Objects.requireNonNullElse(allocation.getRegions(), List.<RegionLine>of());
        List<Line> regions = lines.stream().map(r -> new Line(r.getRegionCode(), r.getRegionName(), t.get("direction_" + r.getDirection()),
                Figures.wan(r.getAmount()), Figures.percent(r.getShare()), r.getArithmetic())).toList();
        List<String> excluded = Objects.requireNonNullElse(allocation.getExcludedRegions(), List.<ExcludedRegion>of()).stream()
                .map(e -> e.getRegionName() + " (" + e.getRegionCode() + "): " + e.getReason()).toList();
        String chart = Charts.json(Charts.bars(t.get("unit_wan"), lines.stream().map(RegionLine::getRegionName).toList(),
                lines.stream().map(r -> r.getAmount() == null ? null : r.getAmount().movePointLeft(4)).toList()));
        String published = allocation.getPublication() == null ? ""
                : allocation.getPublication().getPublishedBy() + " · " + Times.minute(allocation.getPublication().getPublishedAt())
                        + " · " + allocation.getPublication().getReason();
        return new CompensationView(String.valueOf(allocation.getId()), allocation.getScheme().getName(), allocation.getScheme().getVersion(),
                String.valueOf(allocation.getScheme().getKind()), allocation.getYear(), allocation.getRegionCode(), allocation.getRegionName(),
                Figures.wan(allocation.getTotal()), allocation.getFormula(), published, regions, excluded, chart);
    }
}
