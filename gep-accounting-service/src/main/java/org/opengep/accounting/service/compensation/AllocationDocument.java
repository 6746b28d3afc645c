package org.opengep.accounting.service.compensation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.engine.compensation.FactorAllocation.FactorTerm;
import org.opengep.accounting.engine.compensation.HorizontalAmount.Derivation;
import org.opengep.accounting.service.compensation.SchemeRequest.GrowthAdjustmentSpec;
import org.opengep.accounting.service.compensation.SchemeRequest.Kind;

/**
 * One run of a compensation scheme as stored and served: which scheme version, for which year and region, every
 * factor value with its source, and per region the shares and the arithmetic that give its amount.
 *
 * @param regionCode the allocating parent (vertical) or the providing region (horizontal)
 * @param priceYear the year whose prices GEP factors are at (vertical)
 * @param amountDerivation how a horizontal amount was derived from the provider's GEP, when it was
 */
public record AllocationDocument(UUID id, SchemeVersion scheme, int year, String regionCode, String regionName, String methodVersion,
        Integer priceYear, BigDecimal total, String formula, Derivation amountDerivation, List<FactorUsed> factors,
        GrowthAdjustmentSpec growthAdjustment, List<RegionLine> regions, List<ExcludedRegion> excludedRegions, String createdBy,
        OffsetDateTime createdAt, Publication publication) {

    public record SchemeVersion(UUID id, String name, int version, Kind kind) {}

    public record FactorUsed(String factor, BigDecimal weight, String unit) {}

    public enum Direction {
        RECEIVES,
        PAYS
    }

    /** One region's amount with everything it comes from. */
    public record RegionLine(String regionCode, String regionName, Direction direction, BigDecimal amount, BigDecimal exactAmount,
            BigDecimal share, BigDecimal baseShare, BigDecimal growth, BigDecimal appliedGrowth, BigDecimal adjustmentFactor,
            List<FactorTerm> factors, String arithmetic) {}

    /** A child of the parent that receives nothing, and why. */
    public record ExcludedRegion(String regionCode, String regionName, String reason) {}

    @Schema(name = "AllocationPublication")
    public record Publication(String reason, String publishedBy, OffsetDateTime publishedAt) {}

    public AllocationDocument withPublication(Publication p) {
        return new AllocationDocument(id, scheme, year, regionCode, regionName, methodVersion, priceYear, total, formula, amountDerivation,
                factors, growthAdjustment, regions, excludedRegions, createdBy, createdAt, p);
    }
}
