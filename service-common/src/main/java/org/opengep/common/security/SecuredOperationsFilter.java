package org.opengep.common.security;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents, once for every API operation, the bearer-token requirement and the 401 and 403 problems
 * that come with it, instead of repeating them on each resource.
 */
public class SecuredOperationsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(SecuredOperationsFilter::secure);
            }
        });
    }

    private static void secure(Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
        operation.getResponses()
                .addAPIResponse("401", problem("No valid bearer token"))
                .addAPIResponse("403", problem("The token's roles do not allow this operation"));
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
