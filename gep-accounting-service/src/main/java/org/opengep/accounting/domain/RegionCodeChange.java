package org.opengep.accounting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region code's change: from {@code year} on, (part of) the region is accounted under {@code successorCode}. */
@Entity
@Table(name = "region_code_change")
@IdClass(RegionCodeChange.Key.class)
public class RegionCodeChange extends PanacheEntityBase {

    @Schema(name = "CodeChangeKind")
    public enum Kind {
        /** the same territory under a new code (a county-level city that became a district) */
        RECODED,
        /** the region went, whole or nearly, into the successor */
        MERGED,
        /** part of the region went to the successor */
        SPLIT
    }

    /** The primary key: a code and one successor. */
    public static class Key implements Serializable {
        public String code;
        public String successorCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(code, k.code) && Objects.equals(successorCode, k.successorCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, successorCode);
        }
    }

    @Id
    public String code;

    @Id
    @Column(name = "successor_code")
    public String successorCode;

    public int year;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String note;

    public String source;

    /** The changes a code took part in, as the predecessor or the successor, oldest first. */
    public static List<RegionCodeChange> touching(String code) {
        return list("code = ?1 or successorCode = ?1 order by year, code, successorCode", code);
    }
}
