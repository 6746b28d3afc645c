package org.opengep.accounting.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.opengep.accounting.engine.account.Amount;

/**
 * Amounts in JSON (the general rules are {@code JsonRules}): an amount may be written {@code {"value": 1.2, "unit": "亿m³"}} or, for
 * dimensionless inputs, as a bare number.
 */
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("amounts").addDeserializer(Amount.class, new AmountDeserializer()));
    }

    static final class AmountDeserializer extends JsonDeserializer<Amount> {

        @Override
        public Amount deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return new Amount(p.getDecimalValue(), "1");
            }
            JsonNode node = ctx.readTree(p);
            if (node == null || !node.isObject()) {
                return (Amount) ctx.handleUnexpectedToken(Amount.class, p);
            }
            var names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals("value") && !name.equals("unit")) {
                    throw UnrecognizedPropertyException.from(p, Amount.class, name,
                            List.of("value", "unit"));
                }
            }
            JsonNode value = node.get("value");
            if (value != null && !value.isNull() && !value.isNumber()) {
                throw InvalidFormatException.from(p, "value must be a number",
                        value.asText(), BigDecimal.class);
            }
            JsonNode unit = node.get("unit");
            return new Amount(value == null || value.isNull() ? null : value.decimalValue(),
                    unit == null || unit.isNull() ? null : unit.asText());
        }
    }
}
