package org.opengep.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.opengep.registry.rules.ProductStatus;

/** One move of a product's status, with who made it, when and why. Never changed once written. */
@Entity
@Table(name = "product_transition")
public class ProductTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "product_id")
    public UUID productId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ProductStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ProductStatus toStatus;

    public String actor;

    public String reason;

    public OffsetDateTime at;
}
