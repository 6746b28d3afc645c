package org.opengep.dashboard.client;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A file a service exported (CSV or XLSX), byte for byte, with the type and the file name it gave. */
public record ServiceFile(byte[] bytes, String contentType, String contentDisposition) {

    /** Reads the service's answer; a failure stays the service's (its status and problem). */
    static ServiceFile of(Response response) {
        try (response) {
            if (response.getStatus() >= 400) {
                throw new WebApplicationException(response);
            }
            return new ServiceFile(response.readEntity(byte[].class), response.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    response.getHeaderString("Content-Disposition"));
        }
    }
}
