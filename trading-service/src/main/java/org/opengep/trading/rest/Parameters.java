package org.opengep.trading.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.opengep.common.problem.Errors;

/** Query and path parameters that are days or limits, parsed with their problems added to the request's errors. */
final class Parameters {

    private Parameters() {}

    /** The day {@code value} names (like 2026-11-22), or {@code fallback} when it is absent (a problem when it is required, i.e. no fallback). */
    static LocalDate parse(String value, String field, LocalDate fallback, Errors errors) {
        if (value == null) {
            if (fallback == null) {
                errors.add(field, "required, a date like 2026-11-22");
                return LocalDate.EPOCH;
            }
            return fallback;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 2000 || day.getYear() > 2200) {
                errors.add(field, "a date from 2000 to 2200");
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(field, "a date like 2026-11-22");
            return fallback == null ? LocalDate.EPOCH : fallback;
        }
    }

    static int limit(Integer value, int fallback, int max, Errors errors) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > max) {
            errors.add("limit", "1 to " + max);
        }
        return Math.max(1, Math.min(max, value));
    }
}
