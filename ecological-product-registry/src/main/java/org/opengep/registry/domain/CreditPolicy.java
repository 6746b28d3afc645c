package org.opengep.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A version of a lender's GEP-backed credit policy; never changed (a change is a new version). */
@Entity
@Table(name = "credit_policy")
public class CreditPolicy extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public int version;

    /** JSON: the loan-to-value ratio per right type. */
    @Column(name = "loan_to_value")
    public String loanToValue;

    @Column(name = "compensation_multiple")
    public BigDecimal compensationMultiple;

    @Column(name = "gep_cap_share")
    public BigDecimal gepCapShare;

    @Column(name = "max_amount")
    public BigDecimal maxAmount;

    @Column(name = "term_years")
    public int termYears;

    public String source;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
