package org.opengep.accounting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** One price or parameter of a price set. */
@Entity
@Table(name = "price_set_entry")
@IdClass(PriceSetEntry.Key.class)
public class PriceSetEntry extends PanacheEntityBase {

    public enum Kind {
        PRICE,
        PARAMETER
    }

    @Id
    @ManyToOne
    @JoinColumn(name = "price_set_id")
    public PriceSet priceSet;

    @Id
    public String key;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public BigDecimal value;

    public String unit;

    @Column(name = "price_year")
    public Integer priceYear;

    public String source;

    public static class Key implements Serializable {
        public UUID priceSet;
        public String key;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(priceSet, k.priceSet) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(priceSet, key);
        }
    }
}
