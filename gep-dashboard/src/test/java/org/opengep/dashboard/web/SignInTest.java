package org.opengep.dashboard.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.opengep.dashboard.auth.DevSessions;

@QuarkusTest
@TestProfile(DevSignInProfile.class)
class SignInTest {

    @Test
    void aSignedOutVisitorIsSentToTheSignInAndBackToThePageAfterIt() {
        given().redirects().follow(false).get("/regions/330602").then().statusCode(302)
                .header("Location", "/sign-in?next=%2Fregions%2F330602");
        given().get("/sign-in").then().statusCode(200).body(containsString("name=\"role\" value=\"gep-reader\""));
        Response signedIn = signIn("chen", "/regions/330602?year=2025", "gep-reader");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/regions/330602?year=2025");
        assertThat(signedIn.getDetailedCookie(DevSessions.COOKIE).isHttpOnly()).isTrue();
        assertThat(signedIn.getDetailedCookie(DevSessions.COOKIE).getSameSite()).isEqualToIgnoringCase("Strict");
    }

    @Test
    void theSignInNeverSendsAnywhereButThisDashboard() {
        for (String next : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
            assertThat(signIn("chen", next, "gep-reader").header("Location")).as(next).matches("http://localhost:\\d+/").doesNotContain("evil");
        }
    }

    @Test
    void theSessionCarriesTheChosenRolesOfTheServicesOnlyAndNeverShowsTheToken() {
        String session = signIn("wang", "/", "gep-reader", "not-a-role").getCookie(DevSessions.COOKIE);
        String page = given().cookie(DevSessions.COOKIE, session).get("/market").then().statusCode(403).extract().asString();
        assertThat(page).contains("title=\"[gep-reader]\"").doesNotContain("not-a-role").doesNotContain("eyJ");
    }

    @Test
    void aUserWithoutTheRoleSeesA403PageAndNoData() {
        String session = signIn("visitor", "/").getCookie(DevSessions.COOKIE);
        given().cookie(DevSessions.COOKIE, session).get("/regions/330602").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("无权访问")).body(not(containsString("gep-headline")));
        given().cookie(DevSessions.COOKIE, session).get("/jobs").then().statusCode(403);
        given().cookie(DevSessions.COOKIE, session).get("/downloads/regions/330602/gep.csv?year=2025").then().statusCode(403);
        given().cookie(DevSessions.COOKIE, session).cookie("gep-lang", "en").get("/market").then().statusCode(403)
                .body(containsString("Not allowed"));
    }

    @Test
    void aServiceThatDoesNotAnswerIsA503PageNotAStackTrace() {
        String session = signIn("chen", "/", "gep-reader").getCookie(DevSessions.COOKIE);
        given().cookie(DevSessions.COOKIE, session).get("/regions/330602").then().statusCode(503)
                .body(containsString("服务暂不可用")).body(not(containsString("Exception")));
    }

    @Test
    void whatThePagesDoNotTakeIsA4xxPage() {
        String session = signIn("chen", "/", "gep-reader", "gep-accountant").getCookie(DevSessions.COOKIE);
        given().cookie(DevSessions.COOKIE, session).get("/regions/33060X").then().statusCode(404).body(containsString("未找到"));
        given().cookie(DevSessions.COOKIE, session).get("/regions/330602?year=abc").then().statusCode(404);
        given().cookie(DevSessions.COOKIE, session).get("/jobs/not-a-uuid").then().statusCode(404);
        given().cookie(DevSessions.COOKIE, session).delete("/regions/330602").then().statusCode(405).body(containsString("请求有误"));
        given().cookie(DevSessions.COOKIE, session).get("/downloads/regions/330602/gep.pdf?year=2025").then().statusCode(404);
        given().cookie(DevSessions.COOKIE, session).get("/downloads/regions/33060X/gep.csv?year=2025").then().statusCode(404);
        // a region the lists cannot read is said, not dropped for the unfiltered list
        given().cookie(DevSessions.COOKIE, session).get("/accounts?region=33060X").then().statusCode(400).body(containsString("请求有误"));
        given().cookie(DevSessions.COOKIE, session).get("/compensation?region=abc").then().statusCode(400);
    }

    @Test
    void aMalformedUserNameIsRefusedWithTheFormAgain() {
        given().redirects().follow(false).formParam("user", "<script>").formParam("next", "/").post("/sign-in").then().statusCode(400)
                .body(containsString("sign-in-problem"));
    }

    @Test
    void echartsIsServedFromTheWebJarNotFromTheInternet() {
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/js/dashboard.js").then().statusCode(200);
        given().get("/css/dashboard.css").then().statusCode(200);
    }

    @Test
    void signingOutEndsTheSession() {
        String session = signIn("chen", "/", "gep-reader").getCookie(DevSessions.COOKIE);
        given().redirects().follow(false).cookie(DevSessions.COOKIE, session).post("/sign-out").then().statusCode(303);
        given().redirects().follow(false).cookie(DevSessions.COOKIE, session).get("/regions/330602").then().statusCode(302);
    }

    private static Response signIn(String user, String next, String... roles) {
        var request = given().redirects().follow(false).formParam("user", user).formParam("next", next);
        for (String role : roles) {
            request = request.formParam("role", role);
        }
        return request.post("/sign-in");
    }
}
