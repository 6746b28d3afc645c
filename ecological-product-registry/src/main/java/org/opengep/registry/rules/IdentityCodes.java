package org.opengep.registry.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The two national identity codes a holder is registered under, each with its check character:
 * the unified social credit code of organisations (GB 32100-2015) and the citizen identity number of
 * individuals (GB 11643-1999). Each check answers what is wrong with a code, or nothing when it is valid.
 */
public final class IdentityCodes {

    /** GB 32100-2015 code characters: digits and capitals without I, O, Z, S, V. */
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** Registration authorities (first character): 1-9 as listed in the standard, A, N (agriculture), Y (other). */
    private static final String USCC_AUTHORITIES = "123456789ANY";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECKS = "10X98765432";

    private IdentityCodes() {}

    /** Codes are compared in upper case without surrounding blanks. */
    public static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public static Optional<String> usccProblem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("a unified social credit code has 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = USCC_CHARS.indexOf(code.charAt(i));
            if (value < 0) {
                return Optional.of("character " + (i + 1) + " '" + code.charAt(i) + "' is not allowed (digits and capitals except I, O, Z, S, V)");
            }
            if (i < 17) {
                sum += value * USCC_WEIGHTS[i];
            }
        }
        if (USCC_AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return Optional.of("'" + code.charAt(0) + "' is not a registration authority code (first character: 1-9, A, N or Y)");
        }
        for (int i = 2; i < 8; i++) {
            if (!isAsciiDigit(code.charAt(i))) {
                return Optional.of("characters 3 to 8 are the registering region's code and must be digits");
            }
        }
        char expected = USCC_CHARS.charAt((31 - sum % 31) % 31);
        if (code.charAt(17) != expected) {
            return Optional.of("check character is '" + code.charAt(17) + "' but the code's first 17 characters give '" + expected + "'");
        }
        return Optional.empty();
    }

    public static Optional<String> citizenIdProblem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("a citizen identity number has 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(code.charAt(i))) {
                return Optional.of("the first 17 characters must be the digits 0-9");
            }
            sum += (code.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        try {
            LocalDate.of(Integer.parseInt(code.substring(6, 10)), Integer.parseInt(code.substring(10, 12)),
                    Integer.parseInt(code.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("characters 7 to 14 are not a date of birth");
        }
        char expected = ID_CHECKS.charAt(sum % 11);
        // the last character is a digit or X; anything else (a full-width or Arabic-Indic digit) is wrong, not a variant
        if (code.charAt(17) != expected) {
            return Optional.of("check character is '" + code.charAt(17) + "' but the first 17 digits give '" + expected + "'");
        }
        return Optional.empty();
    }

    /** Only 0-9: Character.isDigit would also take full-width and Arabic-Indic digits, which are not the code's characters. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
