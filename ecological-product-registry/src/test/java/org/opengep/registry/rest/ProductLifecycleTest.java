package org.opengep.registry.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.opengep.registry.rest.Fixtures.create;
import static org.opengep.registry.rest.Fixtures.forestSink;
import static org.opengep.registry.rest.Fixtures.holder;
import static org.opengep.registry.rest.Fixtures.move;
import static org.opengep.registry.rest.Fixtures.newHolder;
import static org.opengep.registry.rest.Fixtures.reader;
import static org.opengep.registry.rest.Fixtures.registrar;
import static org.opengep.registry.rest.Fixtures.verifier;
import static org.opengep.testsupport.ApiRequests.number;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengep.common.security.Roles;
import org.opengep.registry.client.AccountingStubResource;
import org.opengep.testsupport.ApiRequests;
import org.opengep.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AccountingStubResource.class)
class ProductLifecycleTest {

    @Test
    void aSecondPersonVerifiesWhatTheFirstSubmitted() {
        String holderId = newHolder();
        String id = create(forestSink(holderId, "12000", 2023));
        reader().get("/api/v1/products/" + id).then().statusCode(404); // drafts are not in the public catalogue
        holder(holderId).get("/api/v1/products/" + id).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("category", equalTo("REGULATING")).body("indicator", equalTo("CARBON_SEQUESTRATION"))
                .body("regionName", equalTo("龙泉市"));

        move(registrar(), id, "SUBMITTED");
        // the registrar who submitted also holds the verifier role: still not allowed to verify their own submission
        RequestSpecification sameRegistrarAsVerifier = ApiRequests.asUser("registrar-li", Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER);
        sameRegistrarAsVerifier.body(Map.of("to", "VERIFIED")).post("/api/v1/products/" + id + "/transitions").then()
                .statusCode(403).contentType("application/problem+json").body("type", equalTo("https://opengep.org/problems/maker-checker"));
        registrar("registrar-zhao").body(Map.of("to", "VERIFIED")).post("/api/v1/products/" + id + "/transitions").then()
                .statusCode(403).body("detail", containsString("only a verifier"));
        verifier().body(Map.of("to", "VERIFIED", "verifiedQuantity", 12001)).post("/api/v1/products/" + id + "/transitions")
                .then().statusCode(409).body("type", equalTo("https://opengep.org/problems/verified-exceeds-declared"));
        verifier().body(Map.of("to", "VERIFIED", "verifiedQuantity", 11500, "reason", "扣除10%缓冲"))
                .post("/api/v1/products/" + id + "/transitions").then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("verifiedQuantity", number("11500"))
                .body("verifiedBy", equalTo("verifier-wang")).body("submittedBy", equalTo("registrar-li"));
        move(registrar(), id, "REGISTERED");
        reader().get("/api/v1/products/" + id).then().statusCode(200).body("status", equalTo("REGISTERED"));

        reader().get("/api/v1/products/" + id + "/transitions").then().statusCode(200).body("to", contains("SUBMITTED", "VERIFIED", "REGISTERED"))
                .body("actor", contains("registrar-li", "verifier-wang", "registrar-li")).body("[1].reason", equalTo("扣除10%缓冲"));
    }

