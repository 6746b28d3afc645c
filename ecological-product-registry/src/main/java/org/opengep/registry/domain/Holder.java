package org.opengep.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organisation or individual that holds ecological products and rights; one per legal entity. */
@Entity
@Table(name = "holder")
public class Holder extends PanacheEntityBase {

    public enum Kind {
        ORGANISATION,
        INDIVIDUAL
    }

    @Schema(name = "HolderStatus")
    public enum Status {
        ACTIVE,
        SUSPENDED
    }

    @Id
    public UUID id;

    public long number;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String name;

    /** Unified social credit code (organisations). */
    public String uscc;

    /** Citizen identity number (individuals). */
    @Column(name = "citizen_id")
    public String citizenId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    /** The region whose published ecological compensation the holder receives (its income counts towards credit). */
    @Column(name = "compensation_region_code")
    public String compensationRegionCode;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
