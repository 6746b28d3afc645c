package org.opengep.dashboard.web;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A provider whose role names are not ours: the deployment maps them ({@code quarkus.http.auth.roles-mapping}). */
@QuarkusTest
@TestProfile(OpenIdConnectRoleMappingTest.WithMappedRoles.class)
class OpenIdConnectRoleMappingTest {

    public static class WithMappedRoles implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeIdentityProvider.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.roles-mapping.\"finance-bureau-staff\"", "gep-reader");
        }
    }

    @Test
    void theProvidersRoleOpensTheViewOfOursItIsMappedTo() {
        Map<String, String> session = OpenIdConnectSignInTest.signIn("li", "finance-bureau-staff");
        // past the dashboard's role check: the (fake) accounting service answers 404 for the region
        given().cookies(session).get("/regions/330602").then().statusCode(404);
        given().cookies(session).get("/jobs").then().statusCode(403);
    }
}
