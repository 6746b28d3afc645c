package org.opengep.accounting.rest;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.domain.RegionLevel;
import org.opengep.common.input.RegionCodes;

/** API shapes of regions. */
public final class RegionViews {

    private RegionViews() {}

    @Schema(name = "RegionSummary")
    public record Summary(String code, String name, RegionLevel level, String parentCode, BigDecimal areaKm2, boolean custom) {
        static Summary of(Region r) {
            return new Summary(r.code, r.name, r.level, r.parentCode, r.areaKm2, r.custom);
        }
    }

    @Schema(name = "Region", description = "A region with its place in the tree")
    public record Detail(
            String code,
            String name,
            RegionLevel level,
            String parentCode,
            @Schema(description = "Land area in km², when recorded") BigDecimal areaKm2,
            String areaSource,
            boolean custom,
            @Schema(description = "From the province down to the parent") List<Summary> ancestors,
            List<Summary> children) {}

    @Schema(name = "NewCustomRegion", description = "A custom accounting unit below an existing region")
    public record NewCustom(
            @Schema(required = true, examples = "XIN-AN-RIVER", maxLength = RegionCodes.MAX_LENGTH) String code,
            @Schema(required = true, examples = "新安江流域(黄山段)", maxLength = 200) String name,
            @Schema(required = true, examples = "WATERSHED") RegionLevel level,
            @Schema(required = true, examples = "341000", maxLength = RegionCodes.MAX_LENGTH) String parentCode,
            @Schema(required = true, examples = "5856.2", maximum = MAX_AREA_KM2, exclusiveMaximum = true, multipleOf = 0.0001) BigDecimal areaKm2,
            @Schema(maxLength = 500) String areaSource) {}

    /** What the area columns (numeric(16, 4)) hold: below 10^12 km². */
    static final String MAX_AREA_KM2 = "1e12";

    @Schema(name = "RegionArea", description = "The land area of a region and where the figure comes from")
    public record Area(
            @Schema(required = true, examples = "1997.47", maximum = MAX_AREA_KM2, exclusiveMaximum = true, multipleOf = 0.0001) BigDecimal areaKm2,
            @Schema(required = true, examples = "深圳市统计年鉴2021", maxLength = 500) String source) {}
}
