package org.opengep.accounting.rest;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import org.opengep.testsupport.TestTokens;

/** Shared helpers for API tests: requests carrying real signed tokens. */
public final class ApiTest {

    static {
        // a failing API assertion prints the request and the response, so CI logs explain themselves
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private ApiTest() {}

    public static RequestSpecification as(String role) {
        return asUser("user-" + role, role);
    }

    public static RequestSpecification asUser(String user, String... roles) {
        // numbers in responses are read as BigDecimal: money is compared exactly, never as float
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(TestTokens.token(user, roles)).contentType("application/json");
    }

    public static RequestSpecification accountant() {
        return as(Roles.ACCOUNTANT);
    }

    public static RequestSpecification reader() {
        return as(Roles.READER);
    }
}
