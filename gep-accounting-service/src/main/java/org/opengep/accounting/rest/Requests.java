package org.opengep.accounting.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.engine.price.PriceEntry;

/** What the API takes: the request bodies, as the OpenAPI document describes them, with the limits it documents and enforces. */
public final class Requests {

    private Requests() {}

    /** One year of an index as the API takes and shows it. */
    public record IndexValue(Integer year, @Schema(maximum = "1e10", exclusiveMaximum = true, multipleOf = 0.000001) BigDecimal value,
            @Schema(maxLength = 500) String source) {}

    /** The content of a new set or version, as the API receives it. */
    public record Draft(@Schema(maxLength = 200) String name, @Schema(maxLength = 2000) String description, UUID basedOn, List<PriceEntry> prices,
            List<PriceEntry> parameters) {}
}
