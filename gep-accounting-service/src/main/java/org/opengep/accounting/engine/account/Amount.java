package org.opengep.accounting.engine.account;

import java.math.BigDecimal;

/** A number with the unit its author wrote, before the engine has checked and converted it. */
public record Amount(BigDecimal value, String unit) {

    public static Amount of(String value, String unit) {
        return new Amount(new BigDecimal(value), unit);
    }
}
