package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A number with the unit its author wrote, before the engine has checked and converted it. */
public record Amount(BigDecimal value, @Schema(maxLength = Amount.UNIT_MAX_LENGTH) String unit) {

    /** Units are short symbols (亿m³, t/hm²); the column that keeps price units has this width. */
    public static final int UNIT_MAX_LENGTH = 32;

    public static Amount of(String value, String unit) {
        return new Amount(new BigDecimal(value), unit);
    }
}
