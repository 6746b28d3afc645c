package org.opengep.accounting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A computed, immutable GEP account: its inputs, their hash, the totals and the full document. */
@Entity
@Table(name = "gep_account")
public class GepAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "region_code")
    public String regionCode;

    public int year;

    @Column(name = "method_version")
    public String methodVersion;

    @Column(name = "price_set_id")
    public UUID priceSetId;

    public String inputs;

    @Column(name = "inputs_hash")
    public String inputsHash;

    public BigDecimal provisioning;

    public BigDecimal regulating;

    public BigDecimal cultural;

    public BigDecimal gep;

    public String document;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
