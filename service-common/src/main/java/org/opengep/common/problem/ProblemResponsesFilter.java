package org.opengep.common.problem;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.opengep.common.input.RequestRules;
import org.opengep.common.input.TextRules;

/**
 * Documents, once for every API operation, the answers every operation of its kind can give, so that generated
 * clients know every response without each resource repeating them: the bearer-token requirement with its 401 and
 * 403 problems, the 400, 414 and 431 every request can get, 413 and 415 where the operation takes a body, the one length limit of query
 * and path parameters, a 404 problem where its path names something, and the
 * 409 and 422 problems of an {@code Idempotency-Key} (still running; used for another request) where it takes one.
 * Answers particular to an operation (409, 422, 503, ...) stay on the operation's own annotations.
 * <p>
 * It also drops the {@code type} that a {@code @Schema} annotation on a field adds next to a {@code $ref} (the type is
 * the referenced schema's, and some generators read the sibling instead of the reference), and the {@code pattern}
 * beside {@code format: uuid} (the generated Python models then check a UUID object against a regular expression and
 * fail to load). The answers are listed successful first (see {@link #successFirst}).
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setType(null);
        }
        if ("uuid".equals(schema.getFormat())) {
            // the format says it; a pattern beside it has the python generator validate a UUID object as text
            schema.setPattern(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(operation -> document(item, operation));
            }
        });
    }

    private static void document(PathItem item, Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
        addIfMissing(operation, "401", "No valid bearer token");
        addIfMissing(operation, "403", "The token's roles do not allow this operation");
        addIfMissing(operation, "400", "The input is malformed or invalid (the URI too); the problem names each wrong field or parameter");
        addIfMissing(operation, "414", "The URI is longer than " + RequestRules.MAX_URI_LENGTH + " characters");
        addIfMissing(operation, "431", "The request headers are larger than " + RequestRules.MAX_HEADERS_BYTES + " bytes");
        if (operation.getRequestBody() != null) {
            addIfMissing(operation, "413", "The body is larger than the service takes (quarkus.http.limits.max-body-size, 10 MiB)");
            addIfMissing(operation, "415", "The body's Content-Type is not one the operation takes");
        }
        limitTextParameters(item.getParameters());
        limitTextParameters(operation.getParameters());
        if (has(item, operation, Parameter.In.PATH)) {
            addIfMissing(operation, "404", "Nothing is found at this path");
        }
        if (takesIdempotencyKey(operation)) {
            addIfMissing(operation, "409", "A request with this Idempotency-Key is still running; retry later");
            addIfMissing(operation, "422", "The Idempotency-Key was used for another request");
        }
        successFirst(operation);
    }

    /**
     * Lists the answers by status, the successful ones first: generators that send the first JSON-like media type of an
     * operation's answers as Accept (openapi-generator's python, for one) then send the operation's own, not
     * {@code application/problem+json}.
     */
    private static void successFirst(Operation operation) {
        Map<String, APIResponse> sorted = new TreeMap<>(Comparator.comparing((String status) -> status.equals("default")).thenComparing(status -> status));
        sorted.putAll(operation.getResponses().getAPIResponses());
        operation.getResponses().setAPIResponses(new LinkedHashMap<>(sorted));
    }

    /** Query and path parameters are checked against one limit ({@code ParameterRules}); the document says so. */
    private static void limitTextParameters(List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter p : parameters) {
            Schema schema = p.getSchema();
            if ((p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.PATH) && schema != null && schema.getRef() == null
                    && schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null
                    && schema.getFormat() == null && schema.getEnumeration() == null) {
                schema.setMaxLength(TextRules.MAX_PARAMETER_LENGTH);
            }
        }
    }

    /** Whether the operation (or its path) declares a parameter of the given kind. */
    private static boolean has(PathItem item, Operation operation, Parameter.In in) {
        return declares(item.getParameters(), in) || declares(operation.getParameters(), in);
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "Idempotency-Key".equalsIgnoreCase(p.getName()));
    }

    private static boolean declares(List<Parameter> parameters, Parameter.In in) {
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() == in);
    }

    private static void addIfMissing(Operation operation, String status, String description) {
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        Content content = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        operation.getResponses().addAPIResponse(status, response);
    }
}
