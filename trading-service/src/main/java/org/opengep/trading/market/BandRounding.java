package org.opengep.trading.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a price band's limits are put on the tick. Chinese exchanges round each limit price half-up to the tick (四舍五入):
 * base 45.67 with ±10 % on a 0.01 tick gives 41.10 to 50.24. A market that allows only prices strictly inside the
 * computed band rounds inward (the low limit up, the high down): 41.11 to 50.23.
 */
public enum BandRounding {
    HALF_UP,
    INWARD;

    /** The low limit ({@code low} true) or the high one, on the tick. */
    BigDecimal onTick(BigDecimal limit, BigDecimal tick, boolean low) {
        RoundingMode mode = this == HALF_UP ? RoundingMode.HALF_UP : low ? RoundingMode.CEILING : RoundingMode.FLOOR;
        return limit.divide(tick, 0, mode).multiply(tick);
    }
}
