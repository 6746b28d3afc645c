package org.opengep.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.opengep.registry.rules.Category;
import org.opengep.registry.rules.ProductStatus;
import org.opengep.registry.rules.ProductType;

/** An entry of the ecological product catalogue (生态产品目录清单). */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    public long number;

    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_type")
    public ProductType productType;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    /** The region's code and those of all regions above it, nation first. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "region_path")
    public String[] regionPath;

    @Column(name = "ecosystem_type")
    public String ecosystemType;

    public BigDecimal quantity;

    public String unit;

    /** What the verifier confirmed (at most the declared quantity); issuance never exceeds it. */
    @Column(name = "verified_quantity")
    public BigDecimal verifiedQuantity;

    @Column(name = "issued_quantity")
    public BigDecimal issuedQuantity = BigDecimal.ZERO;

    /** The last serial number given out; the next block starts after it. */
    @Column(name = "serials_allocated")
    public long serialsAllocated;

    public Integer vintage;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    /** The GEP indicator that values the product, and optionally which of its value lines. */
    public String indicator;

    @Column(name = "value_line")
    public String valueLine;

    @Column(name = "holder_id")
    public UUID holderId;

    @Enumerated(EnumType.STRING)
    public ProductStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Read with the product (views outlive the transaction), in batches when many products are listed. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "product_evidence", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    public List<Evidence> evidence = new ArrayList<>();

    /**
     * The product, read after its row is locked until the transaction ends. The lock is taken by a statement of its
     * own and the row read afterwards, so that what is read is the state the lock protects (Hibernate would otherwise
     * read the product and its evidence first and lock separately).
     */
    public static Optional<Product> lockForUpdate(UUID id) {
        boolean exists = !getEntityManager().createNativeQuery("select id from product where id = ?1 for update")
                .setParameter(1, id).getResultList().isEmpty();
        return exists ? Optional.of(findById(id)) : Optional.empty();
    }

    /** The year GEP values the product in: its vintage, else the year its period ends. */
    public int valuationYear() {
        return vintage != null ? vintage : periodEnd.getYear();
    }
}
