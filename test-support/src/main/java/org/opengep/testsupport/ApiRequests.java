package org.opengep.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.Map;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Requests for API tests: JSON, carrying real signed tokens, numbers read back exactly. */
public final class ApiRequests {

    static {
        // a failing API assertion prints the request and the response, so CI logs explain themselves
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // every answer is recorded, to check that the OpenAPI document names every status clients get
        RestAssured.filters(new ObservedResponses());
    }

    private ApiRequests() {}

    public static RequestSpecification asUser(String user, String... roles) {
        return withToken(TestTokens.token(user, roles));
    }

    public static RequestSpecification asUser(String user, Map<String, Object> claims, String... roles) {
        return withToken(TestTokens.token(user, claims, roles));
    }

    /** A JSON number equal in value to {@code expected}, whether it came back as an integer or a decimal. */
    public static Matcher<Object> number(String expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(new BigDecimal(expected)) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the number " + expected);
            }
        };
    }

    public static RequestSpecification withToken(String token) {
        // numbers in responses are read as BigDecimal: money is compared exactly, never as float
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(token).contentType("application/json");
    }
}
