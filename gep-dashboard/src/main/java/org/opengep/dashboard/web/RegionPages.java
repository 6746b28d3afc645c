package org.opengep.dashboard.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.opengep.dashboard.auth.DashboardRoles;
import org.opengep.dashboard.auth.SignedInUser;
import org.opengep.dashboard.client.AccountingClient;
import org.opengep.dashboard.client.AccountingClient.OfficialFigure;
import org.opengep.dashboard.client.RegistryClient;
import org.opengep.dashboard.client.ServiceRefusal;
import org.opengep.dashboard.client.accounting.model.AccountDocument;
import org.opengep.dashboard.client.accounting.model.CategoryTotal;
import org.opengep.dashboard.client.accounting.model.ChildFigure;
import org.opengep.dashboard.client.accounting.model.DualGrowth;
import org.opengep.dashboard.client.accounting.model.GepResult;
import org.opengep.dashboard.client.accounting.model.IndicatorResult;
import org.opengep.dashboard.client.accounting.model.GepPublication;
import org.opengep.dashboard.client.accounting.model.Receipt;
import org.opengep.dashboard.client.accounting.model.Region;
import org.opengep.dashboard.client.accounting.model.RegionSummary;
import org.opengep.dashboard.client.accounting.model.Series;
import org.opengep.dashboard.client.accounting.model.YearFigure;
import org.opengep.dashboard.view.Charts;
import org.opengep.dashboard.view.Figures;
import org.opengep.dashboard.view.RegionView;
import org.opengep.dashboard.view.RegionView.CategoryRow;
import org.opengep.dashboard.view.RegionView.CompensationIncome;
import org.opengep.dashboard.view.RegionView.Headline;
import org.opengep.dashboard.view.RegionView.IndicatorRow;
import org.opengep.dashboard.view.RegionView.ProductRow;
import org.opengep.dashboard.view.RegionView.RankRow;
import org.opengep.dashboard.view.RegionView.Realisation;
import org.opengep.dashboard.view.RegionView.RegionLink;
import org.opengep.dashboard.view.RegionView.SeriesRow;
import org.opengep.dashboard.view.Texts;
import org.opengep.dashboard.view.Times;

/**
 * The region page from the accounting service's answers (and the registry's products when the user may read them): the
 * year's official figure, its breakdown, the children ranked, the series over every published year at current and
 * comparable prices (the newest year's prices), and the value-realisation rate.
 */
@ApplicationScoped
public class RegionPages {

    @Inject
    AccountingClient accounting;

    @Inject
    RegistryClient registry;

    @Inject
    SignedInUser user;

