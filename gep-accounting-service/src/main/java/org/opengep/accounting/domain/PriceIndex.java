package org.opengep.accounting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** The price index of one price family in one year (any base; only ratios between years matter). */
@Entity
@Table(name = "price_index")
@IdClass(PriceIndex.Key.class)
public class PriceIndex extends PanacheEntityBase {

    @Id
    public String family;

    @Id
    public int year;

    public BigDecimal value;

    public String source;

    public static class Key implements Serializable {
        public String family;
        public int year;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(family, k.family) && year == k.year;
        }

        @Override
        public int hashCode() {
            return Objects.hash(family, year);
        }
    }
}
