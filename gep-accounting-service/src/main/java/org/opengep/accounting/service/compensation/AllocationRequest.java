package org.opengep.accounting.service.compensation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.engine.account.Amount;
import org.opengep.common.input.RegionCodes;

/** One run of a scheme: for which year, and for a vertical scheme the parent and the fund. */
@Schema(description = "A run of a compensation scheme for a year")
public record AllocationRequest(
        @Schema(required = true, description = "The year whose official figures the run reads", examples = "2023") Integer year,
        @Schema(description = "VERTICAL: the region whose children share the fund", maxLength = RegionCodes.MAX_LENGTH, examples = "330600")
                String parentCode,
        @Schema(description = "VERTICAL: the fund F; HORIZONTAL: the agreed amount C when the scheme does not derive it from GEP. "
                + "A whole number of 元 (10000 元 = 1 万元)") Amount amount,
        @Schema(description = "Method version of the official figures; defaults to the service's default", maxLength = 32) String methodVersion,
        @Schema(description = "VERTICAL: the year whose prices GEP factors and growth are at; defaults to the run's year",
                examples = "2023") Integer priceYear,
        @Schema(description = "VERTICAL, optional: the children that share the fund; by default every child valid in the year with "
                + "an official figure", type = SchemaType.ARRAY, implementation = SchemeRequest.RegionCodeText.class, maxItems = AllocationRequest.MAX_REGIONS)
                List<String> regionCodes) {

    public static final int MAX_REGIONS = 5000;
}
