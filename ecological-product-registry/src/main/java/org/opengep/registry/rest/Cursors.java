package org.opengep.registry.rest;

import org.opengep.common.problem.Errors;

/** Cursor and page-size parameters of the registry's lists. */
final class Cursors {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Cursors() {}

    static long after(Long after) {
        if (after != null && after < 0) {
            Errors errors = new Errors();
            errors.add("after", "a cursor from a previous page (not negative)");
            errors.throwIfAny();
        }
        return after == null ? 0 : after;
    }

    static int limit(Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            Errors errors = new Errors();
            errors.add("limit", "between 1 and " + MAX_LIMIT);
            errors.throwIfAny();
        }
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
