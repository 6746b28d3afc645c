package org.opengep.trading.ledger;

import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;

/** What a balance counts: a right type of one vintage (and, for pollutant rights, one pollutant: they never mix). */
public record Instrument(RightType rightType, int vintage, Pollutant pollutant) {

    /** The pollutant column: the pollutant's name, or empty for other rights. */
    public String pollutantKey() {
        return pollutant == null ? "" : pollutant.name();
    }

    @Override
    public String toString() {
        return rightType + " " + vintage + (pollutant == null ? "" : " " + pollutant);
    }

    public static Instrument of(String rightType, int vintage, String pollutant) {
        return new Instrument(RightType.valueOf(rightType), vintage, pollutant == null || pollutant.isEmpty() ? null : Pollutant.valueOf(pollutant));
    }
}
