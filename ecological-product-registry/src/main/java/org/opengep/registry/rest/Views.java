package org.opengep.registry.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;
import org.opengep.registry.domain.Evidence;
import org.opengep.registry.domain.Holder;
import org.opengep.registry.domain.Issuance;
import org.opengep.registry.domain.Product;
import org.opengep.registry.domain.ProductTransition;
import org.opengep.registry.domain.ProductValuation;
import org.opengep.registry.rest.Requests.EvidenceDocument;
import org.opengep.registry.rules.Category;
import org.opengep.registry.rules.ProductStatus;
import org.opengep.registry.rules.ProductType;

/** What the API returns (entities are never exposed). */
public final class Views {

    private Views() {}

    @Schema(name = "Holder")
    public record HolderView(UUID id, long number, Holder.Kind kind, String name, String uscc,
            @Schema(description = "Masked except for registrars") String citizenId, Holder.Status status, String statusReason,
            @Schema(description = "The region whose published compensation the holder receives") String compensationRegionCode,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static HolderView of(Holder h, boolean registrar) {
            String citizenId = h.citizenId == null || registrar ? h.citizenId : h.citizenId.substring(0, 6) + "********" + h.citizenId.substring(14);
            return new HolderView(h.id, h.number, h.kind, h.name, h.uscc, citizenId, h.status, h.statusReason, h.compensationRegionCode, h.createdBy,
                    h.createdAt, h.updatedAt);
        }
    }

    @Schema(name = "Product")
    public record ProductView(UUID id, @Schema(description = "The registry's running number, used in serial numbers") long number,
            String name, String description, Category category, ProductType productType, String regionCode, String regionName,
            String ecosystemType, BigDecimal quantity, String unit, BigDecimal verifiedQuantity, BigDecimal issuedQuantity,
            @Schema(description = "Verified quantity not yet issued") BigDecimal remainingQuantity, Integer vintage,
            LocalDate periodStart, LocalDate periodEnd, String indicator, String valueLine, List<EvidenceDocument> evidence,
            UUID holderId, ProductStatus status, String statusReason, String submittedBy, String verifiedBy, String createdBy,
            OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = "The latest valuation from GEP") ValuationView latestValuation) {

        static ProductView of(Product p, ValuationView latest) {
            return new ProductView(p.id, p.number, p.name, p.description, p.category, p.productType, p.regionCode, p.regionName,
                    p.ecosystemType, plain(p.quantity), p.unit, plain(p.verifiedQuantity), plain(p.issuedQuantity),
                    p.verifiedQuantity == null ? null : plain(p.verifiedQuantity.subtract(p.issuedQuantity)), p.vintage, p.periodStart,
                    p.periodEnd, p.indicator, p.valueLine, p.evidence.stream().map(Views::document).toList(), p.holderId, p.status,
                    p.statusReason, p.submittedBy, p.verifiedBy, p.createdBy, p.createdAt, p.updatedAt, latest);
        }
    }

    /** Quantities as declared: 12000, not the column's 12000.000000. */
    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    private static EvidenceDocument document(Evidence e) {
        return new EvidenceDocument(e.name, e.mediaType, e.sha256);
    }

    @Schema(name = "ProductTransition")
    public record TransitionView(ProductStatus from, ProductStatus to, String actor, String reason, OffsetDateTime at) {

        static TransitionView of(ProductTransition t) {
            return new TransitionView(t.fromStatus, t.toStatus, t.actor, t.reason, t.at);
        }
    }

    @Schema(name = "Valuation", description = "value (元) = quantity x unitFactor x unitPrice, from the official GEP of the region and year")
    public record ValuationView(UUID id, UUID productId, String regionCode, int year, String methodVersion, String indicator,
            String valueLine, BigDecimal quantity, String unit, String lineUnit, BigDecimal unitFactor, BigDecimal unitPrice,
            String priceUnit, Integer priceYear, String priceKey, String priceSource, BigDecimal value,
            @Schema(description = "The GEP account the price came from") UUID accountId, UUID publicationId,
            OffsetDateTime publishedAt, UUID priceSetId, String priceSetName, Integer priceSetVersion,
            @Schema(description = "The region's GEP in the same figure (元)") BigDecimal regionGep,
            @Schema(description = "The indicator's value in the region (元)") BigDecimal indicatorValue, String valuedBy,
            OffsetDateTime valuedAt) {

        static ValuationView of(ProductValuation v) {
            return new ValuationView(v.id, v.productId, v.regionCode, v.year, v.methodVersion, v.indicator, v.valueLine, plain(v.quantity),
                    v.unit, v.lineUnit, plain(v.unitFactor), plain(v.unitPrice), v.priceUnit, v.priceYear, v.priceKey, v.priceSource, v.value,
                    v.accountId, v.publicationId, v.publishedAt, v.priceSetId, v.priceSetName, v.priceSetVersion, v.regionGep,
                    v.indicatorValue, v.valuedBy, v.valuedAt);
        }
    }

    @Schema(name = "Issuance", description = "A block of units issued to a holder; serials serialStart..serialEnd count units "
            + "of the right type's precision")
    public record IssuanceView(UUID id, @Schema(description = "Dense, ordered position in the issuance feed") long position,
            UUID productId, @Schema(description = "The product's region, where the units come from") String regionCode,
            RightType rightType, WaterRightKind waterRightKind, Pollutant pollutant, String methodology, int vintage, UUID holderId,
            BigDecimal quantity, String unit, int precision, long serialStart, long serialEnd, String serialNumber,
            LocalDate validUntil, Issuance.Status status, OffsetDateTime expiredAt, String issuedBy, OffsetDateTime issuedAt) {

        static IssuanceView of(Issuance i) {
            return new IssuanceView(i.id, i.feedPosition, i.productId, i.regionCode, i.rightType, i.waterRightKind, i.pollutant,
                    i.methodology, i.vintage, i.holderId, plain(i.quantity), i.unit, i.rightType.precision(), i.serialStart, i.serialEnd,
                    i.serialNumber, i.validUntil, i.status, i.expiredAt, i.issuedBy, i.issuedAt);
        }
    }
}
