package org.opengep.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.opengep.common.input.StrictJson;

/**
 * JSON rules of every service: unknown fields are errors (a typo must not be silently ignored), decimals stay
 * exact and are written without exponents, and absent values are left out rather than written as null. Nothing is
 * guessed from a value of another type: a member given twice, an enum given by its position, a fraction where a whole
 * number is meant, a number where text is meant (or the reverse) and a null inside a list or map are errors, and the
 * values themselves keep {@link StrictJson}'s rules.
 */
@Singleton
public class JsonRules implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.registerModule(StrictJson.module());
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        // trees keep decimals as written (600000000.00 stays so), like the records they come from
        mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        // absent rather than null: documents stay lean (generated clients read both the same)
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
