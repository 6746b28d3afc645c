package org.opengep.dashboard.client;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A file a service exported (CSV or XLSX), byte for byte, with the type and the file name it gave. */
public record ServiceFile(byte[] bytes, String contentType, String contentDisposition) {

    static ServiceFile of(Response response) {
        return new ServiceFile(response.readEntity(byte[].class), response.getHeaderString(HttpHeaders.CONTENT_TYPE),
                response.getHeaderString("Content-Disposition"));
    }
}
