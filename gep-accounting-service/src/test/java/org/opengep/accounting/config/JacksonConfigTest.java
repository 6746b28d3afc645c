package org.opengep.accounting.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.account.IndicatorInput;
import org.opengep.common.json.JsonRules;

class JacksonConfigTest {

    private final ObjectMapper mapper = new ObjectMapper();

    {
        new JsonRules().customize(mapper);
        new JacksonConfig().customize(mapper);
    }

    @Test
    void amountsAreObjectsWithUnitsOrBareNumbers() throws Exception {
        IndicatorInput in = mapper.readValue("""
                {"value": {"value": 1.10, "unit": "亿元"}, "byEcosystem": {"FOREST": {"runoffCoefficient": 0.05}}}""",
                IndicatorInput.class);
        assertThat(in.value().value()).isEqualByComparingTo("1.10");
        assertThat(in.value().unit()).isEqualTo("亿元");
        assertThat(in.byEcosystem().get("FOREST").get("runoffCoefficient").value()).isEqualByComparingTo("0.05");
        assertThat(in.byEcosystem().get("FOREST").get("runoffCoefficient").unit()).isEqualTo("1");
    }

    /** Each form's deserializer is looked up once per mapper: the second reading must apply the same rules as the first. */
    @Test
    void bothFormsReadAlikeEveryTimeAndKeepEveryDigit() throws Exception {
        for (int reading = 0; reading < 2; reading++) {
            IndicatorInput in = mapper.readValue("""
                    {"value": {"value": 1.100, "unit": "亿元"}, "byEcosystem": {"FOREST": {"runoffCoefficient": 0.050}}}""",
                    IndicatorInput.class);
            assertThat(in.value().value()).hasToString("1.100");
            assertThat(in.byEcosystem().get("FOREST").get("runoffCoefficient").value()).hasToString("0.050");
            assertThatThrownBy(() -> mapper.readValue("{\"value\": {\"value\": \"1\", \"unit\": \"元\"}}", IndicatorInput.class))
                    .hasMessageContaining("BigDecimal");
        }
    }

    @Test
    void unknownFieldsInAnAmountAreRejected() {
        assertThatThrownBy(() -> mapper.readValue("{\"value\": {\"value\": 1, \"unit\": \"元\", \"depth\": 2}}", IndicatorInput.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}
