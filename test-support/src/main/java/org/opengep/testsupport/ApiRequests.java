package org.opengep.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Requests for API tests: JSON, carrying real signed tokens, numbers read back exactly. */
public final class ApiRequests {

    static {
        // a failing API assertion prints the request and the response, so CI logs explain themselves
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private ApiRequests() {}

    public static RequestSpecification asUser(String user, String... roles) {
        return withToken(TestTokens.token(user, roles));
    }

    public static RequestSpecification asUser(String user, Map<String, Object> claims, String... roles) {
        return withToken(TestTokens.token(user, claims, roles));
    }

    public static RequestSpecification withToken(String token) {
        // numbers in responses are read as BigDecimal: money is compared exactly, never as float
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(token).contentType("application/json");
    }
}
