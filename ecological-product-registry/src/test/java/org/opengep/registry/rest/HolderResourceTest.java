package org.opengep.registry.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.opengep.registry.rest.Fixtures.holder;
import static org.opengep.registry.rest.Fixtures.newHolder;
import static org.opengep.registry.rest.Fixtures.newUscc;
import static org.opengep.registry.rest.Fixtures.reader;
import static org.opengep.registry.rest.Fixtures.registrar;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
class HolderResourceTest {

    @Test
    void organisationsRegisterOnceByTheirCreditCode() {
        String uscc = newUscc();
        String id = registrar().body(Map.of("kind", "ORGANISATION", "name", "缙云县国有林场", "uscc", uscc.toLowerCase()))
                .post("/api/v1/holders").then().statusCode(201).header("Location", startsWith("http"))
                .body("uscc", equalTo(uscc)).body("status", equalTo("ACTIVE")).extract().path("id");
        registrar().body(Map.of("kind", "ORGANISATION", "name", "缙云县国有林场（重复）", "uscc", uscc))
                .post("/api/v1/holders").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://opengep.org/problems/holder-exists")).body("detail", org.hamcrest.Matchers.containsString(id));
        reader().queryParam("uscc", uscc).get("/api/v1/holders").then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void theSameCodeRegisteredConcurrentlyMakesOneAccount() throws Exception {
        String uscc = newUscc();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Integer> register = () -> registrar().body(Map.of("kind", "ORGANISATION", "name", "并发合作社", "uscc", uscc))
                    .post("/api/v1/holders").statusCode();
            results.add(pool.submit(register));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> r : results) {
            statuses.add(r.get());
        }
        pool.shutdown();
        org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void malformedCodesAreNamedInTheProblem() {
        registrar().body(Map.of("kind", "ORGANISATION", "name", "错码公司", "uscc", "91350100M000100Y44"))
                .post("/api/v1/holders").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://opengep.org/problems/invalid-input"))
                .body("errors[0].field", equalTo("uscc")).body("errors[0].message", startsWith("check character is '4'"));
        registrar().body(Map.of("kind", "INDIVIDUAL", "name", "张三", "citizenId", "110105194912310021", "uscc", newUscc()))
                .post("/api/v1/holders").then().statusCode(400)
                .body("errors.field", hasItem("citizenId")).body("errors.field", hasItem("uscc"));
        registrar().body(Map.of("name", "无类型")).post("/api/v1/holders").then().statusCode(400).body("errors.field", hasItem("kind"));
        registrar().body("{\"kind\":\"COMPANY\",\"name\":\"x\"}").post("/api/v1/holders").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void individualsAreMaskedToAllButRegistrarsAndSeeTheirOwnHolder() {
        String citizenId = "440524188001010014";
        String id = registrar().body(Map.of("kind", "INDIVIDUAL", "name", "李四", "citizenId", citizenId))
                .post("/api/v1/holders").then().statusCode(201).body("citizenId", equalTo(citizenId)).extract().path("id");
        reader().get("/api/v1/holders/" + id).then().statusCode(200).body("citizenId", equalTo("440524********0014"));
        holder(id).get("/api/v1/holders/" + id).then().statusCode(200).body("name", equalTo("李四"));
        holder(id).get("/api/v1/holders/" + newHolder()).then().statusCode(404);
    }

    @Test
    void suspensionNeedsAReason() {
        String id = newHolder();
        registrar().body(Map.of("status", "SUSPENDED")).put("/api/v1/holders/" + id + "/status").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        registrar().body(Map.of("status", "SUSPENDED", "reason", "营业执照吊销")).put("/api/v1/holders/" + id + "/status").then()
                .statusCode(200).body("status", equalTo("SUSPENDED")).body("statusReason", equalTo("营业执照吊销"));
        registrar().body(Map.of("status", "ACTIVE")).put("/api/v1/holders/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void listsPageWithACursor() {
        for (int i = 0; i < 3; i++) {
            newHolder();
        }
        var first = reader().queryParam("limit", 2).get("/api/v1/holders").then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        long next = first.getLong("next");
        long after = reader().queryParam("limit", 2).queryParam("after", next).get("/api/v1/holders").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].number");
        org.assertj.core.api.Assertions.assertThat(after).isGreaterThan(next);
        reader().queryParam("limit", 0).get("/api/v1/holders").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        reader().queryParam("after", "x").get("/api/v1/holders").then().statusCode(400).body("errors[0].field", equalTo("after"));
        reader().queryParam("sort", "name").get("/api/v1/holders").then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }
}
