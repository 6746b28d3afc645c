package org.opengep.accounting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A versioned set of prices and formula parameters. */
@Entity
@Table(name = "price_set")
public class PriceSet extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public int version;

    public String description;

    public boolean builtin;

    @Column(name = "based_on")
    public UUID basedOn;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @OneToMany(mappedBy = "priceSet", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("kind, key")
    public List<PriceSetEntry> entries = new ArrayList<>();
}
