package org.opengep.accounting.engine.account;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Everything one GEP account is computed from besides prices.
 *
 * @param regionAreaKm2 the accounting unit's land area when known (checks the extent, divides GEP)
 * @param extent area by ecosystem type
 * @param provisioningBasis GROSS (output value) or NET (less intermediate consumption)
 */
public record AccountInputs(
        String regionCode,
        int year,
        BigDecimal regionAreaKm2,
        Map<String, Amount> extent,
        Amount gdp,
        Long population,
        ProvisioningBasis provisioningBasis,
        Map<String, IndicatorInput> indicators) {

    public enum ProvisioningBasis {
        GROSS,
        NET
    }

    public AccountInputs {
        extent = extent == null ? Map.of() : extent;
        indicators = indicators == null ? Map.of() : indicators;
        provisioningBasis = provisioningBasis == null ? ProvisioningBasis.GROSS : provisioningBasis;
    }
}
