package org.opengep.common.client;

/** Another service answered our request with a 4xx: it is working, and the same request would be refused again. */
public class RefusedByServiceException extends RuntimeException {

    private final int status;

    public RefusedByServiceException(int status, Throwable cause) {
        super("the other service answered " + status, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
