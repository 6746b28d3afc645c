package org.opengep.trading.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Cash is counted in fen (0.01 元) as whole numbers. The amount of a fill is price x quantity rounded half-up to the
 * fen; a fee is the amount times the side's rate, rounded half-up to the fen.
 */
public final class Money {

    private Money() {}

    /** 元 as fen; the value must have at most two decimals. */
    public static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** The amount of {@code units} (of a right counted with {@code precision} decimals) at {@code price} 元 per unit. */
    public static long amount(BigDecimal price, long units, int precision) {
        return price.multiply(BigDecimal.valueOf(units, precision)).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    public static long fee(long amountFen, BigDecimal rate) {
        return BigDecimal.valueOf(amountFen).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
