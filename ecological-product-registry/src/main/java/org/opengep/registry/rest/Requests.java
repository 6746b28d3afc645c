package org.opengep.registry.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.input.RegionCodes;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.registry.domain.Holder;
import org.opengep.registry.rules.Category;
import org.opengep.registry.rules.ProductStatus;
import org.opengep.registry.rules.ProductType;

/** What the API takes: the request bodies, as the OpenAPI document describes them, with the limits it documents and enforces. */
public final class Requests {

    private Requests() {}

    @Schema(name = "NewHolder", description = "An organisation (with its unified social credit code) or an individual (with a citizen identity number)")
    public record NewHolder(
            @Schema(required = true) Holder.Kind kind,
            @Schema(required = true, examples = "龙泉市林业合作社", maxLength = 200) String name,
            @Schema(description = "Organisations: the 18-character unified social credit code (GB 32100-2015)", examples = "91350100M000100Y43", maxLength = 32) String uscc,
            @Schema(description = "Individuals: the 18-character citizen identity number (GB 11643-1999)", maxLength = 32) String citizenId,
            @Schema(description = "The region whose published ecological compensation the holder receives (e.g. a county's platform "
                    + "company); that income counts towards its credit capacity", examples = "331181", maxLength = RegionCodes.MAX_LENGTH)
                    String compensationRegionCode) {}

    @Schema(name = "CompensationRegion")
    public record CompensationRegion(@Schema(description = "The region, or null: the holder receives no compensation", examples = "331181",
            maxLength = RegionCodes.MAX_LENGTH) String regionCode) {}

    @Schema(name = "HolderStatusChange")
    public record StatusChange(@Schema(required = true) Holder.Status status, @Schema(description = "Required to suspend", maxLength = 2000) String reason) {}

    @Schema(name = "NewIssuance")
    public record NewIssuance(
            @Schema(required = true) UUID productId,
            @Schema(required = true) RightType rightType,
            @Schema(required = true, description = "Within the right type's precision", examples = "1000", multipleOf = 0.000001) BigDecimal quantity,
            @Schema(description = "Defaults to the product's holder") UUID holderId,
            @Schema(description = "Defaults to the product's vintage; required for products with a period") Integer vintage,
            @Schema(description = "Water rights only") WaterRightKind waterRightKind,
            @Schema(description = "Pollutant emission rights only") Pollutant pollutant,
            @Schema(description = "Crediting methodology, e.g. CCER-14-001-V01", maxLength = 100) String methodology,
            @Schema(description = "Pollutant rights (at most 5 years, the default) and withdrawal permits (required)") LocalDate validUntil) {}

    @Schema(name = "EvidenceDocument")
    public record EvidenceDocument(@Schema(required = true, examples = "造林验收报告.pdf", maxLength = 200) String name,
            @Schema(required = true, examples = "application/pdf", maxLength = 100) String mediaType,
            @Schema(required = true, description = "SHA-256 of the document, 64 hex digits", maxLength = 64) String sha256) {}

    @Schema(name = "ProductDraft", description = "A product as the registrar declares it; category defaults to the type's, "
            + "indicator to the type's default GEP indicator")
    public record Draft(
            @Schema(required = true, examples = "龙泉市竹垟乡2023年造林碳汇", maxLength = 200) String name,
            @Schema(maxLength = 4000) String description,
            Category category,
            @Schema(required = true) ProductType productType,
            @Schema(required = true, description = "GB/T 2260 code (or custom unit) known to gep-accounting-service", examples = "331181", maxLength = RegionCodes.MAX_LENGTH) String regionCode,
            @Schema(required = true, description = "Ecosystem type of the accounting catalogue", examples = "FOREST", maxLength = 32) String ecosystemType,
            @Schema(required = true, examples = "12000", multipleOf = 0.000001) BigDecimal quantity,
            @Schema(required = true, examples = "tCO2e", maxLength = 32) String unit,
            @Schema(description = "The year the product belongs to; or give a period", examples = "2023") Integer vintage,
            LocalDate periodStart,
            LocalDate periodEnd,
            @Schema(description = "GEP indicator code that values the product", examples = "CARBON_SEQUESTRATION", maxLength = 64) String indicator,
            @Schema(description = "Which value line of the indicator prices it, when it has several", examples = "CO2", maxLength = 64) String valueLine,
            List<EvidenceDocument> evidence,
            @Schema(required = true) UUID holderId) {}

    @Schema(name = "ProductTransitionRequest")
    public record Transition(
            @Schema(required = true) ProductStatus to,
            @Schema(description = "Why; required to reject or suspend", maxLength = 2000) String reason,
            @Schema(description = "To VERIFIED only: the quantity the verifier confirms (at most the declared one; default all of it)",
                    multipleOf = 0.000001) BigDecimal verifiedQuantity) {}
}
