package org.opengep.trading.ledger;

import java.time.LocalDate;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;

/**
 * What a balance counts, the really fungible thing: a right type of one vintage; for pollutant rights one pollutant
 * (they never mix); for water rights one kind, and a withdrawal permit's quota also its permit's end date (quotas of
 * permits that end on other days are not the same right).
 */
public record Instrument(RightType rightType, int vintage, Pollutant pollutant, WaterRightKind waterRightKind, LocalDate permitValidUntil) {

    public Instrument {
        if ((rightType == RightType.POLLUTANT_EMISSION_RIGHT) != (pollutant != null)
                || (rightType == RightType.WATER_RIGHT) != (waterRightKind != null)
                || (waterRightKind == WaterRightKind.WITHDRAWAL_PERMIT) != (permitValidUntil != null)) {
            throw new IllegalArgumentException("not an instrument: " + rightType + " " + pollutant + " " + waterRightKind + " " + permitValidUntil);
        }
    }

    /** An instrument of a right type that has neither pollutants nor kinds. */
    /** A vintage is a year of four digits: the year the units were produced, issued or allocated for. */
    public static final int FIRST_VINTAGE = 1900;
    public static final int LAST_VINTAGE = 9999;

    public static Instrument of(RightType rightType, int vintage) {
        return new Instrument(rightType, vintage, null, null, null);
    }

    /**
     * What tells instruments of one right type and vintage apart, as the journal's hash covers it: the pollutant, the
     * water right's kind (with the permit's end), or nothing.
     */
    public String variant() {
        if (pollutant != null) {
            return pollutant.name();
        }
        if (waterRightKind != null) {
            return waterRightKind.name() + (permitValidUntil == null ? "" : " until " + permitValidUntil);
        }
        return "";
    }

    /** The unit of one right of this instrument. */
    public String unit() {
        return rightType.unit(pollutant);
    }

    @Override
    public String toString() {
        return rightType + " " + vintage + (variant().isEmpty() ? "" : " " + variant());
    }

    /**
     * The instrument a request names, its fields checked (each problem added to {@code errors} under the field's
     * name); null when a field is missing or wrong.
     */
    public static Instrument from(Errors errors, RightType type, Integer vintage, Pollutant pollutant, WaterRightKind kind,
            LocalDate permitValidUntil) {
        if (type == null) {
            errors.add("rightType", "required");
        }
        if (vintage == null) {
            errors.add("vintage", "required");
        } else if (vintage < FIRST_VINTAGE || vintage > LAST_VINTAGE) {
            errors.add("vintage", "a year from " + FIRST_VINTAGE + " to " + LAST_VINTAGE);
        }
        boolean ok = type != null && vintage != null && vintage >= FIRST_VINTAGE && vintage <= LAST_VINTAGE;
        if (type == RightType.POLLUTANT_EMISSION_RIGHT && pollutant == null) {
            errors.add("pollutant", "required: pollutant rights move one pollutant at a time");
            ok = false;
        }
        if (type != null && type != RightType.POLLUTANT_EMISSION_RIGHT && pollutant != null) {
            errors.add("pollutant", "only for POLLUTANT_EMISSION_RIGHT");
            ok = false;
        }
        if (type == RightType.WATER_RIGHT && kind == null) {
            errors.add("waterRightKind", "required: REGIONAL, WITHDRAWAL_PERMIT and IRRIGATION water rights are different rights");
            ok = false;
        }
        if (type != null && type != RightType.WATER_RIGHT && kind != null) {
            errors.add("waterRightKind", "only for WATER_RIGHT");
            ok = false;
        }
        if (kind == WaterRightKind.WITHDRAWAL_PERMIT && permitValidUntil == null) {
            errors.add("permitValidUntil", "required: quotas of withdrawal permits that end on other days are different rights");
            ok = false;
        }
        if (kind != WaterRightKind.WITHDRAWAL_PERMIT && permitValidUntil != null) {
            errors.add("permitValidUntil", "only for WITHDRAWAL_PERMIT water rights");
            ok = false;
        }
        return ok ? new Instrument(type, vintage, pollutant, kind, permitValidUntil) : null;
    }
}
