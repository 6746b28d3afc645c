package org.opengep.accounting.rest;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.domain.RegionCodeChange;
import org.opengep.accounting.domain.RegionLevel;
import org.opengep.common.input.RegionCodes;

/** API shapes of regions. */
public final class RegionViews {

    private RegionViews() {}

    @Schema(name = "RegionSummary")
    public record Summary(String code, String name, RegionLevel level, String parentCode, BigDecimal areaKm2, boolean custom,
            @Schema(description = DEVELOPMENT_ZONE) boolean developmentZone,
            @Schema(description = "First year the code stands for this region; absent: before the data's vintage") Integer validFrom,
            @Schema(description = "Last year the code stood for this region; absent: still valid") Integer validUntil) {
        static Summary of(Region r) {
            return new Summary(r.code, r.name, r.level, r.parentCode, r.areaKm2, r.custom, r.developmentZone, r.validFrom, r.validUntil);
        }
    }

    static final String DEVELOPMENT_ZONE = "A development or other functional zone of the statistics bureau's code table (county digits "
            + "71-79), not a GB/T 2260 division: never counted missing below its prefecture, summed when it has an official figure";

    @Schema(name = "RegionCodeChange", description = "From `year` on, (part of) the region `code` is accounted under `successorCode`")
    public record CodeChange(String code, String successorCode, int year, RegionCodeChange.Kind kind, String note, String source) {
        static CodeChange of(RegionCodeChange c) {
            return new CodeChange(c.code, c.successorCode, c.year, c.kind, c.note, c.source);
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
            @Schema(description = DEVELOPMENT_ZONE) boolean developmentZone,
            Integer validFrom,
            Integer validUntil,
            @Schema(description = "The code changes this region took part in, as the predecessor or the successor") List<CodeChange> codeChanges,
            @Schema(description = "The code table the region comes from and its vintage; absent for custom units") String codeTable,
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
