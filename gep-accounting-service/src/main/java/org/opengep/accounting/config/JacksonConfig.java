package org.opengep.accounting.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.engine.account.Amount;

/**
 * Amounts in JSON (the general rules are {@code JsonRules}): an amount may be written {@code {"value": 1.2, "unit": "亿m³"}} or, for
 * dimensionless inputs, as a bare number. Both forms are read with the same rules as every other value.
 */
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("amounts").addDeserializer(Amount.class, new AmountDeserializer()));
        mapper.registerModule(new BlackbirdModule());
    }

    /** The object form of an amount, read as any record is: unknown members, duplicates, wrong types and limits are errors. */
    record AmountObject(BigDecimal value, @Schema(maxLength = Amount.UNIT_MAX_LENGTH) String unit) {}

    static final class AmountDeserializer extends JsonDeserializer<Amount> {

        private volatile JsonDeserializer<Object> objectForm;

        @Override
        public Amount deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return new Amount(ctx.readValue(p, BigDecimal.class), "1");
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (Amount) ctx.handleUnexpectedToken(Amount.class, p);
            }
            AmountObject object = (AmountObject) objectForm(ctx).deserialize(p, ctx);
            return new Amount(object.value(), object.unit());
        }

        /** The record's deserializer, looked up once: {@code ctx.readValue} would build it again for every amount. */
        private JsonDeserializer<Object> objectForm(DeserializationContext ctx) throws IOException {
            JsonDeserializer<Object> found = objectForm;
            if (found == null) {
                found = ctx.findRootValueDeserializer(ctx.constructType(AmountObject.class));
                objectForm = found;
            }
            return found;
        }
    }
}