    @Test
    void illegalMovesAre409AndChangeNothing() {
        String id = create(forestSink(newHolder(), "100", 2023));
        registrar().body(Map.of("to", "REGISTERED")).post("/api/v1/products/" + id + "/transitions").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/illegal-transition"))
                .body("detail", equalTo("a DRAFT product can move to [SUBMITTED], not to REGISTERED"));
        verifier().body(Map.of("to", "VERIFIED")).post("/api/v1/products/" + id + "/transitions").then().statusCode(409);
        move(registrar(), id, "SUBMITTED");
        verifier().body(Map.of("to", "REJECTED")).post("/api/v1/products/" + id + "/transitions").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        verifier().body(Map.of("to", "REJECTED", "reason", "边界与林权证不符")).post("/api/v1/products/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("statusReason", equalTo("边界与林权证不符"));
        registrar().body(Map.of("to", "SUBMITTED")).post("/api/v1/products/" + id + "/transitions").then().statusCode(409)
                .body("detail", containsString("a REJECTED product can move to []"));
        registrar().body(Map.of("to", "LOST")).post("/api/v1/products/" + id + "/transitions").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        reader().get("/api/v1/products/" + id + "/transitions").then().body("to", contains("SUBMITTED", "REJECTED"));
    }

    @Test
    void registeredProductsAreSuspendedReinstatedAndRetired() {
        String id = Fixtures.registered(forestSink(newHolder(), "100", 2023));
        registrar().body(Map.of("to", "SUSPENDED", "reason", "林权争议")).post("/api/v1/products/" + id + "/transitions").then().statusCode(200);
        move(registrar(), id, "REGISTERED");
        registrar().body(Map.of("to", "RETIRED", "reason", "林地征收")).post("/api/v1/products/" + id + "/transitions").then().statusCode(200);
        registrar().body(Map.of("to", "REGISTERED")).post("/api/v1/products/" + id + "/transitions").then().statusCode(409);
    }

    @Test
    void submissionNeedsEvidenceAndAnActiveHolder() {
        String holderId = newHolder();
        Map<String, Object> noEvidence = forestSink(holderId, "100", 2023);
        noEvidence.remove("evidence");
        String id = create(noEvidence);
        registrar().body(Map.of("to", "SUBMITTED")).post("/api/v1/products/" + id + "/transitions").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/evidence-missing"));
        registrar().body(forestSink(holderId, "100", 2023)).put("/api/v1/products/" + id).then().statusCode(200).body("evidence", hasSize(1));
        registrar().body(Map.of("status", "SUSPENDED", "reason", "失信")).put("/api/v1/holders/" + holderId + "/status").then().statusCode(200);
        registrar().body(Map.of("to", "SUBMITTED")).post("/api/v1/products/" + id + "/transitions").then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/holder-suspended"));
        registrar().body(Map.of("status", "ACTIVE")).put("/api/v1/holders/" + holderId + "/status").then().statusCode(200);
        move(registrar(), id, "SUBMITTED");
        registrar().body(forestSink(holderId, "200", 2023)).put("/api/v1/products/" + id).then().statusCode(409)
                .body("type", equalTo("https://opengep.org/problems/not-a-draft"));
    }

    @Test
    void draftsAreCheckedFieldByFieldAgainstTheAccountingCatalogue() {
        String holderId = newHolder();
        Map<String, Object> bad = forestSink(holderId, "-5", 2023);
        bad.put("regionCode", "999999");
        bad.put("unit", "吨");
        bad.put("category", "CULTURAL");
        bad.put("evidence", java.util.List.of(Map.of("name", "x", "mediaType", "pdf", "sha256", "abc")));
        registrar().body(bad).post("/api/v1/products").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("quantity")).body("errors.field", hasItem("unit")).body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("evidence[0].mediaType")).body("errors.field", hasItem("evidence[0].sha256"));
        Map<String, Object> unknownRegion = forestSink(holderId, "5", 2023);
        unknownRegion.put("regionCode", "999999");
        unknownRegion.put("ecosystemType", "VOLCANO");
        unknownRegion.put("indicator", "RECREATION");
        registrar().body(unknownRegion).post("/api/v1/products").then().statusCode(400)
                .body("errors.find { it.field == 'regionCode' }.message", containsString("knows no region 999999"))
                .body("errors.field", hasItem("ecosystemType"))
                .body("errors.find { it.field == 'indicator' }.message", equalTo("RECREATION is a CULTURAL indicator; the product is REGULATING"));
        Map<String, Object> wrongLine = forestSink(holderId, "5", 2023);
        wrongLine.put("indicator", "CARBON_SEQUESTRATION");
        wrongLine.put("valueLine", "O2");
        registrar().body(wrongLine).post("/api/v1/products").then().statusCode(400)
                .body("errors.find { it.field == 'valueLine' }.message", equalTo("CARBON_SEQUESTRATION has no value line O2; one of [CO2]"));
        wrongLine.put("valueLine", "CO2");
        registrar().body(wrongLine).post("/api/v1/products").then().statusCode(201).body("valueLine", equalTo("CO2"));
        Map<String, Object> noYear = forestSink(holderId, "5", 2023);
        noYear.remove("vintage");
        noYear.put("holderId", "00000000-0000-0000-0000-000000000001");
        registrar().body(noYear).post("/api/v1/products").then().statusCode(400)
                .body("errors.field", hasItem("vintage")).body("errors.field", hasItem("holderId"));
        registrar().body("{\"name\": \"x\", \"colour\": \"green\"}").post("/api/v1/products").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        registrar().post("/api/v1/products").then().statusCode(400).body("errors[0].field", equalTo("body"));
    }
}
