package org.opengep.accounting.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The requests of a rolled-back warm-up job: the bundled inputs under every unit's code, each number scaled of its own. */
class RolledBackJobRequestsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyUnitGetsTheBundledInputsScaledDownByFactorsOfItsOwn() throws Exception {
        JsonNode bundled = json.readTree("""
                {"regionCode": "110101", "year": 2023, "population": 1000, "gdp": {"value": 100.5, "unit": "亿元"},
                 "priceOverrides": [{"key": "HEDONIC_PREMIUM", "value": 50, "priceYear": 2023}],
                 "indicators": {"WATER_CONSERVATION": {"byEcosystem": {"FOREST": {"runoffCoefficient": 1.0}}}}}""");
        List<String> codes = List.of("110101", "110102", "110105", "110106");

        List<JsonNode> requests = new ArrayList<>();
        for (byte[] request : RolledBackJob.requestsFor(json, List.of(bundled), codes)) {
            requests.add(json.readTree(request));
        }

        List<BigDecimal> gdps = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            JsonNode request = requests.get(i);
            assertThat(request.path("regionCode").asText()).isEqualTo(codes.get(i));
            assertThat(request.path("year").asInt()).as("years are not inputs to vary").isEqualTo(2023);
            assertThat(request.path("priceOverrides").path(0).path("priceYear").asInt()).isEqualTo(2023);
            assertThat(request.path("priceOverrides").path(0).path("key").asText()).isEqualTo("HEDONIC_PREMIUM");
            assertThat(request.path("population").isIntegralNumber()).as("a whole number stays whole").isTrue();
            assertThat(request.path("population").asLong()).isBetween(900L, 1000L);
            BigDecimal gdp = request.path("gdp").path("value").decimalValue();
            assertThat(gdp).isBetween(new BigDecimal("90.45"), new BigDecimal("100.5"));
            assertThat(request.path("gdp").path("unit").asText()).isEqualTo("亿元");
            assertThat(request.at("/indicators/WATER_CONSERVATION/byEcosystem/FOREST/runoffCoefficient").decimalValue())
                    .as("a fraction stays at most 1").isBetween(new BigDecimal("0.9"), BigDecimal.ONE);
            gdps.add(gdp);
        }
        assertThat(gdps).as("each unit's numbers differ").doesNotHaveDuplicates();
        assertThat(json.readTree(RolledBackJob.requestsFor(json, List.of(bundled), codes).get(1)))
                .as("a unit's request is the same at every start").isEqualTo(requests.get(1));
    }
}
