package org.opengep.common.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;

/**
 * Query and path parameters keep the text rules ({@link TextRules}) and are at most
 * {@link TextRules#MAX_PARAMETER_LENGTH} characters, whatever their operation reads from them: a NUL in a path must be
 * a 400 naming the parameter, not a database error.
 */
@Provider
public class ParameterRules implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<InputError> errors = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), errors);
        check(request.getUriInfo().getQueryParameters(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<InputError> errors) {
        parameters.forEach((name, values) -> {
            // a name that breaks the rules is not repeated in the answer: the problem names the query instead
            var nameProblem = TextRules.problem(name, TextRules.MAX_PARAMETER_LENGTH);
            if (nameProblem.isPresent()) {
                errors.add(new InputError("query", "a parameter name " + nameProblem.get()));
                return;
            }
            for (String value : values) {
                TextRules.problem(value, TextRules.MAX_PARAMETER_LENGTH).ifPresent(p -> errors.add(new InputError(name, p)));
            }
        });
    }
}
