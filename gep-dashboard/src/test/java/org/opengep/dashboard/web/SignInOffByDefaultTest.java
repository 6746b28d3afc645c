package org.opengep.dashboard.web;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengep.dashboard.auth.DevSessions;

/** Without run.sh's setting there is no development sign-in: its page is 404 and its cookie signs nobody in. */
@QuarkusTest
@TestProfile(SignInOffByDefaultTest.DefaultsWithoutAnIdentityProvider.class)
class SignInOffByDefaultTest {

    /** The defaults, but for OpenID Connect, which would need an identity provider to start. */
    public static class DefaultsWithoutAnIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "false");
        }
    }

    @Test
    void theDevelopmentSignInDoesNotExist() {
        given().get("/sign-in").then().statusCode(404);
        given().formParam("user", "mallory").formParam("role", "gep-reader").post("/sign-in").then().statusCode(404);
        given().redirects().follow(false).cookie(DevSessions.COOKIE, "forged").get("/regions/330602").then().statusCode(401);
    }
}
