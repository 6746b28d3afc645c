package org.opengep.accounting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opengep.accounting.rest.AccountRequest;
import org.opengep.accounting.rest.export.Exports;
import org.opengep.accounting.service.CsvAccounts;
import org.opengep.accounting.service.JobRunner;
import org.opengep.accounting.service.GepAccountService;
import org.opengep.accounting.service.JobProgress;
import org.opengep.accounting.service.JobProgress.Job;
import org.opengep.accounting.service.JobService;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Callers;
import org.opengep.common.security.Roles;

@Path("/api/v1/gep-account-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account jobs", description = "Accounts for many regions at once, computed in the background")
public class GepAccountJobResource {

    static final String CSV_EXAMPLE = """
            regionCode,year,indicator,field,value,unit
            330602,2023,,extent.FOREST,380,km²
            330602,2023,,population,1100000,
            330602,2023,WATER_SUPPLY,quantities.DOMESTIC,0.9,亿m³
            330602,2023,FLOOD_REGULATION,items.镜湖.kind,LAKE,
            330602,2023,FLOOD_REGULATION,items.镜湖.area,12,km²
            330602,2023,FLOOD_REGULATION,items.镜湖.turnover,3,
            330603,2023,AGRICULTURE,value,20.5,亿元
            """;

    @Inject
    JobService jobs;

    @Inject
    JobProgress progress;

    @Inject
    JobRunner runner;

    @Inject
    GepAccountService accounts;

    @Inject
    Callers callers;

    @Inject
    ObjectMapper json;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(operationId = "startAccountJob", summary = "Start a job computing (and optionally publishing) accounts for many regions",
            description = "The body is a JSON array of account requests (as POST /api/v1/gep-accounts takes them), or a CSV in "
                    + "long format (Content-Type text/csv). Answers at once with 202 and the job's Location; GET it for progress. "
                    + "A region whose inputs are wrong fails alone, with its reasons. With publish=true (the caller needs the "
                    + "gep-publisher role too) every account computed is published with the reason given. Every account request "
                    + "is checked as POST /api/v1/gep-accounts reads it before the job is accepted.")
    @RequestBody(content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountRequest.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)),
        @Content(mediaType = Exports.CSV, examples = @ExampleObject(name = "long format", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job", content = @Content(schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "400", description = "Not an array of objects, malformed CSV, too many accounts, no reason to publish",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(byte[] body, @QueryParam("publish") @DefaultValue("false") Boolean publish,
            @QueryParam("reason") String reason, @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION)
            String key, @Context UriInfo uri) throws IOException {
        if (body == null || body.length == 0) {
            Problems.requireBody(null);
        }
        return start(JobUpload.elements(json, body), publish, reason, key, uri);
    }

    @POST
    @Consumes(Exports.CSV)
    @RolesAllowed(Roles.Accounting.ACCOUNTANT)
    @Operation(hidden = true)
    public Response createFromCsv(String body, @QueryParam("publish") @DefaultValue("false") Boolean publish,
            @QueryParam("reason") String reason, @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri)
            throws IOException {
        List<byte[]> requests = new ArrayList<>();
        for (JsonNode account : CsvAccounts.parse(Problems.requireBody(body), json)) {
            requests.add(json.writeValueAsBytes(account));
        }
        return start(requests, publish, reason, key, uri);
    }

    /**
     * Checks every account request as the single-account operation reads it (a field that breaks a rule is a 400 naming
     * it, e.g. {@code [3].regionCode}), then stores the job once per Idempotency-Key and, when it is new, starts it.
     */
    private Response start(List<byte[]> requests, boolean publish, String reason, String key, UriInfo uri) {
        Caller caller = callers.current();
        if (publish && !caller.has(Roles.Accounting.PUBLISHER)) {
            throw new ForbiddenException("publishing needs the " + Roles.Accounting.PUBLISHER + " role");
        }
        List<AccountRequest> parsed = JobUpload.parse(json, requests);
        accounts.checkAll(parsed);
        String user = caller.name();
        Response answer = idempotency.execute(caller, key, false, "POST", uri, asText(requests), () -> {
            UUID id = jobs.create(requests, publish, reason, key, user);
            return Response.accepted(progress.find(id).orElseThrow())
                    .location(uri.getBaseUriBuilder().path("api/v1/gep-account-jobs").path(id.toString()).build()).build();
        });
        // committed by now: a new job starts; a replayed answer names a job that is already running (or resumed)
        if (answer.getEntity() instanceof Job job) {
            runner.run(job.id(), parsed);
        }
        return answer;
    }

    /**
     * The requests as the JSON texts a key's fingerprint has always been made of, decoded only if the fingerprint is made
     * (a request with an Idempotency-Key).
     */
    private static List<String> asText(List<byte[]> requests) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return new String(requests.get(index), StandardCharsets.UTF_8);
            }

            @Override
            public int size() {
                return requests.size();
            }
        };
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "getAccountJob", summary = "A job's progress: done / total, failures with their reasons, rate")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return progress.find(id).map(j -> Response.ok(j).build()).orElseGet(() -> Problems.notFound("job " + id));
    }

    @GET
    @RolesAllowed({Roles.Accounting.ACCOUNTANT, Roles.Accounting.PUBLISHER})
    @Operation(operationId = "listMyAccountJobs", summary = "Your jobs, newest first (to find a job again after losing the connection)")
    @APIResponse(responseCode = "200", description = "The jobs")
    public List<Job> mine() {
        return progress.ofUser(callers.current().name());
    }
}
