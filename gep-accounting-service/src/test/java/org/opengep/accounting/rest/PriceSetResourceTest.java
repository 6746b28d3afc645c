package org.opengep.accounting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.opengep.accounting.rest.ApiTest.accountant;
import static org.opengep.accounting.rest.ApiTest.reader;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PriceSetResourceTest {

    private static String electricity(String value) {
        return """
                {"name": "race", "prices": [
                  {"key": "ELECTRICITY_PRICE", "value": %s, "unit": "元/kWh", "priceYear": 2023, "source": "test"}]}""".formatted(value);
    }

    @Test
    void theBuiltInSetCarriesTheReferenceTableWithYearsAndSources() {
        reader().get("/api/v1/price-sets/00000000-0000-0000-0000-000000002010").then().statusCode(200)
                .body("builtin", equalTo(true))
                .body("prices.find { it.key == 'RESERVOIR_STORAGE_COST' }.value", equalTo(new java.math.BigDecimal("7.06")))
                .body("prices.find { it.key == 'RESERVOIR_STORAGE_COST' }.priceYear", equalTo(2010))
                .body("parameters.find { it.key == 'SILTATION_COEFFICIENT' }.value", equalTo(new java.math.BigDecimal("0.24")));
        accountant().body(electricity("1")).put("/api/v1/price-sets/00000000-0000-0000-0000-000000002010")
                .then().statusCode(409);
    }

    @Test
    void aSetWithTheSameNameBecomesItsNextVersion() {
        accountant().body(electricity("0.6").replace("race", "versioned")).post("/api/v1/price-sets").then().statusCode(201)
                .body("version", equalTo(1));
        accountant().body(electricity("0.7").replace("race", "versioned")).post("/api/v1/price-sets").then().statusCode(201)
                .body("version", equalTo(2));
    }

    @Test
    void invalidEntriesAreNamed() {
        accountant().body("""
                {"name": "bad", "prices": [
                  {"key": "ELECTRICITY_PRICE", "value": 0.5, "unit": "元/m³", "priceYear": 2023, "source": "x"},
                  {"key": "UNICORN_PRICE", "value": 1, "unit": "元/t", "priceYear": 2023, "source": "x"},
                  {"key": "CARBON_PRICE", "value": -1, "unit": "元/t", "priceYear": 1700, "source": ""}],
                 "parameters": [{"key": "SOIL_BULK_DENSITY", "value": 1.2, "unit": "t", "source": "x"}]}""")
                .post("/api/v1/price-sets").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("prices[0].unit", "prices[1].key", "prices[2].value", "prices[2].priceYear",
                        "prices[2].source", "parameters[0].unit"));
    }

    /**
     * Accounts and replacements of the same set race; whatever the interleaving, every account must show the
     * prices the set holds in the end (a replacement either happens before all accounts or is refused).
     */
    @Test
    void aSetCannotChangeUnderAccountsThatUseIt() throws Exception {
        String id = accountant().body(electricity("0.5")).post("/api/v1/price-sets").then().statusCode(201).extract().path("id");
        String account = """
                {"regionCode": "330602", "year": 2023, "priceSetId": "%s",
                 "indicators": {"ECO_ENERGY": {"quantities": {"HYDROPOWER": {"value": 1, "unit": "亿kWh"}}}}}""".formatted(id);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> accountant().body(account).post("/api/v1/gep-accounts").statusCode());
            String price = "0." + (6 + i % 4);
            tasks.add(() -> accountant().body(electricity(price)).put("/api/v1/price-sets/" + id).statusCode());
        }
        Set<Integer> statuses = new HashSet<>();
        List<String> accountPrices = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(tasks)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).isSubsetOf(201, 200, 409);
        JsonPath set = reader().get("/api/v1/price-sets/" + id).then().extract().jsonPath();
        assertThat(set.getBoolean("inUse")).isTrue();
        String finalPrice = set.getString("prices.find { it.key == 'ELECTRICITY_PRICE' }.value");
        // every stored account was valued with the final price
        List<String> ids = org.opengep.accounting.domain.GepAccount.<org.opengep.accounting.domain.GepAccount>list("priceSetId",
                java.util.UUID.fromString(id)).stream().map(a -> a.id.toString()).toList();
        assertThat(ids).hasSize(16);
        for (String accountId : ids) {
            accountPrices.add(accountant().get("/api/v1/gep-accounts/" + accountId).then().extract()
                    .path("result.indicators[0].lines[0].unitPrice").toString());
        }
        assertThat(accountPrices).allSatisfy(p -> assertThat(p).isEqualTo(finalPrice));
    }
}
