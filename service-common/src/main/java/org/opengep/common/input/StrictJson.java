package org.opengep.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reads JSON values only from the JSON type they are documented as, and only when they keep our rules: text is a JSON
 * string (never a number coerced to text) without control characters or unpaired surrogates and within the
 * {@code @Schema(maxLength)} of its field; a decimal is a JSON number within {@link DecimalRules}; a date is a string
 * (never {@code []} or {@code {}} read as null); a map key is text within {@link TextRules#MAX_KEY_LENGTH}. A value
 * that breaks a rule fails with the rule, and the problem names the field.
 */
public final class StrictJson {

    private static final Set<Class<?>> DATES = Set.of(LocalDate.class, OffsetDateTime.class, Instant.class);

    private StrictJson() {}

    public static Module module() {
        return new SimpleModule("strict-input")
                .addDeserializer(String.class, new Text(-1))
                .addDeserializer(BigDecimal.class, new Decimal(DecimalRules.DEFAULT))
                .addKeyDeserializer(String.class, new Key())
                // wraps whichever date reader is registered (Quarkus registers the JSR-310 module after our customizers)
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                            JsonDeserializer<?> deserializer) {
                        return DATES.contains(description.getBeanClass()) ? new StringsOnly<>(deserializer) : deserializer;
                    }
                });
    }

    /** The {@code @Schema} of the field being read, when the field itself (not an element of it) has the given type. */
    private static Optional<Schema> schemaOf(BeanProperty property, Class<?> type) {
        return property == null || property.getType().getRawClass() != type ? Optional.empty()
                : Optional.ofNullable(property.getAnnotation(Schema.class));
    }

    private static <T> T refuse(JsonParser p, String problem, Class<T> type) throws InvalidFormatException {
        throw InvalidFormatException.from(p, problem, null, type);
    }

    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final int maxLength;

        Text(int maxLength) {
            super(String.class);
            this.maxLength = maxLength;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctx, BeanProperty property) {
            int limit = schemaOf(property, String.class).map(Schema::maxLength).filter(m -> m < Integer.MAX_VALUE).orElse(-1);
            return limit == maxLength ? this : new Text(limit);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctx.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            Optional<String> problem = maxLength < 0 ? TextRules.problem(text) : TextRules.problem(text, maxLength);
            return problem.isPresent() ? refuse(p, problem.get(), String.class) : text;
        }
    }

    static final class Decimal extends StdScalarDeserializer<BigDecimal> implements ContextualDeserializer {

        private final DecimalRules rules;

        Decimal(DecimalRules rules) {
            super(BigDecimal.class);
            this.rules = rules;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctx, BeanProperty property) {
            return schemaOf(property, BigDecimal.class).map(s -> new Decimal(DecimalRules.of(s.minimum(), s.maximum(), s.exclusiveMaximum(), s.multipleOf())))
                    .orElse(this);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctx.handleUnexpectedToken(BigDecimal.class, p);
            }
            BigDecimal value = p.getDecimalValue();
            Optional<String> problem = rules.problem(value);
            return problem.isPresent() ? refuse(p, problem.get(), BigDecimal.class) : value;
        }
    }

    /** Dates and times only from text: the JSR-310 readers alone would take {@code []} as null and arrays as dates. */
    static final class StringsOnly<T> extends StdScalarDeserializer<T> implements ContextualDeserializer {

        private final JsonDeserializer<T> delegate;

        @SuppressWarnings("unchecked")
        StringsOnly(JsonDeserializer<T> delegate) {
            super((Class<T>) delegate.handledType());
            this.delegate = delegate;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext ctx, BeanProperty property) throws JsonMappingException {
            JsonDeserializer<?> contextual = ctx.handleSecondaryContextualization(delegate, property, ctx.constructType(handledType()));
            return contextual == delegate ? this : new StringsOnly<>((JsonDeserializer<T>) contextual);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctx.handleUnexpectedToken(handledType(), p);
            }
            return delegate.deserialize(p, ctx);
        }
    }

    static final class Key extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctx) throws IOException {
            Optional<String> problem = TextRules.problem(key, TextRules.MAX_KEY_LENGTH);
            if (problem.isPresent()) {
                throw ctx.weirdKeyException(String.class, key.length() > 40 ? key.substring(0, 40) + "..." : key, problem.get());
            }
            return key;
        }
    }
}
