package org.opengep.common.input;

import java.util.Optional;

/**
 * What every text our services take must be: no control characters other than tab, line feed and carriage return
 * (PostgreSQL refuses NUL; the others are never meant), no unpaired UTF-16 surrogates (they cannot be stored or
 * encoded, and would be replaced by other characters). The limits are the ones the README and the OpenAPI documents
 * name.
 */
public final class TextRules {

    /** Query and path parameter values: at most this many characters. */
    public static final int MAX_PARAMETER_LENGTH = 200;
    /** Map keys in request bodies (codes and names): at most this many characters. */
    public static final int MAX_KEY_LENGTH = 200;

    private TextRules() {}

    /** Why {@code text} is not acceptable, or empty when it is. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return Optional.of(String.format("contains the control character U+%04X at position %d", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("contains the unpaired surrogate U+%04X at position %d (not a character)", (int) c, i));
            }
        }
        return Optional.empty();
    }

    /** Like {@link #problem(String)}, also refusing texts over {@code maxLength} characters (code points). */
    public static Optional<String> problem(String text, int maxLength) {
        if (text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of("at most " + maxLength + " characters (got " + text.codePointCount(0, text.length()) + ")");
        }
        return problem(text);
    }
}
