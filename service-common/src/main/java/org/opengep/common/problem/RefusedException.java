package org.opengep.common.problem;

/** The caller is known but may not do this particular thing, e.g. verify what they submitted themselves (403). */
public class RefusedException extends RuntimeException {

    private final String type;

    /** @param type a short stable slug for the problem type, e.g. {@code maker-checker} */
    public RefusedException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
