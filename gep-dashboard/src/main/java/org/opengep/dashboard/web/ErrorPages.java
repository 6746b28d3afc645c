package org.opengep.dashboard.web;

import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opengep.dashboard.client.ServiceRefusal;
import org.opengep.dashboard.view.Page;

/**
 * Pages for what went wrong, in the reader's language: no role for the page (403), nothing there (404), a service that
 * refused (its status and detail) and a service that did not answer (503). Never a stack trace, never data.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Page page;

    @Inject
    Template error;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "forbidden", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "not_found", null);
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefusal e) {
        int status = e.status() == 401 || e.status() == 403 ? 403 : e.status() == 404 ? 404 : 400;
        return page(status, status == 403 ? "refused" : status == 404 ? "not_found" : "bad_request", e.service() + ": " + e.getMessage());
    }

    /** What the HTTP layer refuses (a method or a type the page does not take): its status, on a page. */
    @ServerExceptionMapper
    public Response refusedHere(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unavailable(e);
        }
        return page(status, status == 404 ? "not_found" : status == 401 || status == 403 ? "forbidden" : "bad_request", null);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unavailable(RuntimeException e) {
        LOG.warnf(e, "a service did not answer");
        return page(503, "unavailable", null);
    }

    private Response page(int status, String key, String detail) {
        Map<String, String> t = page.texts();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.of(error).data("status", status).data("heading", t.get("error_" + key))
                        .data("message", t.get("error_" + key + "_message")).data("detail", detail).render())
                .build();
    }
}
