package org.opengep.common.problem;

/** The caller is known but may not do this particular thing, e.g. verify what they submitted themselves (403). */
public class RefusedException extends TypedProblem {

    /** @param type a short stable slug for the problem type, e.g. {@code maker-checker} */
    public RefusedException(String type, String message) {
        super(type, message, null);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
