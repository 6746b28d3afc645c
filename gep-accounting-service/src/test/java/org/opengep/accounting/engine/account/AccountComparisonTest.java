package org.opengep.accounting.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.account.AccountComparison.Difference;
import org.opengep.accounting.engine.account.AccountComparison.Outcome;
import org.opengep.accounting.engine.account.AccountComparison.StoredColumns;
import org.opengep.accounting.engine.account.AccountInputs.ProvisioningBasis;
import org.opengep.accounting.engine.catalogue.Category;

class AccountComparisonTest {

    private final GepEngine engine = new GepEngine(ReferencePrices.catalogue());

    private GepResult account() {
        Map<String, IndicatorInput> indicators = new LinkedHashMap<>();
        indicators.put("AGRICULTURE", new IndicatorInput(Amount.of("12", "亿元"), null, null, null, null, null, null));
        indicators.put("WATER_CONSERVATION", new IndicatorInput(null, null, null, null, null, Map.of("FOREST", Map.of(
                "precipitation", Amount.of("1500", "mm"), "evapotranspiration", Amount.of("700", "mm"),
                "runoffCoefficient", Amount.of("0.05", "1"))), null));
        return engine.compute(new AccountInputs("330602", 2023, new BigDecimal("1000"), Map.of("FOREST", Amount.of("600", "km²")),
                Amount.of("800", "亿元"), 1_000_000L, ProvisioningBasis.GROSS, indicators, null), ReferencePrices.book(), 2026);
    }

    private static StoredColumns columnsOf(GepResult r) {
        return new StoredColumns(r.gep(), total(r, Category.PROVISIONING), total(r, Category.REGULATING), total(r, Category.CULTURAL),
                new LinkedHashMap<>(ValueRow.of(r)));
    }

    private static BigDecimal total(GepResult r, Category c) {
        return r.categories().stream().filter(t -> t.category() == c).findFirst().orElseThrow().value();
    }

    /** The result with the first line of an indicator valued differently (and nothing else changed: a tampered line). */
    private static GepResult withLineValue(GepResult r, String indicator, BigDecimal value) {
        List<IndicatorResult> indicators = new ArrayList<>();
        for (IndicatorResult i : r.indicators()) {
            if (!i.code().equals(indicator)) {
                indicators.add(i);
                continue;
            }
            List<ValueLine> lines = new ArrayList<>(i.lines());
            ValueLine l = lines.get(0);
            lines.set(0, new ValueLine(l.code(), l.nameZh(), l.nameEn(), l.quantity(), l.unit(), l.unitPrice(), l.priceUnit(),
                    l.priceYear(), l.priceSource(), l.priceKey(), l.priceFamily(), value, l.valueByEcosystem()));
            indicators.add(new IndicatorResult(i.code(), i.nameZh(), i.nameEn(), i.category(), i.level(), i.physicalQuantities(), lines,
                    i.value(), i.notes()));
        }
        return new GepResult(r.regionCode(), r.year(), r.methodVersion(), r.extent(), indicators, r.categories(), r.deductions(),
                r.valueByEcosystem(), r.gep(), r.areaKm2(), r.gepPerKm2(), r.gepPerCapita(), r.gepToGdp(), r.gdp(), r.population());
    }

    @Test
    void theSameAccountComputedAgainMatchesLineByLine() {
        GepResult stored = account();
        Outcome outcome = AccountComparison.compare(stored, columnsOf(stored), account());
        assertThat(outcome.matches()).isTrue();
        assertThat(outcome.lines()).hasSizeGreaterThanOrEqualTo(2).allMatch(AccountComparison.LineCheck::matches);
        assertThat(outcome.lines()).extracting(AccountComparison.LineCheck::indicator).contains("AGRICULTURE", "WATER_CONSERVATION");
    }

    @Test
    void aChangedLineAChangedColumnAndAMissingValueRowAreEachNamed() {
        GepResult recomputed = account();
        GepResult tampered = withLineValue(recomputed, "WATER_CONSERVATION", new BigDecimal("1.00"));
        StoredColumns columns = columnsOf(recomputed);
        ValueRow firstRow = columns.values().keySet().iterator().next();
        columns.values().remove(firstRow);
        StoredColumns changed = new StoredColumns(columns.gep().add(BigDecimal.ONE), columns.provisioning(), columns.regulating(),
                columns.cultural(), columns.values());

        Outcome outcome = AccountComparison.compare(tampered, changed, recomputed);

        assertThat(outcome.matches()).isFalse();
        assertThat(outcome.lines()).filteredOn(l -> !l.matches()).singleElement().satisfies(l -> {
            assertThat(l.indicator()).isEqualTo("WATER_CONSERVATION");
            assertThat(l.stored()).isEqualByComparingTo("1.00");
        });
        assertThat(outcome.differences()).extracting(Difference::where).containsExactlyInAnyOrder(
                "indicators.WATER_CONSERVATION.lines." + tampered.indicators().get(1).lines().get(0).code() + ".value",
                "column gep", "value row " + firstRow);
        assertThat(outcome.differences()).filteredOn(d -> d.where().equals("column gep")).singleElement()
                .satisfies(d -> assertThat(new BigDecimal(d.stored()).subtract(new BigDecimal(d.recomputed()))).isEqualByComparingTo("1"));
    }

    @Test
    void aLineOnlyOneSideHasIsReportedWithTheOtherSideEmpty() {
        GepResult stored = account();
        GepResult fewer = new GepResult(stored.regionCode(), stored.year(), stored.methodVersion(), stored.extent(),
                stored.indicators().subList(0, 1), stored.categories(), stored.deductions(), stored.valueByEcosystem(), stored.gep(),
                stored.areaKm2(), stored.gepPerKm2(), stored.gepPerCapita(), stored.gepToGdp(), stored.gdp(), stored.population());
        Outcome outcome = AccountComparison.compare(fewer, columnsOf(stored), stored);
        assertThat(outcome.lines()).filteredOn(l -> !l.matches()).singleElement()
                .satisfies(l -> assertThat(l.stored()).isNull());
        assertThat(outcome.differences()).extracting(Difference::where).contains("indicators.WATER_CONSERVATION.value");
    }
}
