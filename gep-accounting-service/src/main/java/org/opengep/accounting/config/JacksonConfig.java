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

        // Looked up once each: ctx.readValue would look the deserializer up again for every amount, and for BigDecimal that
        // lookup goes through the factory every time (two fifths of parsing a national upload).
        private volatile JsonDeserializer<Object> numberForm;
        private volatile JsonDeserializer<Object> objectForm;

        @Override
        public Amount deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                if (numberForm == null) {
                    numberForm = ctx.findRootValueDeserializer(ctx.constructType(BigDecimal.class));
                }
                return new Amount((BigDecimal) numberForm.deserialize(p, ctx), "1");
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (Amount) ctx.handleUnexpectedToken(Amount.class, p);
            }
            if (objectForm == null) {
                objectForm = ctx.findRootValueDeserializer(ctx.constructType(AmountObject.class));
            }
            AmountObject object = (AmountObject) objectForm.deserialize(p, ctx);
            return new Amount(object.value(), object.unit());
        }
    }
}
