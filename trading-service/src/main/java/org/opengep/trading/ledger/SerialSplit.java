package org.opengep.trading.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Which serials move when {@code units} leave a holder's blocks, taken in the order given (oldest first). Whole
 * blocks move as they are; the last block taken is split when only part of it is needed: the holder keeps the first
 * sub-range and the receiver gets the last.
 */
public final class SerialSplit {

    /** A serial block of a holding: serials start..end inclusive. */
    public record Block(long holdingId, long start, long end) {
        public long units() {
            return end - start + 1;
        }
    }

    /**
     * The outcome: {@code moved} are the ranges that change hands (whole blocks, then the split block's last part),
     * {@code kept} the range the holder keeps of a split block, and {@code ended} the holdings that end.
     */
    public record Result(List<Block> moved, Block kept, List<Long> ended) {}

    private SerialSplit() {}

    public static Result take(List<Block> blocks, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive");
        }
        List<Block> moved = new ArrayList<>();
        List<Long> ended = new ArrayList<>();
        long missing = units;
        Block kept = null;
        for (Block b : blocks) {
            if (missing == 0) {
                break;
            }
            ended.add(b.holdingId());
            if (b.units() <= missing) {
                moved.add(b);
                missing -= b.units();
            } else {
                long keep = b.units() - missing;
                kept = new Block(b.holdingId(), b.start(), b.start() + keep - 1);
                moved.add(new Block(b.holdingId(), b.start() + keep, b.end()));
                missing = 0;
            }
        }
        if (missing > 0) {
            throw new IllegalStateException("the blocks hold " + (units - missing) + " units, not " + units);
        }
        return new Result(moved, kept, ended);
    }
}
