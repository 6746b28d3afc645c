package org.opengep.common.problem;

/** A service this one depends on did not answer in time or is failing (503); nothing was changed. */
public class ServiceUnavailableException extends TypedProblem {

    /** @param type a short stable slug for the problem type, e.g. {@code accounting-unavailable} */
    public ServiceUnavailableException(String type, String message, Throwable cause) {
        super(type, message, cause);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Service unavailable";
    }
}
