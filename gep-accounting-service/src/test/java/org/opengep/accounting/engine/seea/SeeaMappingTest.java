package org.opengep.accounting.engine.seea;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.catalogue.CatalogueLoader;
import org.opengep.accounting.engine.catalogue.EcosystemType;
import org.opengep.accounting.engine.catalogue.Indicator;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;

class SeeaMappingTest {

    private static SeeaMapping mapping() throws Exception {
        try (InputStream in = SeeaMappingTest.class.getResourceAsStream("/seea/seea-ea-mapping.json")) {
            return new ObjectMapper().readValue(in, SeeaMapping.class);
        }
    }

    /** Every indicator and ecosystem type of the catalogue has its SEEA EA service and IUCN GET group. */
    @Test
    void everyIndicatorAndEcosystemTypeOfTheCatalogueIsMapped() throws Exception {
        SeeaMapping m = mapping();
        IndicatorCatalogue catalogue = CatalogueLoader.loadAll().stream().filter(c -> c.method().code().equals("MEE-2020")).findFirst().orElseThrow();
        for (Indicator i : catalogue.indicators()) {
            assertThat(m.service(i.code())).as(i.code()).isNotEqualTo(SeeaMapping.UNMAPPED_SERVICE);
            assertThat(m.service(i.code()).section()).as(i.code()).isIn("Provisioning services", "Regulating and maintenance services",
                    "Cultural services");
        }
        for (EcosystemType t : catalogue.ecosystemTypes()) {
            assertThat(m.ecosystemType(t.code(), "330000")).as(t.code()).isNotEqualTo(SeeaMapping.UNMAPPED_TYPE);
        }
    }

    /** Forest south of the Qinling–Huaihe line is tropical-subtropical (T1), north of it temperate-boreal (T2). */
    @Test
    void forestIsT1InTheSouthAndT2InTheNorth() throws Exception {
        SeeaMapping m = mapping();
        assertThat(m.ecosystemType("FOREST", "330602").code()).isEqualTo("T1");
        assertThat(m.ecosystemType("FOREST", "460100").code()).isEqualTo("T1");
        assertThat(m.ecosystemType("FOREST", "230100").code()).isEqualTo("T2");
        assertThat(m.ecosystemType("FOREST", "150000").code()).isEqualTo("T2");
        assertThat(m.ecosystemType("LAKE", "230100").code()).isEqualTo("F2");
    }
}
