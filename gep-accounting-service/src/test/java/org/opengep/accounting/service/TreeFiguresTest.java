package org.opengep.accounting.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.accounting.service.TreeFigures.FrontierUnit;
import org.opengep.accounting.service.TreeFigures.Node;
import org.opengep.accounting.service.TreeFigures.Official;
import org.opengep.accounting.service.TreeFigures.Value;
import org.opengep.accounting.service.TreeFigures.Walk;

/** The walk a sum up the tree makes over a year's official figures, without a database. */
class TreeFiguresTest {

    private static final UUID PROVINCE = UUID.randomUUID();
    private static final UUID COUNTY = UUID.randomUUID();
    private static final UUID PREFECTURE_B = UUID.randomUUID();
    private static final UUID COUNTY_OF_B = UUID.randomUUID();
    private static final UUID RESERVE = UUID.randomUUID();

    /**
     * 330000 (official) has two prefectures: 330100 without a figure, whose counties are 330101 (official), 330102 (none),
     * 330171 (a development zone, none), 330103 (a code retired before the year, none) and the reserve R-1 (custom,
     * official); and 330200 (official), whose county 330201 is official too.
     */
    private final TreeFigures tree = new TreeFigures(List.of(
            node("100000", null), node("330000", "100000"), node("330100", "330000"), node("330200", "330000"),
            node("330101", "330100"), node("330102", "330100"),
            new Node("330171", "330100", "开发区", null, true, false, true),
            new Node("330103", "330100", "旧县", null, false, false, false),
            new Node("R-1", "330100", "保护区", new BigDecimal("12"), false, true, true),
            node("330201", "330200")),
            Map.of("330000", official(PROVINCE, "1000"), "330101", official(COUNTY, "10"), "330200", official(PREFECTURE_B, "50"),
                    "330201", official(COUNTY_OF_B, "40"), "R-1", official(RESERVE, "5")),
            Map.of(COUNTY, List.of(value("WATER_SUPPLY", Category.PROVISIONING, "LAKE", "4"),
                            value("CARBON_SEQUESTRATION", Category.REGULATING, "FOREST", "6")),
                    PREFECTURE_B, List.of(value("CARBON_SEQUESTRATION", Category.REGULATING, "FOREST", "50")),
                    COUNTY_OF_B, List.of(value("CARBON_SEQUESTRATION", Category.REGULATING, "FOREST", "40")),
                    RESERVE, List.of(value("RECREATION", Category.CULTURAL, "FOREST", "5")),
                    PROVINCE, List.of(value("RECREATION", Category.CULTURAL, "FOREST", "1000"))));

    @Test
    void aChildCountsWithItsOwnFigureElseTheWalkGoesOnBelowIt() {
        Walk walk = tree.walk("330000", true).orElseThrow();

        assertThat(walk.region().accountId()).as("the region's own figure, which does not stop the walk").isEqualTo(PROVINCE);
        assertThat(walk.frontier()).extracting(FrontierUnit::code)
                .as("no unit below an official figure (330201), no custom unit (R-1)")
                .containsExactlyInAnyOrder("330100", "330101", "330102", "330171", "330103", "330200");
        assertThat(walk.frontier()).filteredOn(u -> u.code().startsWith("3301")).extracting(FrontierUnit::root).containsOnly("330100");
        assertThat(walk.frontier()).filteredOn(FrontierUnit::isChild).extracting(FrontierUnit::code)
                .containsExactlyInAnyOrder("330100", "330200");
        assertThat(walk.frontier()).filteredOn(FrontierUnit::uncovered).extracting(FrontierUnit::code)
                .as("a leaf without a figure; not a development zone, a retired code or a unit with children")
                .containsExactly("330102");
        assertThat(walk.values()).as("the frontier's figures' values, summed by indicator, category and ecosystem type")
                .containsExactlyInAnyOrder(value("WATER_SUPPLY", Category.PROVISIONING, "LAKE", "4"),
                        value("CARBON_SEQUESTRATION", Category.REGULATING, "FOREST", "56"));
    }

    @Test
    void theNationWalksDownToTheFiguresAndOnlyAskedForValuesAreSummed() {
        Walk walk = tree.walk("100000", false).orElseThrow();

        assertThat(walk.region().official()).isNull();
        assertThat(walk.frontier()).extracting(FrontierUnit::code).containsExactly("330000");
        assertThat(walk.values()).isEmpty();
        assertThat(tree.walk("100000", true).orElseThrow().values()).extracting(Value::value)
                .containsExactly(new BigDecimal("1000"));
    }

    @Test
    void aCustomUnitIsARegionToStartFromAndAnUnknownCodeIsNone() {
        Walk reserve = tree.walk("R-1", true).orElseThrow();
        assertThat(reserve.region().accountId()).isEqualTo(RESERVE);
        assertThat(reserve.frontier()).isEmpty();
        assertThat(reserve.values()).isEmpty();

        assertThat(tree.walk("330999", true)).isEmpty();
    }

    private static Node node(String code, String parent) {
        return new Node(code, parent, "地区" + code, null, false, false, true);
    }

    private static Official official(UUID account, String gep) {
        BigDecimal value = new BigDecimal(gep);
        return new Official(account, value, value, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null);
    }

    private static Value value(String indicator, Category category, String ecosystemType, String value) {
        return new Value(indicator, category, ecosystemType, new BigDecimal(value));
    }
}
