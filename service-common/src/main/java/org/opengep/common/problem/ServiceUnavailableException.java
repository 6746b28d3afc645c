package org.opengep.common.problem;

/** A service this one depends on did not answer in time or is failing (503); nothing was changed. */
public class ServiceUnavailableException extends RuntimeException {

    private final String type;

    /** @param type a short stable slug for the problem type, e.g. {@code accounting-unavailable} */
    public ServiceUnavailableException(String type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
