package org.opengep.accounting.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.DatabaseState;
import org.opengep.testsupport.HostileInputs;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.testsupport.TestTokens;

/** Every operation of the accounting service's document, sent what an outside tester sends: refused, nothing changed. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HostileInputTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyOperationRefusesHostileInputAndChangesNothing() {
        HostileInputs.forServedDocument()
                .token(TestTokens.token("hostile", Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER, Roles.Accounting.READER))
                .body("computeAccount", GepAccountResource.EXAMPLE)
                .body("startAccountJob", "[" + GepAccountResource.EXAMPLE + "]")
                .body("publishAccount", Map.of("reason", "县政府常务会议审定"))
                .body("createPriceSet", PriceSetResource.EXAMPLE)
                .body("replacePriceSet", PriceSetResource.EXAMPLE)
                .body("setPriceIndexYears", List.of(Map.of("year", 2020, "value", 1.05, "source", "统计年鉴")))
                .body("createRegion", Map.of("code", "XIN-AN-RIVER", "name", "新安江流域", "level", "WATERSHED", "parentCode", "341000",
                        "areaKm2", 5856.2, "areaSource", "流域规划"))
                .body("setRegionArea", Map.of("areaKm2", 1997.47, "source", "深圳市统计年鉴2021"))
                .body("createCompensationScheme", CompensationSchemeResource.VERTICAL_EXAMPLE)
                .body("createRegionalDataset", Map.of("name", "用水量", "year", 2020, "unit", "万m³", "source", "水资源公报",
                        "values", Map.of("440300", 1200)))
                .body("allocateCompensation", Map.of("year", 2020, "parentCode", "440300", "amount", Map.of("value", 5000, "unit", "万元")))
                .body("publishCompensationAllocation", Map.of("reason", "市政府审定"))
                .body("recordExtentChanges", Map.of("fromYear", 2020, "toYear", 2023, "source", "国土变更调查", "changes",
                        List.of(Map.of("from", "FOREST", "to", "URBAN", "area", Map.of("value", 2, "unit", "km²")))))
                .pathValue("regionCode", "440300")
                .pathValue("code", "440300")
                .pathValue("family", "CONSTRUCTION")
                .state(DatabaseState.of(dataSource))
                .assertAllRefused();
    }
}
