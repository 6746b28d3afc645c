package org.opengep.common.problem;

/** The request is well-formed but contradicts the current state (409). */
public class ConflictException extends RuntimeException {

    private final String type;

    /** @param type a short stable slug for the problem type, e.g. {@code price-set-in-use} */
    public ConflictException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
