package org.opengep.dashboard.view;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** Everything the region page shows, its figures already formatted ({@link Figures}) and its charts as JSON ({@link Charts}). */
@TemplateData
public record RegionView(
        String code,
        String name,
        String level,
        List<RegionLink> ancestors,
        List<RegionLink> children,
        List<Integer> years,
        int year,
        Headline headline,
        List<CategoryRow> categories,
        String treemap,
        List<RankRow> ranking,
        String rankingChart,
        List<SeriesRow> series,
        String seriesChart,
        String seriesNote,
        int seriesFrom,
        int seriesTo,
        Realisation realisation,
        CompensationIncome compensation,
        List<ProductRow> products) {

    @TemplateData
    public record RegionLink(String code, String name, String level, boolean developmentZone) {}

    /** The official figure: GEP in 亿元, per km² in 万元, per capita in 元, GEP/GDP, and its publication. */
    @TemplateData
    public record Headline(String gep, String perKm2, String perCapita, String gepToGdp, String methodVersion, String priceSet,
            String publishedBy, String publishedAt, String reason, String accountId, String inputsHash) {}

    @TemplateData
    public record CategoryRow(String name, String value, String share, List<IndicatorRow> indicators) {}

    @TemplateData
    public record IndicatorRow(String code, String name, String value) {}

    @TemplateData
    public record RankRow(int rank, String code, String name, String source, String gep, String perKm2, String perCapita) {}

    /** A year of the series; {@code warning} when GDP grew and GEP fell. */
    @TemplateData
    public record SeriesRow(int year, String current, String comparable, String growth, String gdpGrowth, boolean warning) {}

    @TemplateData
    public record Realisation(String rate, String realised, String resale, List<String> byRightType) {}

    /** What the region received in published compensation allocations in a year, allocation by allocation. */
    @TemplateData
    public record CompensationIncome(int year, String amount, List<ReceiptRow> receipts) {}

    @TemplateData
    public record ReceiptRow(String allocationId, String scheme, String amount) {}

    @TemplateData
    public record ProductRow(String name, String type, String quantity, String status, String value) {}
}
