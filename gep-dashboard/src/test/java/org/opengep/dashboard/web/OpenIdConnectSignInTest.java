package org.opengep.dashboard.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The deployment's sign-in: OpenID Connect's authorization code flow against a provider over real HTTP
 * ({@link FakeIdentityProvider}). The roles come from the provider's access token, and that token is what the services
 * receive.
 */
@QuarkusTest
@TestProfile(OpenIdConnectSignInTest.WithIdentityProvider.class)
class OpenIdConnectSignInTest {

    /** OpenID Connect on, against the fake provider (which also stands in for the accounting service). */
    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeIdentityProvider.class));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBureauUserSignsInAtTheProviderAndTheServicesReceiveTheirAccessToken() throws Exception {
        Map<String, String> session = signIn("chen", "gep-reader");
        String page = given().cookies(session).get("/regions/330602").then().statusCode(404).extract().asString();
        assertThat(page).contains("id=\"user-name\"").contains(">chen<").doesNotContain("eyJ");

        String sent = JSON.readTree(given().get(provider() + "/recorded").asString()).path("authorization").asText();
        assertThat(sent).startsWith("Bearer ");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(sent.substring(7).split("\\.")[1]));
        assertThat(claims.path("upn").asText()).isEqualTo("chen");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"gep-reader\"]");
    }

    @Test
    void aUserWhoseProviderGivesNoRoleSeesA403Page() {
        Map<String, String> session = signIn("wang");
        given().cookies(session).get("/regions/330602").then().statusCode(403);
        given().cookies(session).get("/jobs").then().statusCode(403);
    }

    @Test
    void signingOutIsTheProvidersLogout() {
        Map<String, String> session = signIn("chen", "gep-reader");
        String logout = given().redirects().follow(false).cookies(session).get("/sign-out").then().statusCode(302).extract().header("Location");
        assertThat(logout).startsWith(provider() + "/logout").contains("post_logout_redirect_uri=");
    }

    @Test
    void thereIsNoDevelopmentSignInBesideIt() {
        given().redirects().follow(false).get("/sign-in").then().statusCode(404);
    }

    /** The browser's round trip: the dashboard sends it to the provider, which sends it back with a code. */
    static Map<String, String> signIn(String user, String... roles) {
        Response challenge = given().redirects().follow(false).get("/regions/330602");
        assertThat(challenge.statusCode()).isEqualTo(302);
        String authorize = challenge.header("Location");
        assertThat(authorize).startsWith(provider() + "/authorize").contains("client_id=gep-dashboard").contains("response_type=code");

        String hint = user + ":" + String.join(",", roles);
        Response provider = given().redirects().follow(false).urlEncodingEnabled(false)
                .get(authorize + "&login_hint=" + java.net.URLEncoder.encode(hint, StandardCharsets.UTF_8));
        assertThat(provider.statusCode()).isEqualTo(302);

        Map<String, String> cookies = new HashMap<>(challenge.getCookies());
        Response callback = given().redirects().follow(false).urlEncodingEnabled(false).cookies(cookies).get(provider.header("Location"));
        assertThat(callback.statusCode()).as(callback.asString()).isEqualTo(302);
        assertThat(callback.header("Location")).endsWith("/regions/330602");
        cookies.putAll(callback.getCookies());
        assertThat(cookies.keySet()).anyMatch(name -> name.startsWith("q_session"));
        return cookies;
    }

    static String provider() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }
}
