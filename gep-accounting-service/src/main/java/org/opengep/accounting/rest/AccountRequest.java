package org.opengep.accounting.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.account.AccountInputs.Deduction;
import org.opengep.accounting.engine.account.AccountInputs.ProvisioningBasis;
import org.opengep.accounting.engine.account.AccountInputs;
import org.opengep.accounting.engine.account.Amount;
import org.opengep.accounting.engine.account.IndicatorInput;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.common.input.RegionCodes;

/** What a client sends to compute an account. */
@Schema(description = "Inputs of one GEP account")
public record AccountRequest(
        @Schema(required = true, description = "GB/T 2260 code or custom unit code", examples = "440300", maxLength = RegionCodes.MAX_LENGTH) String regionCode,
        @Schema(required = true, description = "Accounting year", examples = "2020") Integer year,
        @Schema(description = "Method version; defaults to the service's default (see GET /api/v1/indicators)",
                examples = "MEE-2020", maxLength = 32) String methodVersion,
        @Schema(description = "Price set to value with; defaults to the built-in reference set") UUID priceSetId,
        @Schema(description = "Prices or parameters that replace the set's for this account only") List<PriceEntry> priceOverrides,
        @Schema(description = "Ecosystem extent: area by ecosystem type") Map<String, Amount> extent,
        @Schema(description = "GDP of the unit in the year, for GEP/GDP") Amount gdp,
        @Schema(description = "Resident population, for GEP per capita") Long population,
        @Schema(description = "GROSS (default) or NET of intermediate consumption, for provisioning values")
                ProvisioningBasis provisioningBasis,
        @Schema(required = true, description = "Inputs by indicator code") Map<String, IndicatorInput> indicators,
        @Schema(description = "Values that came from outside the unit, deducted from GEP as explicit lines (GB/T 46869-2025)")
                List<Deduction> outsideOrigin) {

    /** What the engine computes from, for the region the request names. */
    public AccountInputs inputs(Region region) {
        return inputs(region.code, region.areaKm2);
    }

    /** What the engine computes from, for a region of this code and land area (null: unknown). */
    public AccountInputs inputs(String regionCode, BigDecimal regionAreaKm2) {
        return new AccountInputs(regionCode, year, regionAreaKm2, extent, gdp, population, provisioningBasis, indicators,
                outsideOrigin);
    }
}
