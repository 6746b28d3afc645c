package org.opengep.accounting.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.domain.PriceSet;
import org.opengep.accounting.domain.PriceSetEntry.Kind;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.service.PriceSetService;

/** API shapes of price sets. */
public final class PriceSetViews {

    private PriceSetViews() {}

    @Schema(name = "PriceSetSummary")
    public record Summary(UUID id, String name, int version, String description, boolean builtin, UUID basedOn, String createdBy,
            OffsetDateTime createdAt) {
        static Summary of(PriceSet s) {
            return new Summary(s.id, s.name, s.version, s.description, s.builtin, s.basedOn, s.createdBy, s.createdAt);
        }
    }

    @Schema(name = "PriceSet", description = "A price set with its prices (元 per unit, price year, source) and parameters")
    public record Detail(UUID id, String name, int version, String description, boolean builtin, UUID basedOn, String createdBy,
            OffsetDateTime createdAt,
            @Schema(description = "True once an account was valued with it; it can then no longer change") boolean inUse,
            List<PriceEntry> prices, List<PriceEntry> parameters) {
        static Detail of(PriceSet s, boolean inUse) {
            return new Detail(s.id, s.name, s.version, s.description, s.builtin, s.basedOn, s.createdBy, s.createdAt, inUse,
                    s.entries.stream().filter(e -> e.kind == Kind.PRICE).map(PriceSetService::toEntry).toList(),
                    s.entries.stream().filter(e -> e.kind == Kind.PARAMETER).map(PriceSetService::toEntry).toList());
        }
    }
}
