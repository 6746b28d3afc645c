package org.opengep.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opengep.registry.rest.Fixtures.create;
import static org.opengep.registry.rest.Fixtures.forestSink;
import static org.opengep.registry.rest.Fixtures.holder;
import static org.opengep.registry.rest.Fixtures.newHolder;
import static org.opengep.registry.rest.Fixtures.reader;
import static org.opengep.registry.rest.Fixtures.registrar;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
class ProductSearchTest {

    private static List<String> ids(io.restassured.specification.RequestSpecification who, Map<String, Object> query) {
        return who.queryParams(query).queryParam("limit", 1000).get("/api/v1/products").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    @Test
    void byRegionIncludingEveryRegionUnderIt() {
        String holderId = newHolder();
        Map<String, Object> jinyun = forestSink(holderId, "10", 2019);
        jinyun.put("regionCode", "331122");
        Map<String, Object> yuhang = forestSink(holderId, "10", 2019);
        yuhang.put("regionCode", "330110");
        Map<String, Object> futian = forestSink(holderId, "10", 2019);
        futian.put("regionCode", "440304");
        String inJinyun = Fixtures.registered(jinyun);
        String inYuhang = Fixtures.registered(yuhang);
        String inFutian = Fixtures.registered(futian);
        Map<String, Object> byHolder = Map.of("holder", holderId);
        assertThat(ids(reader(), Map.of("holder", holderId, "region", "331100"))).containsExactly(inJinyun);
        assertThat(ids(reader(), Map.of("holder", holderId, "region", "330000"))).containsExactly(inJinyun, inYuhang);
        assertThat(ids(reader(), Map.of("holder", holderId, "region", "440304"))).containsExactly(inFutian);
        assertThat(ids(reader(), byHolder)).containsExactly(inJinyun, inYuhang, inFutian);
        assertThat(ids(reader(), Map.of("holder", holderId, "vintage", 2019, "status", "REGISTERED", "category", "REGULATING",
                "type", "FOREST_CARBON_SINK"))).hasSize(3);
        assertThat(ids(reader(), Map.of("holder", holderId, "vintage", 2018))).isEmpty();
        assertThat(ids(reader(), Map.of("holder", holderId, "type", "WATER_RESOURCE"))).isEmpty();
    }

    @Test
    void draftsAreSeenByRegistrarsAndTheirHolderOnly() {
        String holderId = newHolder();
        String draft = create(forestSink(holderId, "10", 2020));
        String otherDraft = create(forestSink(newHolder(), "10", 2020));
        assertThat(ids(reader(), Map.of("holder", holderId))).isEmpty();
        assertThat(ids(registrar(), Map.of("holder", holderId))).containsExactly(draft);
        assertThat(ids(holder(holderId), Map.of())).containsExactly(draft);
        assertThat(ids(holder(holderId), Map.of("status", "DRAFT"))).doesNotContain(otherDraft);
    }

    @Test
    void theCursorStaysStableWhileProductsAreAdded() {
        String holderId = newHolder();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(forestSink(holderId, "10", 2021)));
        }
        var first = registrar().queryParam("holder", holderId).queryParam("limit", 2).get("/api/v1/products").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactlyElementsOf(created.subList(0, 2));
        // products registered meanwhile come after every page already read
        String added = create(forestSink(holderId, "10", 2021));
        List<String> rest = new ArrayList<>();
        long after = first.getLong("next");
        while (true) {
            var page = registrar().queryParam("holder", holderId).queryParam("limit", 2).queryParam("after", after)
                    .get("/api/v1/products").then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id", String.class);
            if (items.isEmpty()) {
                assertThat(page.getLong("next")).isEqualTo(after);
                break;
            }
            rest.addAll(items);
            after = page.getLong("next");
        }
        List<String> expected = new ArrayList<>(created.subList(2, 5));
        expected.add(added);
        assertThat(rest).containsExactlyElementsOf(expected);
    }

    @Test
    void unknownOrMalformedFiltersAre400() {
        reader().queryParam("colour", "green").get("/api/v1/products").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        reader().queryParam("status", "ALIVE").get("/api/v1/products").then().statusCode(400).body("errors[0].field", equalTo("status"));
        reader().queryParam("category", "regulating").get("/api/v1/products").then().statusCode(400).body("errors[0].field", equalTo("category"));
        reader().queryParam("holder", "me").get("/api/v1/products").then().statusCode(400).body("errors[0].field", equalTo("holder"));
        reader().queryParam("vintage", "recent").get("/api/v1/products").then().statusCode(400).body("errors[0].field", equalTo("vintage"));
        reader().queryParam("limit", 5000).get("/api/v1/products").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
