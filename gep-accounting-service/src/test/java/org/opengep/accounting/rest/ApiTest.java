package org.opengep.accounting.rest;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.opengep.testsupport.TestTokens;

/** Shared helpers for API tests: requests carrying real signed tokens. */
public final class ApiTest {

    private ApiTest() {}

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.token("user-" + role, role)).contentType("application/json");
    }

    public static RequestSpecification accountant() {
        return as(Roles.ACCOUNTANT);
    }

    public static RequestSpecification reader() {
        return as(Roles.READER);
    }
}