    /** The region's page for the year asked (else its newest published year, else this year); empty if no such region. */
    public Optional<RegionView> view(String code, Integer askedYear, String language) {
        Optional<Region> found = accounting.region(code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Region region = found.get();
        Map<String, String> t = Texts.of(language);
        List<Integer> years = accounting.publications(code).stream().filter(p -> Boolean.TRUE.equals(p.getOfficial()))
                .map(GepPublication::getYear).distinct().sorted().toList();
        int thisYear = Year.now(Times.CHINA).getValue();
        int year = askedYear != null ? askedYear : years.isEmpty() ? thisYear : years.get(years.size() - 1);

        Optional<OfficialFigure> figure = years.contains(year) ? accounting.officialFigure(code, year) : Optional.empty();
        GepResult result = figure.map(f -> f.account().getResult()).orElse(null);
        List<CategoryRow> categories = result == null ? List.of() : categories(result, t, language);
        List<ChildFigure> children = region.getChildren() == null || region.getChildren().isEmpty() ? List.of()
                : accounting.childrenRanking(code, year).stream().filter(c -> c.getGep() != null).toList();
        Optional<Series> series = years.isEmpty() ? Optional.empty()
                : accounting.series(code, years.get(0), years.get(years.size() - 1), years.get(years.size() - 1));
        List<YearFigure> seriesYears = series.map(Series::getYears).orElse(List.of()).stream()
                .filter(y -> y.getGepCurrent() != null).toList();

        return Optional.of(new RegionView(region.getCode(), region.getName(), t.get("level_" + region.getLevel()),
                links(region.getAncestors()), links(region.getChildren()), yearChoices(years, thisYear), year,
                figure.map(this::headline).orElse(null),
                categories, Charts.json(Charts.treemap(t.get("unit_yi"), treemap(result, t, language))),
                ranking(children), Charts.json(Charts.bars(t.get("unit_yi"), children.stream().map(ChildFigure::getName).toList(),
                        children.stream().map(c -> Figures.yiValue(c.getGep())).toList())),
                seriesRows(seriesYears), Charts.json(seriesChart(seriesYears, t)),
                series.map(s -> t.get("series_note").formatted(s.getPriceYear(), s.getMethodNote())).orElse(""),
                years.isEmpty() ? year : years.get(0), years.isEmpty() ? year : years.get(years.size() - 1),
                result == null ? null : realisation(code, year),
                compensationIncome(code),
                products(code, t)));
    }

    /** The years to pick: those published, or, where the region has none of its own (a prefecture whose counties have), the last five. */
    private static List<Integer> yearChoices(List<Integer> published, int thisYear) {
        return published.isEmpty() ? IntStream.rangeClosed(thisYear - 4, thisYear).boxed().toList() : published;
    }

    private Headline headline(OfficialFigure figure) {
        AccountDocument account = figure.account();
        GepResult result = account.getResult();
        GepPublication publication = figure.publication();
        return new Headline(Figures.yi(result.getGep()), Figures.wan(result.getGepPerKm2()), Figures.yuan(result.getGepPerCapita()),
                Figures.percent(result.getGepToGdp()), result.getMethodVersion(),
                account.getProvenance() == null ? "" : account.getProvenance().getPriceSetName() + " v" + account.getProvenance().getPriceSetVersion(),
                publication == null ? "" : publication.getPublishedBy(),
                publication == null ? "" : Times.minute(publication.getPublishedAt()),
                publication == null ? "" : publication.getReason(), String.valueOf(account.getId()),
                account.getProvenance() == null ? "" : account.getProvenance().getInputsHash());
    }

    private static List<CategoryRow> categories(GepResult result, Map<String, String> t, String language) {
        List<CategoryRow> rows = new ArrayList<>();
        for (CategoryTotal category : Objects.requireNonNullElse(result.getCategories(), List.<CategoryTotal>of())) {
            List<IndicatorRow> indicators = Objects.requireNonNullElse(result.getIndicators(), List.<IndicatorResult>of()).stream()
                    .filter(i -> i.getCategory() == category.getCategory() && i.getValue() != null)
                    .map(i -> new IndicatorRow(i.getCode(), Texts.ENGLISH.equals(language) ? i.getNameEn() : i.getNameZh(), Figures.yi(i.getValue())))
                    .toList();
            rows.add(new CategoryRow(t.get("category_" + category.getCategory()), Figures.yi(category.getValue()),
                    Figures.percent(category.getShare()), indicators));
        }
        return rows;
    }

    private static List<Charts.Node> treemap(GepResult result, Map<String, String> t, String language) {
        if (result == null) {
            return List.of();
        }
        List<Charts.Node> nodes = new ArrayList<>();
        for (CategoryTotal category : result.getCategories()) {
            List<Charts.Node> indicators = result.getIndicators().stream()
                    .filter(i -> i.getCategory() == category.getCategory() && i.getValue() != null && i.getValue().signum() > 0)
                    .map(i -> new Charts.Node(Texts.ENGLISH.equals(language) ? i.getNameEn() : i.getNameZh(), Figures.yiValue(i.getValue()), List.of()))
                    .toList();
            nodes.add(new Charts.Node(t.get("category_" + category.getCategory()), Figures.yiValue(category.getValue()), indicators));
        }
        return nodes;
    }

    private static List<RankRow> ranking(List<ChildFigure> children) {
        return children.stream().map(c -> new RankRow(c.getRank() == null ? 0 : c.getRank(), c.getCode(), c.getName(),
                String.valueOf(c.getSource()), Figures.yi(c.getGep()), Figures.wan(c.getGepPerKm2()), Figures.yuan(c.getGepPerCapita())))
                .toList();
    }

    private static List<SeriesRow> seriesRows(List<YearFigure> years) {
        return years.stream().map(y -> new SeriesRow(y.getYear(), Figures.yi(y.getGepCurrent()), Figures.yi(y.getGepComparable()),
                Figures.growth(y.getGrowth()), Figures.growth(y.getGdpGrowth()), y.getDualGrowth() == DualGrowth.GDP_UP_GEP_DOWN)).toList();
    }

    private static Map<String, Object> seriesChart(List<YearFigure> years, Map<String, String> t) {
        Map<String, List<BigDecimal>> lines = new LinkedHashMap<>();
        lines.put(t.get("series_current"), years.stream().map(y -> Figures.yiValue(y.getGepCurrent())).toList());
        lines.put(t.get("series_comparable"), years.stream().map(y -> Figures.yiValue(y.getGepComparable())).toList());
        return Charts.lines(t.get("unit_yi"), years.stream().map(YearFigure::getYear).toList(), lines,
                years.stream().filter(y -> y.getDualGrowth() == DualGrowth.GDP_UP_GEP_DOWN).map(YearFigure::getYear).toList());
    }

    /** The rate needs the trading service behind the accounting service; when that is down the page says so, not fails. */
    private Realisation realisation(String code, int year) {
        try {
            return accounting.realisation(code, year).map(rate -> new Realisation(Figures.percent(rate.getRate()),
                    Figures.wan(rate.getRealisedValue()), Figures.wan(rate.getResaleValue()),
                    rate.getRealisedByRightType() == null ? List.of() : rate.getRealisedByRightType().entrySet().stream()
                            .map(e -> e.getKey() + " " + Figures.wan(e.getValue())).toList()))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private CompensationIncome compensationIncome(String code) {
        return accounting.compensationIncome(code).filter(income -> income.getAmount() != null && income.getAmount().signum() != 0)
                .map(income -> new CompensationIncome(income.getYear(), Figures.wan(income.getAmount()),
                        Objects.requireNonNullElse(income.getReceipts(), List.<Receipt>of()).stream()
                                .map(r -> new RegionView.ReceiptRow(String.valueOf(r.getAllocationId()), r.getSchemeName() + " v" + r.getSchemeVersion(),
                                        Figures.wan(r.getAmount())))
                                .toList()))
                .orElse(null);
    }

    private List<ProductRow> products(String code, Map<String, String> t) {
        if (!user.has(DashboardRoles.REGISTRY_READER)) {
            return List.of();
        }
        try {
            return registry.products(code).stream().map(p -> new ProductRow(p.getName(), String.valueOf(p.getProductType()),
                    Figures.quantity(p.getQuantity()) + " " + Objects.toString(p.getUnit(), ""), String.valueOf(p.getStatus()),
                    p.getLatestValuation() == null ? "—" : Figures.wan(p.getLatestValuation().getValue()))).toList();
        } catch (ServiceRefusal e) {
            return List.of();
        }
    }

    static List<RegionLink> links(List<RegionSummary> regions) {
        return regions == null ? List.of() : regions.stream()
                .map(r -> new RegionLink(r.getCode(), r.getName(), String.valueOf(r.getLevel()), Boolean.TRUE.equals(r.getDevelopmentZone()))).toList();
    }
}
