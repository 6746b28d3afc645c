package org.opengep.common.problem;

/**
 * A domain failure answered as a problem of its own stable type ({@code https://opengep.org/problems/<type>}) and
 * HTTP status; the subclasses name the status.
 */
public abstract class TypedProblem extends RuntimeException {

    private final String type;

    protected TypedProblem(String type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    /** A short stable slug, e.g. {@code price-set-in-use}. */
    public String type() {
        return type;
    }

    public abstract int status();

    public abstract String title();
}
