package org.opengep.common.problem;

/** The request is well-formed but contradicts the current state (409). */
public class ConflictException extends TypedProblem {

    /** @param type a short stable slug for the problem type, e.g. {@code price-set-in-use} */
    public ConflictException(String type, String message) {
        super(type, message, null);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
