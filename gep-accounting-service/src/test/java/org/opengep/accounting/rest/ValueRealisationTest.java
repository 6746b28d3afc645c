package org.opengep.accounting.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.accounting.rest.ApiTest.reader;
import static org.opengep.accounting.rest.OfficialGepTest.account;
import static org.opengep.accounting.rest.OfficialGepTest.publish;
import static org.opengep.testsupport.ApiRequests.number;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.client.TradingStub;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TradingStub.class)
class ValueRealisationTest {

    @Test
    void realisedTradeValueOfTheRegionAndEverythingUnderItOverItsOfficialGep() {
        publish(account("150302", 2011, "1", "2", "3"), "county"); // GEP 6 亿元
        publish(account("150300", 2011, "10", "20", "30"), "prefecture"); // GEP 60 亿元

        reader().queryParam("year", 2011).get("/api/v1/regions/150302/gep/realisation").then().statusCode(200)
                .body("gep", number("600000000.00")).body("realisedValue", number("3006000.00"))
                .body("rate", number("0.00501000"))
                .body("realisedByRightType.FOREST_CARBON_SINK", number("3000000.00"))
                .body("regionsOfOrigin", contains("150302")).body("resaleValue", number("1400.00"));
        // the prefecture counts both of its counties, and nothing from elsewhere
        reader().queryParam("year", 2011).get("/api/v1/regions/150300/gep/realisation").then().statusCode(200)
                .body("realisedValue", number("4006000.00")).body("rate", number("0.00066767"))
                .body("regionsOfOrigin", contains("150302", "150303"));
    }

    @Test
    void withoutAnOfficialFigureIs404AndWithoutTheTradingServiceIs503() {
        reader().queryParam("year", 2012).get("/api/v1/regions/150302/gep/realisation").then().statusCode(404)
                .contentType("application/problem+json");
        reader().queryParam("year", "x").get("/api/v1/regions/150302/gep/realisation").then().statusCode(400);
        publish(account("150303", 2011, "1", "1", "1"), "county");
        TradingStub.SERVICE.stop();
        try {
            reader().queryParam("year", 2011).get("/api/v1/regions/150303/gep/realisation").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://opengep.org/problems/trading-unavailable"));
        } finally {
            TradingStub.SERVICE.start();
        }
    }
}
