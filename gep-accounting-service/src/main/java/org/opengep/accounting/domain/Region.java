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

/** An accounting unit: a region of the statistics bureau's code table (GB/T 2260 or a development zone), or a custom unit below one. */
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

    /** A statistics-bureau development or functional zone (county digits 71-79), not a GB/T 2260 division. */
    @Column(name = "development_zone")
    public boolean developmentZone;

    /** The first and the last year the code stands for this region (null: open); see {@link RegionCodeChange}. */
    @Column(name = "valid_from")
    public Integer validFrom;

    @Column(name = "valid_until")
    public Integer validUntil;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Whether the code stands for this region in a year. */
    public boolean validIn(int year) {
        return validIn(validFrom, validUntil, year);
    }

    /** Whether a code valid from {@code from} until {@code until} (either open when null) stood for its region in a year. */
    public static boolean validIn(Integer from, Integer until, int year) {
        return (from == null || from <= year) && (until == null || until >= year);
    }

    public static List<Region> children(String code) {
        return list("parentCode = ?1 order by code", code);
    }
}
