package org.opengep.accounting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** An accounting unit: a GB/T 2260 region or a custom unit below one. */
@Entity
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "area_km2")
    public BigDecimal areaKm2;

    @Column(name = "area_source")
    public String areaSource;

    public boolean custom;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static List<Region> children(String code) {
        return list("parentCode = ?1 order by code", code);
    }
}
