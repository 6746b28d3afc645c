package org.opengep.common.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads number, boolean, id and enum query parameters so that a value of the wrong type is a 400 naming the parameter,
 * where JAX-RS would answer 404 (the request is there; its parameter is wrong).
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            }
        }
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Integer::valueOf);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, "true or false", QueryParameterConverters::strictBoolean);
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Long::valueOf);
        }
        if (rawType == BigDecimal.class) {
            return (ParamConverter<T>) converter(name, "a decimal number", BigDecimal::new);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "a UUID", UUID::fromString);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumConverter(name, rawType.asSubclass(Enum.class));
        }
        return null;
    }

    /** Boolean.valueOf would read "yes" as false: a silent no is worse than an error. */
    private static Boolean strictBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new IllegalArgumentException(value);
    }

    private static <E extends Enum<E>> ParamConverter<E> enumConverter(String name, Class<E> type) {
        return converter(name, "one of " + Arrays.toString(type.getEnumConstants()), v -> Enum.valueOf(type, v));
    }

    private static <V> ParamConverter<V> converter(String name, String expected, Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                try {
                    return value == null ? null : parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(List.of(new InputError(name, "'" + value + "' is not " + expected)));
                }
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }
}
