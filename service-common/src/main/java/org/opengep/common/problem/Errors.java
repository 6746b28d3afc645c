package org.opengep.common.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects input errors while an account is computed, so the caller learns all of them at once. */
public final class Errors {

    private final List<InputError> list = new ArrayList<>();

    /** Records a problem; the same problem found twice (e.g. read by two steps) is kept once. */
    public void add(String field, String message) {
        InputError error = new InputError(field, message);
        if (!list.contains(error)) {
            list.add(error);
        }
    }

    /** Records "required" for a field without a value. */
    public void required(String field, Object value) {
        if (value == null) {
            add(field, "required");
        }
    }

    /** The problems found so far, in the order they were found. */
    public List<InputError> list() {
        return List.copyOf(list);
    }

    public int size() {
        return list.size();
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
