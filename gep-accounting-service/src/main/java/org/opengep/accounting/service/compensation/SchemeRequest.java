package org.opengep.accounting.service.compensation;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.opengep.common.input.RegionCodes;

/**
 * A compensation scheme's formula, as a user sends it and as its version keeps it. A VERTICAL scheme names weighted
 * factors (and optionally a growth adjustment); a HORIZONTAL scheme names the provider, the payers, how the amount is
 * derived (or that it is given per run) and the measure that splits it.
 */
@Schema(description = "A compensation scheme: vertical transfer by weighted factors, or horizontal (beneficiary pays)")
public record SchemeRequest(
        @Schema(required = true, maxLength = 200, examples = "绍兴市重点生态功能区转移支付") String name,
        @Schema(required = true) Kind kind,
        @Schema(maxLength = 2000) String description,
        @Schema(description = "The policy document the scheme implements", maxLength = 500) String source,
        @Schema(description = "VERTICAL: the factors and their weights (adding up to 1)", maxItems = CompensationSchemes.MAX_FACTORS) List<FactorSpec> factors,
        @Schema(description = "VERTICAL, optional: reward or deduction for comparable-price GEP growth") GrowthAdjustmentSpec growthAdjustment,
        @Schema(description = "HORIZONTAL: the region whose ecosystems provide the services", maxLength = 32) String providerCode,
        @Schema(description = "HORIZONTAL: the regions that benefit and pay", type = SchemaType.ARRAY, implementation = RegionCodeText.class,
                maxItems = CompensationSchemes.MAX_PAYERS) List<String> payerCodes,
        @Schema(description = "HORIZONTAL, optional: the provider's indicators whose value flows to the payers (the amount is then "
                + "gepShare x their official value; without them each run gives the agreed amount)", type = SchemaType.ARRAY,
                implementation = IndicatorCodeText.class, maxItems = CompensationSchemes.MAX_INDICATORS) List<String> gepIndicators,
        @Schema(description = "HORIZONTAL, with gepIndicators: the part of their value the payers pay, in (0, 1]") BigDecimal gepShare,
        @Schema(description = "HORIZONTAL: what the payers' shares are in proportion to (weight is not given)") FactorSpec measure) {

    @Schema(name = "SchemeKind")
    public enum Kind {
        /** A higher government allocates a fund among the regions below it (纵向转移支付) */
        VERTICAL,
        /** The benefiting regions pay the providing region (横向生态补偿) */
        HORIZONTAL
    }

    public enum Factor {
        /** regulating services of the official account, at the prices of the run's price year */
        REGULATING_GEP,
        /** the official GEP at the prices of the run's price year */
        GEP,
        /** GEP at those prices per resident */
        GEP_PER_CAPITA,
        /** resident population of the official account */
        POPULATION,
        /** GDP of the official account */
        GDP,
        /** the region's land area */
        AREA,
        /** a figure uploaded per region (POST /api/v1/compensation/datasets), by its name, for the run's year */
        DATASET
    }

    @Schema(description = "A factor and its weight")
    public record FactorSpec(
            @Schema(required = true) Factor factor,
            @Schema(description = "DATASET: the dataset's name", maxLength = 200, examples = "生态保护红线面积") String dataset,
            @Schema(description = "The factor's weight (vertical schemes)", examples = "0.5") BigDecimal weight) {

        /** How the factor is named in an allocation. */
        public String label() {
            return factor == Factor.DATASET ? "DATASET " + dataset : factor.name();
        }
    }

    @Schema(description = "a_i = s_i x (1 + coefficient x clip(g_i, -cap, cap)), g the comparable-price GEP growth over the year before")
    public record GrowthAdjustmentSpec(
            @Schema(required = true, examples = "0.5") BigDecimal coefficient,
            @Schema(required = true, examples = "0.1") BigDecimal cap) {}

    /** The OpenAPI schema of a region code in a list. */
    @Schema(name = "RegionCode", type = SchemaType.STRING, maxLength = RegionCodes.MAX_LENGTH, description = RegionCodes.RULE)
    public static final class RegionCodeText {
        private RegionCodeText() {}
    }

    /** The OpenAPI schema of an indicator code in a list. */
    @Schema(name = "IndicatorCode", type = SchemaType.STRING, maxLength = 64, description = "an indicator code (GET /api/v1/indicators)")
    public static final class IndicatorCodeText {
        private IndicatorCodeText() {}
    }
}
