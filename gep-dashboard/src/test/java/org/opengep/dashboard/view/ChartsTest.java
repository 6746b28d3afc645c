package org.opengep.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void aNameCannotCloseTheScriptElementTheChartLivesIn() {
        String json = Charts.json(Charts.bars("亿元", List.of("</script><script>alert(1)</script>", "A&B"), List.of(BigDecimal.ONE, BigDecimal.TEN)));
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .contains("\\u003c/script\\u003e").contains("A\\u0026B").contains("\"kind\":\"bars\"");
    }

    @Test
    void aTreemapNestsIndicatorsUnderTheirCategory() {
        String json = Charts.json(Charts.treemap("亿元", List.of(new Charts.Node("调节服务", new BigDecimal("70.78"),
                List.of(new Charts.Node("水源涵养", new BigDecimal("19.54"), List.of()))))));
        assertThat(json).contains("\"nodes\":[{\"name\":\"调节服务\",\"value\":70.78,\"children\":[{\"name\":\"水源涵养\",\"value\":19.54,\"children\":[]}]}]");
    }
}
