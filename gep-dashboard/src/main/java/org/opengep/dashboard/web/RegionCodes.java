package org.opengep.dashboard.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

/** The six-digit region codes the pages take: in a path a malformed one is a page that does not exist, in a query a 400. */
final class RegionCodes {

    private RegionCodes() {}

    static boolean isCode(String text) {
        return text != null && text.matches("\\d{6}");
    }

    /** A region code from the path. */
    static String inPath(String code) {
        if (!isCode(code)) {
            throw new NotFoundException();
        }
        return code;
    }

    /** An optional region code from the query: absent or blank is none; anything else must be a code, not be ignored. */
    static String optionalInQuery(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!isCode(code)) {
            throw new BadRequestException("region: a six-digit region code");
        }
        return code;
    }
}
