package org.opengep.registry.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.registry.rules.IssuanceRules.ProductFacts;
import org.opengep.registry.rules.IssuanceRules.Request;

class IssuanceRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static ProductFacts product(ProductType type, String unit, String verified, String issued, Set<RightType> earlier,
            Set<Pollutant> pollutants) {
        return new ProductFacts(type, ProductStatus.REGISTERED, unit, new BigDecimal(verified), new BigDecimal(issued), 2025, null, null,
                earlier, pollutants);
    }

    private static ProductFacts forest(String verified, String issued) {
        return product(ProductType.FOREST_CARBON_SINK, "tCO2e", verified, issued, Set.of(), Set.of());
    }

    private static Request request(RightType type, String quantity) {
        return new Request(type, null, new BigDecimal(quantity), null, null, null, null);
    }

    @Test
    void serialsCountUnitsOfTheRightsPrecision() {
        assertThat(IssuanceRules.plan(request(RightType.FOREST_CARBON_SINK, "1000"), forest("5000", "0"), TODAY).serials()).isEqualTo(1000);
        ProductFacts capacity = product(ProductType.ENVIRONMENTAL_CAPACITY, "t/a", "50", "0", Set.of(), Set.of());
        Request so2 = new Request(RightType.POLLUTANT_EMISSION_RIGHT, null, new BigDecimal("12.345"), null, Pollutant.SO2, null, null);
        var plan = IssuanceRules.plan(so2, capacity, TODAY);
        assertThat(plan.serials()).isEqualTo(12_345);
        assertThat(plan.validUntil()).isEqualTo(LocalDate.of(2031, 11, 22));
        assertThat(plan.vintage()).isEqualTo(2025);
    }

    @Test
    void quantitiesBeyondThePrecisionAreRejected() {
        assertThatThrownBy(() -> IssuanceRules.plan(request(RightType.FOREST_CARBON_SINK, "10.5"), forest("5000", "0"), TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("quantity").hasMessageContaining("0 decimal place");
        // trailing zeros are not extra precision
        assertThat(IssuanceRules.plan(request(RightType.FOREST_CARBON_SINK, "10.000"), forest("5000", "0"), TODAY).serials()).isEqualTo(10);
    }

    @Test
    void neverMoreThanTheVerifiedQuantity() {
        assertThat(IssuanceRules.plan(request(RightType.CCER, "4000"), forest("5000", "1000"), TODAY).serials()).isEqualTo(4000);
        assertThatThrownBy(() -> IssuanceRules.plan(request(RightType.CCER, "4001"), forest("5000", "1000"), TODAY))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.type()).isEqualTo("over-issuance");
                    assertThat(e.getMessage()).contains("4000 tCO2e remain");
                });
    }

    @Test
    void onlyTheRightsOfTheProductTypeInItsUnit() {
        assertThatThrownBy(() -> IssuanceRules.plan(request(RightType.WATER_RIGHT, "10"), forest("5000", "0"), TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("FOREST_CARBON_SINK products issue [CCER, FOREST_CARBON_SINK]");
        ProductFacts inKg = product(ProductType.ENVIRONMENTAL_CAPACITY, "kg/a", "50", "0", Set.of(), Set.of());
        Request so2 = new Request(RightType.POLLUTANT_EMISSION_RIGHT, null, BigDecimal.ONE, null, Pollutant.SO2, null, null);
        assertThatThrownBy(() -> IssuanceRules.plan(so2, inKg, TODAY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the product's quantity is in kg/a but POLLUTANT_EMISSION_RIGHT of SO2 is counted in t/a");
        Request lead = new Request(RightType.POLLUTANT_EMISSION_RIGHT, null, BigDecimal.ONE, null, Pollutant.PB, null, null);
        assertThat(IssuanceRules.plan(lead, inKg, TODAY).serials()).isEqualTo(1000);
    }

    @Test
    void pollutantsNeverMixAndCertificatesAreNotAlsoCredits() {
        ProductFacts so2Issued = product(ProductType.ENVIRONMENTAL_CAPACITY, "t/a", "50", "10", Set.of(RightType.POLLUTANT_EMISSION_RIGHT),
                Set.of(Pollutant.SO2));
        Request nox = new Request(RightType.POLLUTANT_EMISSION_RIGHT, null, BigDecimal.ONE, null, Pollutant.NOX, null, null);
        assertThatThrownBy(() -> IssuanceRules.plan(nox, so2Issued, TODAY))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("pollutant-mismatch"));
        Request none = new Request(RightType.POLLUTANT_EMISSION_RIGHT, null, BigDecimal.ONE, null, null, null, null);
        assertThatThrownBy(() -> IssuanceRules.plan(none, so2Issued, TODAY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pollutant");

        ProductFacts solar = product(ProductType.RENEWABLE_ENERGY, "MWh", "100", "10", Set.of(RightType.GREEN_POWER_CERTIFICATE), Set.of());
        var gec = IssuanceRules.plan(request(RightType.GREEN_POWER_CERTIFICATE, "10"), solar, TODAY);
        assertThat(gec.validUntil()).isEqualTo(LocalDate.of(2028, 11, 22));
        ProductFacts sinkWithCertificates = product(ProductType.FOREST_CARBON_SINK, "tCO2e", "100", "0", Set.of(RightType.GREEN_POWER_CERTIFICATE), Set.of());
        assertThatThrownBy(() -> IssuanceRules.plan(request(RightType.CCER, "10"), sinkWithCertificates, TODAY))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("double-counting"));
    }

    @Test
    void validityRules() {
        ProductFacts water = product(ProductType.WATER_RESOURCE, "m³", "1000000", "0", Set.of(), Set.of());
        Request permitWithoutEnd = new Request(RightType.WATER_RIGHT, null, BigDecimal.TEN, WaterRightKind.WITHDRAWAL_PERMIT, null, null, null);
        assertThatThrownBy(() -> IssuanceRules.plan(permitWithoutEnd, water, TODAY)).hasMessageContaining("validUntil");
        Request noKind = new Request(RightType.WATER_RIGHT, null, BigDecimal.TEN, null, null, null, null);
        assertThatThrownBy(() -> IssuanceRules.plan(noKind, water, TODAY)).hasMessageContaining("waterRightKind");
        ProductFacts capacity = product(ProductType.ENVIRONMENTAL_CAPACITY, "t/a", "50", "0", Set.of(), Set.of());
        Request sixYears = new Request(RightType.POLLUTANT_EMISSION_RIGHT, null, BigDecimal.ONE, null, Pollutant.COD, null, TODAY.plusYears(6));
        assertThatThrownBy(() -> IssuanceRules.plan(sixYears, capacity, TODAY)).hasMessageContaining("at most 5 years");
        Request past = new Request(RightType.POLLUTANT_EMISSION_RIGHT, null, BigDecimal.ONE, null, Pollutant.COD, null, TODAY);
        assertThatThrownBy(() -> IssuanceRules.plan(past, capacity, TODAY)).hasMessageContaining("must be after today");
    }

    @Test
    void onlyRegisteredProductsIssue() {
        ProductFacts suspended = new ProductFacts(ProductType.FOREST_CARBON_SINK, ProductStatus.SUSPENDED, "tCO2e", BigDecimal.TEN,
                BigDecimal.ZERO, 2025, null, null, Set.of(), Set.of());
        assertThatThrownBy(() -> IssuanceRules.plan(request(RightType.CCER, "1"), suspended, TODAY))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("product-not-registered"));
    }

    @Test
    void vintageIsTheProductsOrAYearOfItsPeriod() {
        ProductFacts period = new ProductFacts(ProductType.FOREST_CARBON_SINK, ProductStatus.REGISTERED, "tCO2e", BigDecimal.TEN,
                BigDecimal.ZERO, null, LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31), Set.of(), Set.of());
        Request in2022 = new Request(RightType.CCER, 2022, BigDecimal.ONE, null, null, null, null);
        assertThat(IssuanceRules.plan(in2022, period, TODAY).vintage()).isEqualTo(2022);
        Request in2024 = new Request(RightType.CCER, 2024, BigDecimal.ONE, null, null, null, null);
        assertThatThrownBy(() -> IssuanceRules.plan(in2024, period, TODAY)).hasMessageContaining("outside the product's period");
        Request other = new Request(RightType.CCER, 2024, BigDecimal.ONE, null, null, null, null);
        assertThatThrownBy(() -> IssuanceRules.plan(other, forest("10", "0"), TODAY)).hasMessageContaining("the product's vintage is 2025");
    }
}
