package org.opengep.registry.rest;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list read with a cursor: pass {@code next} as {@code after} to read on. Lists are in registration
 * order, so what is added later only ever comes after the pages already read.
 */
public record Page<T>(List<T> items,
        @Schema(description = "The cursor after the last item; the same cursor when nothing came after it") long next) {

    public static <E, T> Page<T> of(List<E> entities, long after, ToLongFunction<E> position, Function<E, T> view) {
        long last = entities.isEmpty() ? after : position.applyAsLong(entities.get(entities.size() - 1));
        return new Page<>(entities.stream().map(view).toList(), last);
    }
}
