package org.opengep.registry.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Set;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;

/**
 * Whether a block of units may be issued from a product, and what it will be: how many serial numbers it takes
 * (one per smallest unit of the right's precision), its vintage and how long it stays valid.
 */
public final class IssuanceRules {

    /** What the registry knows of the product at issuance, read under its row lock. */
    public record ProductFacts(ProductType type, ProductStatus status, String unit, BigDecimal verifiedQuantity,
            BigDecimal issuedQuantity, Integer vintage, LocalDate periodStart, LocalDate periodEnd,
            Set<RightType> issuedRightTypes, Set<Pollutant> issuedPollutants) {}

    public record Request(RightType rightType, Integer vintage, BigDecimal quantity, WaterRightKind waterRightKind,
            Pollutant pollutant, String methodology, LocalDate validUntil) {}

    public record Plan(int vintage, long serials, LocalDate validUntil) {}

    private IssuanceRules() {}

    public static Plan plan(Request r, ProductFacts p, LocalDate today) {
        if (p.status() != ProductStatus.REGISTERED) {
            throw new ConflictException("product-not-registered", "units are issued only from REGISTERED products; this one is " + p.status());
        }
        Errors errors = new Errors();
        RightType type = r.rightType();
        if (type == null) {
            errors.add("rightType", "required");
        } else if (!p.type().rights().contains(type)) {
            errors.add("rightType", p.type() + " products issue " + (p.type().rights().isEmpty() ? "no tradable rights"
                    : p.type().rights().stream().map(Enum::name).sorted().toList()));
        }
        if (type != null && type != RightType.WATER_RIGHT && r.waterRightKind() != null) {
            errors.add("waterRightKind", "only for WATER_RIGHT");
        }
        if (type == RightType.WATER_RIGHT && r.waterRightKind() == null) {
            errors.add("waterRightKind", "required for water rights: " + java.util.Arrays.toString(WaterRightKind.values()));
        }
        if (type == RightType.POLLUTANT_EMISSION_RIGHT && r.pollutant() == null) {
            errors.add("pollutant", "required: one pollutant per right");
        }
        if (type != null && type != RightType.POLLUTANT_EMISSION_RIGHT && r.pollutant() != null) {
            errors.add("pollutant", "only for POLLUTANT_EMISSION_RIGHT");
        }
        if (type != null && p.type().rights().contains(type) && !p.unit().equals(type.unit(r.pollutant()))
                && !(type == RightType.POLLUTANT_EMISSION_RIGHT && r.pollutant() == null)) {
            errors.add("rightType", "the product's quantity is in " + p.unit() + " but " + type
                    + (r.pollutant() != null ? " of " + r.pollutant() : "") + " is counted in " + type.unit(r.pollutant()));
        }
        int vintage = vintage(r.vintage(), p, errors);
        long serials = 0;
        if (r.quantity() == null) {
            errors.add("quantity", "required");
        } else if (r.quantity().signum() <= 0) {
            errors.add("quantity", "must be positive");
        } else if (type != null) {
            if (r.quantity().stripTrailingZeros().scale() > type.precision()) {
                errors.add("quantity", type + " is counted with " + type.precision() + " decimal place(s); " + r.quantity().toPlainString() + " has more");
            } else {
                BigInteger units = r.quantity().movePointRight(type.precision()).toBigIntegerExact();
                if (units.bitLength() > 62) {
                    errors.add("quantity", "too large for one block");
                } else {
                    serials = units.longValueExact();
                }
            }
        }
        LocalDate validUntil = validUntil(r, today, errors);
        errors.throwIfAny();

        if (type == RightType.GREEN_POWER_CERTIFICATE && p.issuedRightTypes().contains(RightType.CCER)
                || type == RightType.CCER && p.issuedRightTypes().contains(RightType.GREEN_POWER_CERTIFICATE)) {
            throw new ConflictException("double-counting", "the same MWh cannot be both a green certificate and a CCER credit: "
                    + "this product already issued " + (type == RightType.CCER ? "green certificates" : "CCER"));
        }
        if (r.pollutant() != null && !p.issuedPollutants().isEmpty() && !p.issuedPollutants().contains(r.pollutant())) {
            throw new ConflictException("pollutant-mismatch", "pollutants never mix: this product's capacity was issued for "
                    + p.issuedPollutants() + ", not " + r.pollutant());
        }
        BigDecimal remaining = p.verifiedQuantity().subtract(p.issuedQuantity());
        if (r.quantity().compareTo(remaining) > 0) {
            throw new ConflictException("over-issuance", "issuing " + r.quantity().toPlainString() + " " + p.unit()
                    + " would exceed the verified quantity: " + remaining.stripTrailingZeros().toPlainString() + " " + p.unit() + " remain");
        }
        return new Plan(vintage, serials, validUntil);
    }

    /** The product's vintage, or a year of its period; a product with neither takes the year asked for. */
    private static int vintage(Integer asked, ProductFacts p, Errors errors) {
        if (p.vintage() != null) {
            if (asked != null && !asked.equals(p.vintage())) {
                errors.add("vintage", "the product's vintage is " + p.vintage());
            }
            return p.vintage();
        }
        if (asked == null) {
            errors.add("vintage", "required: the product covers " + p.periodStart() + " to " + p.periodEnd());
            return 0;
        }
        if (asked < p.periodStart().getYear() || asked > p.periodEnd().getYear()) {
            errors.add("vintage", "outside the product's period " + p.periodStart() + " to " + p.periodEnd());
        }
        return asked;
    }

    /**
     * Green certificates are valid two years from issuance; pollutant rights until the date given, at most five
     * years (five when none is given); withdrawal-permit water rights until the permit's end, which is required.
     */
    private static LocalDate validUntil(Request r, LocalDate today, Errors errors) {
        RightType type = r.rightType();
        if (type == null) {
            return null;
        }
        if (r.validUntil() != null && !r.validUntil().isAfter(today)) {
            errors.add("validUntil", "must be after today (" + today + ")");
            return null;
        }
        if (type.validity() != null) {
            LocalDate longest = today.plus(type.validity());
            if (type == RightType.GREEN_POWER_CERTIFICATE && r.validUntil() != null) {
                errors.add("validUntil", "green certificates are valid for " + type.validity().getYears() + " years from issuance; leave it out");
            }
            if (r.validUntil() != null && r.validUntil().isAfter(longest)) {
                errors.add("validUntil", "at most " + type.validity().getYears() + " years: " + longest);
            }
            return r.validUntil() != null ? r.validUntil() : longest;
        }
        if (type == RightType.WATER_RIGHT && r.waterRightKind() == WaterRightKind.WITHDRAWAL_PERMIT && r.validUntil() == null) {
            errors.add("validUntil", "required: the end of the withdrawal permit's validity");
        }
        return r.validUntil();
    }
}
