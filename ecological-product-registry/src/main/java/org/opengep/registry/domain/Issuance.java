package org.opengep.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.rights.WaterRightKind;

/** A block of units issued from a product to a holder, with its serial range and place in the issuance feed. */
@Entity
@Table(name = "issuance")
public class Issuance extends PanacheEntityBase {

    @Schema(name = "IssuanceStatus")
    public enum Status {
        ISSUED,
        EXPIRED
    }

    @Id
    public UUID id;

    @Column(name = "feed_position")
    public long feedPosition;

    @Column(name = "product_id")
    public UUID productId;

    /** The product's region: where the units come from. */
    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "right_type")
    public RightType rightType;

    @Enumerated(EnumType.STRING)
    @Column(name = "water_right_kind")
    public WaterRightKind waterRightKind;

    @Enumerated(EnumType.STRING)
    public Pollutant pollutant;

    public String methodology;

    public int vintage;

    @Column(name = "holder_id")
    public UUID holderId;

    public BigDecimal quantity;

    public String unit;

    @Column(name = "serial_start")
    public long serialStart;

    @Column(name = "serial_end")
    public long serialEnd;

    @Column(name = "serial_number")
    public String serialNumber;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "expired_at")
    public OffsetDateTime expiredAt;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
}
