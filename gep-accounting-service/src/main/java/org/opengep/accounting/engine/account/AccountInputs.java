package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything one GEP account is computed from besides prices.
 *
 * @param regionAreaKm2 the accounting unit's land area when known (checks the extent, divides GEP)
 * @param extent area by ecosystem type
 * @param provisioningBasis GROSS (output value) or NET (less intermediate consumption)
 * @param outsideOrigin values of ecological products that came from outside the unit (GB/T 46869-2025),
 *     deducted from GEP as explicit lines
 */
public record AccountInputs(
        String regionCode,
        int year,
        BigDecimal regionAreaKm2,
        Map<String, Amount> extent,
        Amount gdp,
        Long population,
        ProvisioningBasis provisioningBasis,
        Map<String, IndicatorInput> indicators,
        List<Deduction> outsideOrigin) {

    /** A value to deduct because it came from outside the unit (e.g. water transferred in). */
    public record Deduction(@Schema(maxLength = 64) String indicator, Amount value, @Schema(maxLength = 2000) String description) {}

    public enum ProvisioningBasis {
        GROSS,
        NET
    }

    public AccountInputs {
        extent = extent == null ? Map.of() : extent;
        indicators = indicators == null ? Map.of() : indicators;
        provisioningBasis = provisioningBasis == null ? ProvisioningBasis.GROSS : provisioningBasis;
        outsideOrigin = outsideOrigin == null ? List.of() : outsideOrigin;
    }
}
