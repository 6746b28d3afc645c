package org.opengep.registry.rest;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.opengep.common.security.HolderClaim;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.ApiRequests;

/** Requests with real tokens for each registry role, and the holders and products tests start from. */
public final class Fixtures {

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Fixtures() {}

    public static RequestSpecification registrar() {
        return ApiRequests.asUser("registrar-li", Roles.Registry.REGISTRAR);
    }

    /** A second registrar, e.g. to submit what the first one declared. */
    public static RequestSpecification registrar(String name) {
        return ApiRequests.asUser(name, Roles.Registry.REGISTRAR);
    }

    public static RequestSpecification verifier() {
        return ApiRequests.asUser("verifier-wang", Roles.Registry.VERIFIER);
    }

    public static RequestSpecification reader() {
        return ApiRequests.asUser("reader", Roles.Registry.READER);
    }

    public static RequestSpecification holder(String holderId) {
        return ApiRequests.asUser("holder-" + holderId, Map.of(HolderClaim.NAME, holderId), Roles.Registry.HOLDER);
    }

    /** A well-formed unified social credit code nobody has registered yet in this run. */
    public static String newUscc() {
        String body = "913311" + String.format("%011d", SEQUENCE.incrementAndGet() % 100_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
        }
        return body + USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    public static String newHolder() {
        return registrar().body(Map.of("kind", "ORGANISATION", "name", "龙泉市林业合作社", "uscc", newUscc()))
                .post("/api/v1/holders").then().statusCode(201).extract().path("id");
    }

    /** A forest carbon sink draft in 龙泉市 (331181) with one evidence document. */
    public static Map<String, Object> forestSink(String holderId, String quantity, int vintage) {
        return new java.util.HashMap<>(Map.of("name", "竹垟乡造林碳汇", "productType", "FOREST_CARBON_SINK", "regionCode", "331181",
                "ecosystemType", "FOREST", "quantity", new java.math.BigDecimal(quantity), "unit", "tCO2e", "vintage", vintage,
                "holderId", holderId, "evidence", java.util.List.of(Map.of("name", "造林验收报告.pdf", "mediaType", "application/pdf",
                        "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))));
    }

    public static String create(Map<String, Object> draft) {
        return registrar().body(draft).post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    public static void move(RequestSpecification who, String productId, String to) {
        who.body(Map.of("to", to)).post("/api/v1/products/" + productId + "/transitions").then().statusCode(200).body("status", equalTo(to));
    }

    /** Declared, submitted, verified by a second person and registered. */
    public static String registered(Map<String, Object> draft) {
        String id = create(draft);
        move(registrar(), id, "SUBMITTED");
        move(verifier(), id, "VERIFIED");
        move(registrar(), id, "REGISTERED");
        return id;
    }
}
