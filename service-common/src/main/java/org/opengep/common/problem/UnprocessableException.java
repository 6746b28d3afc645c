package org.opengep.common.problem;

/** The request cannot be processed as sent, e.g. an idempotency key reused for another request (422). */
public class UnprocessableException extends TypedProblem {

    public UnprocessableException(String type, String message) {
        super(type, message, null);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Unprocessable content";
    }
}
