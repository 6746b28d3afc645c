package org.opengep.common.problem;

/** What the request names does not exist (404, type {@code not-found}, as {@link Problems#notFound} answers). */
public class NotFoundException extends TypedProblem {

    /** @param what what is missing, e.g. "reservation 6f1c…" */
    public NotFoundException(String what) {
        super("not-found", "no " + what, null);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
