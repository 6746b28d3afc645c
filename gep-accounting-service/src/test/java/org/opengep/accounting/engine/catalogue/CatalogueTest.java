package org.opengep.accounting.engine.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.model.Models;
import org.opengep.accounting.engine.price.PriceKeys;
import org.opengep.accounting.engine.unit.Unit;

/** The shipped catalogues are consistent with the code that reads them. */
class CatalogueTest {

    private final List<IndicatorCatalogue> catalogues = CatalogueLoader.loadAll();

    @Test
    void everyIndicatorOfSection2IsThere() {
        IndicatorCatalogue mee = catalogues.get(0);
        assertThat(mee.indicators()).extracting(Indicator::code).contains("AGRICULTURE", "FORESTRY", "ANIMAL_HUSBANDRY", "FISHERY",
                "WATER_SUPPLY", "ECO_ENERGY", "OTHER_PRODUCTS", "WATER_CONSERVATION", "SOIL_RETENTION", "SAND_FIXATION",
                "FLOOD_REGULATION", "AIR_PURIFICATION", "WATER_PURIFICATION", "CARBON_SEQUESTRATION", "OXYGEN_RELEASE",
                "CLIMATE_REGULATION", "PEST_CONTROL", "COASTAL_PROTECTION", "NOISE_REDUCTION", "NEGATIVE_IONS", "RECREATION",
                "LANDSCAPE_VALUE");
        assertThat(mee.indicators()).allSatisfy(i -> {
            assertThat(i.nameZh()).isNotBlank();
            assertThat(i.nameEn()).isNotBlank();
            assertThat(i.valuationMethod()).isNotBlank();
        });
    }

    @Test
    void everyIndicatorHasAFormulaKnownUnitsAndPriceKeys() {
        for (IndicatorCatalogue catalogue : catalogues) {
            for (Indicator i : catalogue.indicators()) {
                assertThatCode(() -> Models.forIndicator(i)).as(i.code()).doesNotThrowAnyException();
                i.inputs().forEach(in -> assertThat(Unit.parse(in.unit())).as(i.code() + "." + in.name()).isPresent());
                i.quantities().forEach(q -> assertThat(Unit.parse(q.unit())).as(i.code() + "." + q.code()).isPresent());
                i.lines().stream().filter(l -> l.price() != null)
                        .forEach(l -> assertThat(PriceKeys.expectedUnit(l.price(), catalogue)).as(l.price()).isPresent());
                i.ecosystemTypes().forEach(t -> assertThat(catalogue.ecosystemType(t)).as(i.code() + " " + t).isPresent());
            }
        }
    }
}
