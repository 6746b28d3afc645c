package org.opengep.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A product valued from its region's official GEP: the unit price used and where it came from. */
@Entity
@Table(name = "product_valuation")
public class ProductValuation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "region_code")
    public String regionCode;

    public int year;

    @Column(name = "method_version")
    public String methodVersion;

    public String indicator;

    @Column(name = "value_line")
    public String valueLine;

    public BigDecimal quantity;

    public String unit;

    @Column(name = "line_unit")
    public String lineUnit;

    @Column(name = "unit_factor")
    public BigDecimal unitFactor;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    @Column(name = "price_unit")
    public String priceUnit;

    @Column(name = "price_year")
    public Integer priceYear;

    @Column(name = "price_key")
    public String priceKey;

    @Column(name = "price_source")
    public String priceSource;

    public BigDecimal value;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "publication_id")
    public UUID publicationId;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "price_set_id")
    public UUID priceSetId;

    @Column(name = "price_set_name")
    public String priceSetName;

    @Column(name = "price_set_version")
    public Integer priceSetVersion;

    @Column(name = "region_gep")
    public BigDecimal regionGep;

    @Column(name = "indicator_value")
    public BigDecimal indicatorValue;

    @Column(name = "valued_by")
    public String valuedBy;

    @Column(name = "valued_at")
    public OffsetDateTime valuedAt;
}
