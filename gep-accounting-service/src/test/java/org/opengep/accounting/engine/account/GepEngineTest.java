package org.opengep.accounting.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.account.AccountInputs.ProvisioningBasis;
import org.opengep.accounting.engine.account.IndicatorResult.InputLevel;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;

class GepEngineTest {

    private final GepEngine engine = new GepEngine(ReferencePrices.catalogue());

    private static Amount a(String value, String unit) {
        return Amount.of(value, unit);
    }

    private static IndicatorInput byEcosystem(Map<String, Map<String, Amount>> perType) {
        return new IndicatorInput(null, null, null, null, null, perType, null);
    }

    private static IndicatorInput quantities(Map<String, Amount> q) {
        return new IndicatorInput(null, null, q, null, null, null, null);
    }

    private static IndicatorInput value(Amount v) {
        return new IndicatorInput(v, null, null, null, null, null, null);
    }

    private static AccountInputs account(Map<String, IndicatorInput> indicators) {
        return new AccountInputs("330602", 2023, new BigDecimal("1000"),
                Map.of("FOREST", a("600", "km²"), "GRASSLAND", a("100", "km²"), "LAKE", a("50", "km²")),
                a("800", "亿元"), 1_000_000L, ProvisioningBasis.GROSS, indicators, null);
    }

    private GepResult compute(Map<String, IndicatorInput> indicators) {
        return engine.compute(account(indicators), ReferencePrices.book(), 2026);
    }

    private static List<InputError> errors(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("expected invalid input");
    }

    @Test
    void waterConservationFromBiophysicalInputsIsValuedPerEcosystemType() {
        GepResult r = compute(Map.of("WATER_CONSERVATION", byEcosystem(Map.of(
                "FOREST", Map.of("precipitation", a("1500", "mm"), "evapotranspiration", a("700", "mm"), "runoffCoefficient", a("0.05", "1"))))));
        // 600 km² x (1.5 - 0.075 - 0.7) m = 435 000 000 m³ x 7.06 元/m³ = 3 071 100 000 元
        IndicatorResult wc = r.indicators().get(0);
        assertThat(wc.level()).isEqualTo(InputLevel.BIOPHYSICAL);
        assertThat(wc.physicalQuantities().get(0).quantity()).isEqualByComparingTo("435000000");
        assertThat(wc.lines().get(0).unitPrice()).isEqualByComparingTo("7.06");
        assertThat(wc.lines().get(0).priceYear()).isEqualTo(2010);
        assertThat(wc.value()).isEqualByComparingTo("3071100000.00");
        assertThat(r.valueByEcosystem()).containsEntry("FOREST", new BigDecimal("3071100000.00"));
        assertThat(r.gep()).isEqualByComparingTo("3071100000.00");
        // per km² over the region's 1000 km²; per capita; GEP/GDP
        assertThat(r.gepPerKm2()).isEqualByComparingTo("3071100.00");
        assertThat(r.gepPerCapita()).isEqualByComparingTo("3071.10");
        assertThat(r.gepToGdp()).isEqualByComparingTo("0.0384");
    }

    @Test
    void soilRetentionReportsSiltationNitrogenAndPhosphorusSeparately() {
        GepResult r = compute(Map.of("SOIL_RETENTION", quantities(Map.of("SOIL_RETENTION", a("1.71", "万t")))));
        IndicatorResult sr = r.indicators().get(0);
        assertThat(sr.lines()).extracting(ValueLine::code).containsExactly("SILTATION", "NITROGEN", "PHOSPHORUS");
        // 17 100 t: siltation 0.24 x 17 100 / 1.125 = 3 648 m³ x 15.58 = 56 835.84; N 63.27 t x 875 = 55 361.25;
        // P 18.468 t x 2800 = 51 710.40
        assertThat(sr.lines().get(0).quantity()).isEqualByComparingTo("3648");
        assertThat(sr.lines().get(0).value()).isEqualByComparingTo("56835.84");
        assertThat(sr.lines().get(1).value()).isEqualByComparingTo("55361.25");
        assertThat(sr.lines().get(2).value()).isEqualByComparingTo("51710.40");
        assertThat(sr.value()).isEqualByComparingTo("163907.49");
    }

