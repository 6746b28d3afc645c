package org.opengep.dashboard.client;

/**
 * A service answered 4xx: it is up and refused what the user asked (no such thing, not allowed, wrong input). The
 * clients' retries abort on it and their circuit breakers skip it; the pages show its status and the service's detail.
 */
public class ServiceRefusal extends RuntimeException {

    private final int status;
    private final String service;

    public ServiceRefusal(String service, int status, String detail, Throwable cause) {
        super(detail, cause);
        this.service = service;
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String service() {
        return service;
    }
}
