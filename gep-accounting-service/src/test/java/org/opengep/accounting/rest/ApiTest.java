package org.opengep.accounting.rest;

import io.restassured.specification.RequestSpecification;
import org.opengep.common.security.Roles;
import org.opengep.testsupport.ApiRequests;

/** Shared helpers for API tests: requests carrying real signed tokens. */
public final class ApiTest {

    private ApiTest() {}

    public static RequestSpecification as(String role) {
        return asUser("user-" + role, role);
    }

    public static RequestSpecification asUser(String user, String... roles) {
        return ApiRequests.asUser(user, roles);
    }

    public static RequestSpecification accountant() {
        return as(Roles.Accounting.ACCOUNTANT);
    }

    public static RequestSpecification reader() {
        return as(Roles.Accounting.READER);
    }
}
