package org.opengep.common.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengep.common.json.JsonRules;

/** The rules every request keeps, on their own and as the services' JSON reads them. */
class InputRulesTest {

    enum Colour { GREEN, BLUE }

    record Sample(@Schema(maxLength = 5) String name, String note, BigDecimal amount,
            @Schema(maximum = "100", exclusiveMaximum = true, multipleOf = 0.01) BigDecimal price, Integer year, Colour colour,
            LocalDate day, List<String> tags, Map<String, BigDecimal> byKey) {}

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    {
        new JsonRules().customize(json);
    }

    @Test
    void textKeepsNoControlCharacterButTabAndNewlinesAndNoUnpairedSurrogate() {
        assertThat(TextRules.problem("湖州\t安吉\r\n😀")).isEmpty();
        assertThat(TextRules.problem("a\u0000b")).hasValueSatisfying(p -> assertThat(p).contains("U+0000"));
        assertThat(TextRules.problem("a\u007f")).isPresent();
        assertThat(TextRules.problem("a\ud800b")).hasValueSatisfying(p -> assertThat(p).contains("unpaired surrogate"));
        assertThat(TextRules.problem("\udc00")).isPresent();
        assertThat(TextRules.problem("😀😀", 2)).isEmpty();
        assertThat(TextRules.problem("abc", 2)).hasValue("at most 2 characters (got 3)");
    }

    @Test
    void decimalsStayInRangeAndAreNeverRounded() {
        assertThat(DecimalRules.DEFAULT.problem(new BigDecimal("123456789012345678.5"))).isEmpty();
        assertThat(DecimalRules.DEFAULT.problem(new BigDecimal("1e18"))).isPresent();
        assertThat(DecimalRules.DEFAULT.problem(new BigDecimal("1e400"))).isPresent();
        assertThat(DecimalRules.DEFAULT.problem(new BigDecimal("1E-400"))).isPresent();
        assertThat(DecimalRules.DEFAULT.problem(new BigDecimal("1.50000000000000000000000000000000000000"))).isEmpty();
        DecimalRules cents = DecimalRules.of("0", "100", true, 0.01);
        assertThat(cents.problem(new BigDecimal("99.99"))).isEmpty();
        assertThat(cents.problem(new BigDecimal("100"))).hasValue("below 100");
        assertThat(cents.problem(new BigDecimal("1.234"))).hasValueSatisfying(p -> assertThat(p).contains("at most 2 decimal place"));
        assertThat(cents.problem(new BigDecimal("-1"))).hasValue("at least 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a?x=%ZZ", "/a?x=%", "/a?x=%C0%AF", "/a/%ED%A0%80", "/a?x={b}", "/a b", "/a?x=\u00e9"})
    void malformedUrisAreNamed(String uri) {
        assertThat(RequestRules.problem(uri)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/regions/330602", "/a?name=%E6%B9%96%E5%B7%9E&x=1", "/a?x=a%00b", "/a?x=%2F"})
    void wellFormedUrisPass(String uri) {
        assertThat(RequestRules.problem(uri)).isEmpty();
    }

    @Test
    void aValidSampleIsReadAsWritten() throws Exception {
        Sample s = json.readValue("""
                {"name": "安吉", "note": "x", "amount": 1.2345678901234567890123, "price": 12.5, "year": 2024, "colour": "GREEN",
                 "day": "2024-03-01", "tags": ["a"], "byKey": {"FOREST": 1}}""", Sample.class);
        assertThat(s.amount()).isEqualByComparingTo("1.2345678901234567890123");
        assertThat(s.day()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void hostileValuesAreRefusedNamingTheirField() {
        refused("{\"name\": \"abcdef\"}", InvalidFormatException.class, "name");
        refused("{\"note\": \"a\\u0000b\"}", InvalidFormatException.class, "note");
        refused("{\"note\": \"a\\ud800\"}", InvalidFormatException.class, "note");
        refused("{\"note\": 12}", MismatchedInputException.class, "note");
        refused("{\"amount\": 1e400}", InvalidFormatException.class, "amount");
        refused("{\"amount\": \"12\"}", MismatchedInputException.class, "amount");
        refused("{\"price\": 100}", InvalidFormatException.class, "price");
        refused("{\"price\": 1.005}", InvalidFormatException.class, "price");
        refused("{\"year\": 2024.5}", MismatchedInputException.class, "year");
        refused("{\"colour\": 0}", MismatchedInputException.class, "colour");
        refused("{\"colour\": \"1\"}", MismatchedInputException.class, "colour");
        refused("{\"day\": []}", MismatchedInputException.class, "day");
        refused("{\"day\": {}}", MismatchedInputException.class, "day");
        refused("{\"tags\": [null]}", InvalidNullException.class, "tags");
        refused("{\"byKey\": {\"a\\u0000\": 1}}", InvalidFormatException.class, "byKey");
        assertThatThrownBy(() -> json.readValue("{\"note\": \"a\", \"note\": \"b\"}", Sample.class)).isInstanceOf(StreamReadException.class)
                .hasMessageContaining("Duplicate field 'note'");
    }

    private void refused(String body, Class<? extends Exception> type, String field) {
        assertThatThrownBy(() -> json.readValue(body, Sample.class)).as(body).isInstanceOf(type)
                .satisfies(e -> assertThat(((com.fasterxml.jackson.databind.JsonMappingException) e).getPath().get(0).getFieldName()).isEqualTo(field));
    }
}
