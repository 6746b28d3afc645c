package org.opengep.common.problem;

import java.util.List;

/** Thrown when inputs cannot produce an account; carries every problem found, not just the first. */
public class InvalidInputException extends RuntimeException {

    private final transient List<InputError> errors;

    public InvalidInputException(List<InputError> errors) {
        super(errors.size() + " input error(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
