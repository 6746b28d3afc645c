package org.opengep.dashboard.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.opengep.dashboard.auth.DashboardRoles;
import org.opengep.dashboard.client.AccountingClient;
import org.opengep.dashboard.client.ServiceRefusal;
import org.opengep.dashboard.client.accounting.model.Job;
import org.opengep.dashboard.view.JobView;
import org.opengep.dashboard.view.Page;

/**
 * The accountant's jobs: upload a CSV in the service's long format (one region, many regions, a province or the nation),
 * start the job, and follow its progress bar until it ends. The form carries an Idempotency-Key made when it was shown,
 * so that sending it twice starts one job.
 */
@Path("/jobs")
@RolesAllowed(DashboardRoles.GEP_ACCOUNTANT)
public class JobResource {

    @Inject
    AccountingClient accounting;

    @Inject
    Page page;

    @Inject
    Template jobs;

    @Inject
    Template job;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return form(null);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response start(@RestForm("file") FileUpload file, @RestForm("publish") boolean publish, @RestForm("reason") String reason,
            @RestForm("key") String key) throws IOException {
        String csv = file == null ? null : utf8(Files.readAllBytes(file.uploadedFile()));
        if (csv == null || csv.isBlank()) {
            return Response.status(400).entity(form(page.texts().get("job_no_file"))).build();
        }
        String idempotencyKey = key != null && key.matches("[0-9a-f-]{36}") ? key : UUID.randomUUID().toString();
        try {
            Job started = accounting.startJob(csv, publish, reason == null || reason.isBlank() ? null : reason.strip(), idempotencyKey);
            return Response.seeOther(URI.create("/jobs/" + started.getId())).build();
        } catch (ServiceRefusal refusal) {
            return Response.status(refusal.status() == 403 ? 403 : 400).entity(form(refusal.getMessage())).build();
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance job(@PathParam("id") UUID id) {
        return page.of(job).data("job", progress(id));
    }

    /** The progress bar's question, every second until the job ends. */
    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView progress(@PathParam("id") UUID id) {
        return accounting.job(id).map(JobView::of).orElseThrow(NotFoundException::new);
    }

    private TemplateInstance form(String problem) {
        return page.of(jobs).data("jobs", accounting.myJobs().stream().map(JobView::of).toList()).data("problem", problem)
                .data("key", UUID.randomUUID().toString());
    }

    /** The file's text, refused rather than re-decoded when it is not UTF-8 (a GBK export from a spreadsheet, say). */
    private String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
