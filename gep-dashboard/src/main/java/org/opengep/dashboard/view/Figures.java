package org.opengep.dashboard.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Figures as Chinese budgets read them: values in 亿元 (10⁸ 元) or 万元 (10⁴ 元) with two decimals and thousands
 * separators, ratios as percentages. Rounding is for reading only (half up); downloads carry the services' exact figures.
 */
public final class Figures {

    static final BigDecimal YI = new BigDecimal("100000000");
    static final BigDecimal WAN = new BigDecimal("10000");

    private Figures() {}

    /** 元 in 亿元: 9 318 885 274.08 → "93.19". */
    public static String yi(BigDecimal yuan) {
        return yuan == null ? "—" : grouped(yuan.divide(YI, 2, RoundingMode.HALF_UP));
    }

    /** 元 in 万元: 12 342 894.40 → "1,234.29". */
    public static String wan(BigDecimal yuan) {
        return yuan == null ? "—" : grouped(yuan.divide(WAN, 2, RoundingMode.HALF_UP));
    }

    /** 元 with two decimals: 8471.7 → "8,471.70". */
    public static String yuan(BigDecimal yuan) {
        return yuan == null ? "—" : grouped(yuan.setScale(2, RoundingMode.HALF_UP));
    }

    /** A quantity as given, with separators and no trailing zeros: 3000.000 → "3,000". */
    public static String quantity(BigDecimal quantity) {
        if (quantity == null) {
            return "—";
        }
        BigDecimal plain = quantity.stripTrailingZeros();
        return grouped(plain.scale() < 0 ? plain.setScale(0) : plain);
    }

    /** A ratio as a percentage with two decimals, or four when it is below 0.01 % but not zero: 0.1136 → "11.36%". */
    public static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "—";
        }
        BigDecimal percent = ratio.movePointRight(2);
        int decimals = percent.signum() != 0 && percent.abs().compareTo(new BigDecimal("0.01")) < 0 ? 4 : 2;
        return percent.setScale(decimals, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A growth rate with its sign: 0.0526 → "+5.26%", −0.031 → "−3.10%". */
    public static String growth(BigDecimal ratio) {
        if (ratio == null) {
            return "—";
        }
        String percent = percent(ratio.abs());
        return (ratio.signum() < 0 ? "−" : ratio.signum() > 0 ? "+" : "") + percent;
    }

    /** 元 in 亿元 as a chart value (four decimals, so that small counties do not draw as zero). */
    public static BigDecimal yiValue(BigDecimal yuan) {
        return yuan == null ? null : yuan.divide(YI, 4, RoundingMode.HALF_UP);
    }

    private static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(value.scale());
        format.setMaximumFractionDigits(value.scale());
        return format.format(value);
    }
}
