package org.opengep.common.input;

import java.util.regex.Pattern;

/**
 * What a region code can be: a six-digit GB/T 2260 code or a custom unit's code (2 to 32 letters, digits, '_' or '-').
 * A service checks a code against this before it asks another service about it, so that input which cannot name a
 * region is the caller's 400, never a failed call that counts against the other service's circuit breaker.
 */
public final class RegionCodes {

    public static final int MAX_LENGTH = 32;
    public static final String RULE = "a six-digit GB/T 2260 code or a custom unit's code (2 to 32 letters, digits, '_' or '-')";
    private static final Pattern ADMINISTRATIVE = Pattern.compile("\\d{6}");
    private static final Pattern ANY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,31}");

    private RegionCodes() {}

    public static boolean isWellFormed(String code) {
        return code != null && ANY.matcher(code).matches();
    }

    public static boolean isAdministrative(String code) {
        return code != null && ADMINISTRATIVE.matcher(code).matches();
    }
}
