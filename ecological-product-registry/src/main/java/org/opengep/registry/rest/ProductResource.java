package org.opengep.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;
import org.opengep.registry.domain.Product;
import org.opengep.registry.domain.ProductValuation;
import org.opengep.registry.rest.Requests.Draft;
import org.opengep.registry.rest.Requests.Transition;
import org.opengep.registry.rest.Views.ProductView;
import org.opengep.registry.rest.Views.TransitionView;
import org.opengep.registry.rest.Views.ValuationView;
import org.opengep.registry.rules.Category;
import org.opengep.registry.rules.ProductStatus;
import org.opengep.registry.rules.ProductType;
import org.opengep.registry.service.ProductService.Search;
import org.opengep.registry.service.ProductService;
import org.opengep.registry.service.ValuationService;

@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "The ecological product catalogue (生态产品目录清单): drafts, verification, registration, valuation from GEP")
@APIResponse(responseCode = "400", description = "Invalid input; errors name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ProductResource {

    private static final String ALL = "registrar, verifier, registry-reader, holder";

    @Inject
    ProductService products;

    @Inject
    ValuationService valuations;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.Registry.REGISTRAR)
    @Operation(operationId = "declareProduct", summary = "Declare a product (DRAFT)", description = "The region, ecosystem type and indicator are checked with "
            + "gep-accounting-service; 503 when it cannot answer (nothing is stored).")
    @APIResponse(responseCode = "201", description = "The draft; Location is the product",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "503", description = "gep-accounting-service unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(Draft draft, @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        return idempotency.execute(caller, idempotencyKey, false, "POST", uri, draft, () -> {
            Product product = products.create(Problems.requireBody(draft), caller.name());
            return Response.created(uri.getAbsolutePathBuilder().path(product.id.toString()).build()).entity(ProductView.of(product, null)).build();
        });
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.Registry.REGISTRAR)
    @Operation(operationId = "updateDraftProduct", summary = "Change a draft", description = "Replaces every field; only DRAFT products change (409 otherwise).")
    @APIResponse(responseCode = "200", description = "The draft", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "gep-accounting-service unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, Draft draft) {
        return products.update(id, Problems.requireBody(draft)).map(p -> Response.ok(ProductView.of(p, null)).build())
                .orElseGet(() -> Problems.notFound("product " + id));
    }

    @GET
    @RolesAllowed({Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER, Roles.Registry.READER, Roles.Registry.HOLDER})
    @Operation(operationId = "searchProducts", summary = "Search the catalogue", description = "By category, type, region (the region and every region under it), "
            + "status, holder and vintage, in registration order after the cursor. Readers see every product but drafts; holder "
            + "tokens see their own products, drafts included. Unknown parameters are 400. Roles: " + ALL + ".")
    @APIResponse(responseCode = "200", description = "A page of products, each with its latest valuation")
    public Page<ProductView> search(@QueryParam("category") Category category, @QueryParam("type") ProductType type,
            @QueryParam("region") @Parameter(description = "A region code: products in it or in any region under it", example = "330000") String region,
            @QueryParam("status") ProductStatus status, @QueryParam("holder") UUID holder, @QueryParam("vintage") Integer vintage,
            @QueryParam("after") @Parameter(description = "Cursor: the previous page's next") Long after,
            @QueryParam("limit") @Parameter(description = "1 to 1000, default 100") Integer limit, @Context UriInfo uri) {
        Problems.onlyQueryParameters(uri, Set.of("category", "type", "region", "status", "holder", "vintage", "after", "limit"));
        long from = Cursors.after(after);
        List<Product> found = products.search(new Search(category, type, region, status, holder, vintage, from, Cursors.limit(limit)),
                callers.current());
        Map<UUID, ProductValuation> valued = valuations.latestOf(found.stream().map(p -> p.id).toList());
        return Page.of(found, from, p -> p.number, p -> ProductView.of(p, Optional.ofNullable(valued.get(p.id)).map(ValuationView::of).orElse(null)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER, Roles.Registry.READER, Roles.Registry.HOLDER})
    @Operation(operationId = "getProduct", summary = "One product with its latest valuation", description = "Drafts are seen by registrars, verifiers and their holder.")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product (or not one the caller may see)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return products.find(id, callers.current())
                .map(p -> Response.ok(ProductView.of(p, valuations.latest(id).map(ValuationView::of).orElse(null))).build())
                .orElseGet(() -> Problems.notFound("product " + id));
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER})
    @Operation(operationId = "transitionProduct", summary = "Move a product along its lifecycle", description = "DRAFT -> SUBMITTED -> VERIFIED -> REGISTERED; "
            + "SUBMITTED -> REJECTED (reason required); REGISTERED <-> SUSPENDED (reason required to suspend); REGISTERED -> "
            + "RETIRED or EXPIRED. Verifiers verify and reject, and never what they submitted themselves (403 maker-checker); "
            + "registrars make the other moves. Illegal moves are 409. Each move is recorded with its actor, time and reason.")
    @APIResponse(responseCode = "200", description = "The product after the move",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Illegal move, no evidence to submit, suspended holder, or a verified quantity above the declared one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response transition(@PathParam("id") UUID id, Transition transition,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String idempotencyKey, @Context UriInfo uri) {
        Caller caller = callers.current();
        return idempotency.execute(caller, idempotencyKey, false, "POST", uri, transition,
                () -> products.transition(id, Problems.requireBody(transition), caller)
                        .map(p -> Response.ok(ProductView.of(p, null)).build())
                        .orElseGet(() -> Problems.notFound("product " + id)));
    }

    @GET
    @Path("{id}/transitions")
    @RolesAllowed({Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER, Roles.Registry.READER, Roles.Registry.HOLDER})
    @Operation(operationId = "listProductTransitions", summary = "A product's history of moves", description = "Oldest first, with actor, time and reason.")
    @APIResponse(responseCode = "200", description = "The moves", content = @Content(schema = @Schema(implementation = TransitionView.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response transitions(@PathParam("id") UUID id) {
        return products.find(id, callers.current())
                .map(p -> Response.ok(products.transitions(id).stream().map(TransitionView::of).toList()).build())
                .orElseGet(() -> Problems.notFound("product " + id));
    }

    @POST
    @Path("{id}/valuations")
    @RolesAllowed(Roles.Registry.REGISTRAR)
    @Operation(operationId = "valueProduct", summary = "Value a verified product from GEP", description = "Asks gep-accounting-service for the official GEP of the "
            + "product's region and year (its vintage, else the year its period ends) and records value = verified quantity x the "
            + "unit price of the product's indicator line, with the account, publication and price set it came from. 409 when "
            + "there is no official figure or no usable unit price; 503 when the accounting service does not answer. Nothing "
            + "is recorded unless the whole valuation succeeds.")
    @APIResponse(responseCode = "201", description = "The valuation", content = @Content(schema = @Schema(implementation = ValuationView.class)))
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not verified, no official figure, or no unit price for the product's unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "gep-accounting-service unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response value(@PathParam("id") UUID id, @Context UriInfo uri) {
        return valuations.value(id, callers.current())
                .map(v -> Response.created(uri.getAbsolutePathBuilder().path(v.id.toString()).build()).entity(ValuationView.of(v)).build())
                .orElseGet(() -> Problems.notFound("product " + id));
    }

    @GET
    @Path("{id}/valuations")
    @RolesAllowed({Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER, Roles.Registry.READER, Roles.Registry.HOLDER})
    @Operation(operationId = "listProductValuations", summary = "A product's valuations", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "The valuations", content = @Content(schema = @Schema(implementation = ValuationView.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response valuations(@PathParam("id") UUID id) {
        return products.find(id, callers.current())
                .map(p -> Response.ok(valuations.history(id).stream().map(ValuationView::of).toList()).build())
                .orElseGet(() -> Problems.notFound("product " + id));
    }
}