    @Test
    void purificationIsCappedAtTheActualEmissions() {
        Map<String, Amount> forest = Map.of("so2Capacity", a("10", "t/km²"), "noxCapacity", a("1", "t/km²"), "dustCapacity", a("100", "t/km²"));
        IndicatorInput air = new IndicatorInput(null, null, null, null,
                Map.of("so2Emission", a("1000", "t"), "noxEmission", a("10000", "t"), "dustEmission", a("5", "万t")),
                Map.of("FOREST", forest), null);
        IndicatorResult r = compute(Map.of("AIR_PURIFICATION", air)).indicators().get(0);
        // SO2: 10 x 600 = 6000 t capacity, capped at the 1000 t emitted -> 1000 t x 1200 = 1 200 000
        // NOx: 600 t < 10 000 t emitted -> 600 t x 630 = 378 000; dust 60 000 t capped at 50 000 t x 150 = 7 500 000
        assertThat(r.lines()).extracting(ValueLine::quantity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1000"), new BigDecimal("600"), new BigDecimal("50000"));
        assertThat(r.value()).isEqualByComparingTo("9078000.00");
        assertThat(r.notes()).hasSize(2);
    }

    @Test
    void everyIndicatorComputesFromItsDetailedInputs() {
        Map<String, IndicatorInput> all = new LinkedHashMap<>();
        all.put("AGRICULTURE", new IndicatorInput(null, null, null, null, null, null,
                List.of(new Item("rice", null, Map.of("quantity", a("2", "万t"), "price", a("2.8", "元/kg"))))));
        all.put("WATER_SUPPLY", quantities(Map.of("DOMESTIC", a("1", "亿m³"), "INDUSTRIAL", a("0.5", "亿m³"))));
        all.put("ECO_ENERGY", quantities(Map.of("HYDROPOWER", a("3", "亿kWh"))));
        all.put("WATER_CONSERVATION", byEcosystem(Map.of("FOREST",
                Map.of("precipitation", a("1500", "mm"), "evapotranspiration", a("700", "mm"), "runoffCoefficient", a("0.05", "1")))));
        all.put("SOIL_RETENTION", byEcosystem(Map.of("FOREST", Map.of("erosivity", a("3000", "1"), "erodibility", a("0.02", "1"),
                "slopeLength", a("1.5", "1"), "slopeSteepness", a("2", "1"), "cover", a("0.1", "1"), "practice", a("0.5", "1")))));
        all.put("SAND_FIXATION", new IndicatorInput(null, null, null, null, Map.of("downwindDistance", a("50", "m")),
                Map.of("GRASSLAND", Map.of("weatherFactor", a("10", "1"), "erodibleFraction", a("0.5", "1"), "crustFactor", a("0.5", "1"),
                        "roughnessFactor", a("1", "1"), "vegetationFactor", a("0.2", "1"))), null));
        all.put("FLOOD_REGULATION", new IndicatorInput(null, null, null, null, null, null, List.of(
                new Item("西湖", "LAKE", Map.of("area", a("50", "km²"), "turnover", a("2", "1"))),
                new Item("某水库", "RESERVOIR", Map.of("totalStorage", a("1", "亿m³"))),
                new Item("湿地", "MARSH", Map.of("area", a("10", "km²"))))));
        all.put("AIR_PURIFICATION", new IndicatorInput(null, null, null, null,
                Map.of("so2Emission", a("1000", "t"), "noxEmission", a("1000", "t"), "dustEmission", a("1000", "t")),
                Map.of("FOREST", Map.of("so2Capacity", a("1", "t/km²"), "noxCapacity", a("1", "t/km²"), "dustCapacity", a("1", "t/km²"))), null));
        all.put("WATER_PURIFICATION", new IndicatorInput(null, null, null, null,
                Map.of("codLoad", a("1000", "t"), "nh3nLoad", a("100", "t")),
                Map.of("LAKE", Map.of("codCapacity", a("5", "t/km²"), "nh3nCapacity", a("0.5", "t/km²"))), null));
        all.put("CARBON_SEQUESTRATION", byEcosystem(Map.of("FOREST", Map.of("npp", a("3", "万t"), "soilRespiration", a("1.8", "万t")),
                "GRASSLAND", Map.of("sequestrationRate", a("0.5", "t/hm²")))));
        all.put("OXYGEN_RELEASE", byEcosystem(Map.of("FOREST", Map.of("nep", a("12000", "t")))));
        all.put("CLIMATE_REGULATION", new IndicatorInput(null, null, null, null,
                Map.of("hotDays", a("100", "d"), "waterEvaporation", a("0.3", "亿m³")),
                Map.of("FOREST", Map.of("heatAbsorption", a("2800", "kJ/m²/d"))), null));
        all.put("PEST_CONTROL", quantities(Map.of("FOREST", a("400", "km²"))));
        all.put("RECREATION", new IndicatorInput(null, null, null, null, null, null, List.of(
                new Item("会稽山", null, Map.of("visits", a("100", "万人次"), "travelTime", a("4", "1"), "hourlyWage", a("50", "元"),
                        "wageShare", a("0.3", "1"), "transport", a("100", "元/人次"), "tickets", a("50", "元/人次"))))));
        GepResult r = compute(all);
        assertThat(r.indicators()).hasSize(all.size());
        // rice: 20 000 t x 2 800 元/t = 56 000 000
        assertThat(line(r, "AGRICULTURE", "rice").value()).isEqualByComparingTo("56000000.00");
        // pest control: 400 km² = 40 000 hm² x 375 = 15 000 000
        assertThat(line(r, "PEST_CONTROL", "FOREST").quantity()).isEqualByComparingTo("40000");
        assertThat(line(r, "PEST_CONTROL", "FOREST").value()).isEqualByComparingTo("15000000.00");
        // carbon: forest NEP 12 000 t C + grassland 0.5 t/hm² x 10 000 hm² = 5 000 t C -> 17 000 x 44/12 t CO2 x 380
        assertThat(line(r, "CARBON_SEQUESTRATION", "CO2").quantity()).isEqualByComparingTo("62333.3333");
        // flood: reservoir 0.35 x 1e8 m³; marsh 1e7 m² x 0.3 m
        assertThat(line(r, "FLOOD_REGULATION", "RESERVOIR").quantity()).isEqualByComparingTo("35000000");
        assertThat(line(r, "FLOOD_REGULATION", "MARSH").quantity()).isEqualByComparingTo("3000000");
        // recreation: 1e6 visits x (60 + 100 + 50) = 210 000 000
        assertThat(line(r, "RECREATION", "VISITS").value()).isEqualByComparingTo("210000000.00");
        assertThat(line(r, "RECREATION", "VISITS").unitPrice()).isEqualByComparingTo("210");
        // the categories add up to GEP and their shares to 1
        BigDecimal sum = r.categories().stream().map(GepResult.CategoryTotal::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(r.gep());
        BigDecimal lines = r.indicators().stream().flatMap(i -> i.lines().stream()).map(ValueLine::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines).isEqualByComparingTo(r.gep());
        assertThat(r.categories()).extracting(GepResult.CategoryTotal::category)
                .containsExactly(Category.PROVISIONING, Category.REGULATING, Category.CULTURAL);
    }

    @Test
    void missingInputsAreNamedOneByOne() {
        List<InputError> errors = errors(() -> compute(Map.of("WATER_CONSERVATION", byEcosystem(Map.of(
                "FOREST", Map.of("precipitation", a("1500", "mm")),
                "SHRUB", Map.of("precipitation", a("1500", "mm"), "evapotranspiration", a("700", "mm"), "runoffCoefficient", a("0.05", "1")))))));
        assertThat(errors).extracting(InputError::field).containsExactlyInAnyOrder(
                "indicators.WATER_CONSERVATION.byEcosystem.FOREST.evapotranspiration",
                "indicators.WATER_CONSERVATION.byEcosystem.FOREST.runoffCoefficient",
                "indicators.WATER_CONSERVATION.byEcosystem.SHRUB.area");
    }

    @Test
    void badAccountInputsAreAllReported() {
        AccountInputs in = new AccountInputs("330602", 1800, new BigDecimal("100"),
                Map.of("FOREST", a("90", "km²"), "WETLAND", a("20", "km²"), "LAKE", a("5", "km²"), "MOON", a("1", "km²"),
                        "SHRUB", a("-1", "km²")),
                a("800", "亿m³"), -5L, ProvisioningBasis.GROSS,
                Map.of("NO_SUCH", value(a("1", "元")), "FORESTRY", value(a("1", "亿m³"))),
                List.of(new AccountInputs.Deduction("WATER_SUPPLY", a("-1", "元"), "")));
        List<InputError> errors = errors(() -> engine.compute(in, ReferencePrices.book(), 2026));
        assertThat(errors).extracting(InputError::field).contains("year", "extent.MOON", "extent.SHRUB", "extent.LAKE", "extent",
                "outsideOrigin[0].indicator", "outsideOrigin[0].description", "outsideOrigin[0].value",
                "gdp", "population", "indicators.NO_SUCH", "indicators.FORESTRY.value");
    }

    @Test
    void aMissingPriceIsNamedWithItsKey() {
        List<InputError> errors = errors(() -> compute(Map.of("LANDSCAPE_VALUE", quantities(Map.of("FLOOR_AREA", a("100", "万m²"))))));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("priceSet.prices.HEDONIC_PREMIUM"));
        GepResult ok = engine.compute(account(Map.of("LANDSCAPE_VALUE", quantities(Map.of("FLOOR_AREA", a("100", "万m²"))))),
                ReferencePrices.book().withOverrides(List.of(new PriceEntry("HEDONIC_PREMIUM", new BigDecimal("120"), "元/m²", 2023, "survey"))),
                2026);
        assertThat(ok.gep()).isEqualByComparingTo("120000000.00");
    }

    @Test
    void aValueAndQuantitiesForTheSameIndicatorConflict() {
        IndicatorInput both = new IndicatorInput(a("1", "亿元"), null, Map.of("DOMESTIC", a("1", "m³")), null, null, null, null);
        assertThat(errors(() -> compute(Map.of("WATER_SUPPLY", both)))).extracting(InputError::field)
                .containsExactly("indicators.WATER_SUPPLY");
    }

    @Test
    void netProvisioningDeductsIntermediateConsumption() {
        IndicatorInput farm = new IndicatorInput(null, Map.of("OUTPUT_VALUE", a("10", "亿元"), "INTERMEDIATE_CONSUMPTION", a("4", "亿元")),
                null, null, null, null, null);
        AccountInputs net = new AccountInputs("330602", 2023, null, Map.of(), null, null, ProvisioningBasis.NET, Map.of("AGRICULTURE", farm), null);
        assertThat(engine.compute(net, ReferencePrices.book(), 2026).gep()).isEqualByComparingTo("600000000.00");
        AccountInputs gross = new AccountInputs("330602", 2023, null, Map.of(), null, null, ProvisioningBasis.GROSS, Map.of("AGRICULTURE", farm), null);
        assertThat(engine.compute(gross, ReferencePrices.book(), 2026).gep()).isEqualByComparingTo("1000000000.00");
        AccountInputs netWithout = new AccountInputs("330602", 2023, null, Map.of(), null, null, ProvisioningBasis.NET,
                Map.of("AGRICULTURE", value(a("10", "亿元"))), null);
        assertThat(errors(() -> engine.compute(netWithout, ReferencePrices.book(), 2026))).extracting(InputError::field)
                .containsExactly("indicators.AGRICULTURE.values.INTERMEDIATE_CONSUMPTION");
    }

    @Test
    void valuesFromOutsideTheUnitAreDeductedAsAnExplicitLine() {
        AccountInputs in = new AccountInputs("330602", 2023, null, Map.of(), null, null, null,
                Map.of("WATER_SUPPLY", quantities(Map.of("DOMESTIC", a("1", "亿m³")))),
                List.of(new AccountInputs.Deduction("WATER_SUPPLY", a("0.5", "亿元"), "water transferred in from the Qiantang")));
        GepResult r = engine.compute(in, ReferencePrices.book(), 2026);
        // 1e8 m³ x 2.6 = 2.6 亿元 of water supply, 0.5 亿元 of it from outside: GEP 2.1 亿元
        assertThat(r.categories().get(0).value()).isEqualByComparingTo("260000000.00");
        assertThat(r.deductions()).singleElement().satisfies(d -> assertThat(d.value()).isEqualByComparingTo("-50000000.00"));
        assertThat(r.gep()).isEqualByComparingTo("210000000.00");
    }

    @Test
    void unknownInputNamesAreRejected() {
        List<InputError> errors = errors(() -> compute(Map.of("WATER_CONSERVATION", byEcosystem(Map.of("FOREST",
                Map.of("precipitation", a("1", "mm"), "evapotranspiration", a("1", "mm"), "runoffCoefficient", a("0.1", "1"),
                        "rainfall", a("1", "mm")))))));
        assertThat(errors).extracting(InputError::field).containsExactly("indicators.WATER_CONSERVATION.byEcosystem.FOREST.rainfall");
    }

    private static ValueLine line(GepResult r, String indicator, String code) {
        return r.indicators().stream().filter(i -> i.code().equals(indicator)).findFirst().orElseThrow()
                .lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void pestControlCountsTheNaturalAreaThatNeededNoTreatment() {
        GepResult r = compute(Map.of("PEST_CONTROL", byEcosystem(Map.of(
                "FOREST", Map.of("naturalArea", a("30000", "hm²"), "treatedArea", a("1200", "hm²")),
                "GRASSLAND", Map.of("naturalArea", a("50", "km²"))))));
        IndicatorResult pest = r.indicators().get(0);
        assertThat(pest.level()).isEqualTo(InputLevel.BIOPHYSICAL);
        // forest: (30 000 − 1 200) hm² x 375 元/hm² = 10 800 000; grassland: 5 000 hm² x 112.5 = 562 500
        assertThat(line(r, "PEST_CONTROL", "FOREST").quantity()).isEqualByComparingTo("28800");
        assertThat(line(r, "PEST_CONTROL", "FOREST").value()).isEqualByComparingTo("10800000.00");
        assertThat(line(r, "PEST_CONTROL", "GRASSLAND").value()).isEqualByComparingTo("562500.00");
        assertThat(line(r, "PEST_CONTROL", "FOREST").valueByEcosystem()).containsOnlyKeys("FOREST");
        assertThat(pest.value()).isEqualByComparingTo("11362500.00");

        // more treated than natural, more natural forest than forest, a type without natural recovery, no natural area
        assertThat(errors(() -> compute(Map.of("PEST_CONTROL", byEcosystem(Map.of(
                "FOREST", Map.of("naturalArea", a("70000", "hm²")),
                "GRASSLAND", Map.of("naturalArea", a("10", "hm²"), "treatedArea", a("11", "hm²")),
                "LAKE", Map.of("naturalArea", a("1", "hm²"))))))))
                .extracting(InputError::field).containsExactlyInAnyOrder("indicators.PEST_CONTROL.byEcosystem.FOREST.naturalArea",
                        "indicators.PEST_CONTROL.byEcosystem.GRASSLAND.treatedArea", "indicators.PEST_CONTROL.byEcosystem.LAKE");
        assertThat(errors(() -> compute(Map.of("PEST_CONTROL", byEcosystem(Map.of("FOREST", Map.of("treatedArea", a("1", "hm²"))))))))
                .extracting(InputError::field).containsExactly("indicators.PEST_CONTROL.byEcosystem.FOREST.naturalArea");
    }

    @Test
    void landscapeValueIsFloorAreaTimesTheViewsPremiumPerResidentialArea() {
        IndicatorInput areas = new IndicatorInput(null, null, null, null, null, null, List.of(
                new Item("湖滨小区", "WETLAND", Map.of("floorArea", a("12", "万m²"), "premium", a("80", "元/m²"))),
                new Item("森林公园周边", "FOREST", Map.of("floorArea", a("30000", "m²")))));
        PriceEntry premium = new PriceEntry("HEDONIC_PREMIUM", new BigDecimal("40"), "元/m²", 2023, "test hedonic study");
        GepResult r = engine.compute(account(Map.of("LANDSCAPE_VALUE", areas)), ReferencePrices.book().withOverrides(List.of(premium)), 2026);
        // 120 000 m² x 80 + 30 000 m² x 40 = 9 600 000 + 1 200 000 = 10 800 000 元; 150 000 m² at 72 元/m² on average
        ValueLine l = line(r, "LANDSCAPE_VALUE", "FLOOR_AREA");
        assertThat(l.quantity()).isEqualByComparingTo("150000");
        assertThat(l.value()).isEqualByComparingTo("10800000.00");
        assertThat(l.unitPrice()).isEqualByComparingTo("72");
        assertThat(l.valueByEcosystem()).containsEntry("WETLAND", new BigDecimal("9600000.00")).containsEntry("FOREST", new BigDecimal("1200000.00"));

        // an area without its own premium needs the price set's; a view of a type the indicator has not; no floor area
        assertThat(errors(() -> compute(Map.of("LANDSCAPE_VALUE", new IndicatorInput(null, null, null, null, null, null, List.of(
                new Item("a", "DESERT", Map.of("floorArea", a("1", "m²"))), new Item("b", null, Map.of("premium", a("1", "元/m²")))))))))
                .extracting(InputError::field).containsExactlyInAnyOrder("priceSet.prices.HEDONIC_PREMIUM",
                        "indicators.LANDSCAPE_VALUE.items[0].kind", "indicators.LANDSCAPE_VALUE.items[1].inputs.floorArea");
        // a view of the wrong type is named once, even where the area would be valued
        assertThat(errors(() -> compute(Map.of("LANDSCAPE_VALUE", new IndicatorInput(null, null, null, null, null, null, List.of(
                new Item("a", "DESERT", Map.of("floorArea", a("1", "m²"), "premium", a("1", "元/m²")))))))))
                .extracting(InputError::field).containsExactly("indicators.LANDSCAPE_VALUE.items[0].kind");
    }
}
