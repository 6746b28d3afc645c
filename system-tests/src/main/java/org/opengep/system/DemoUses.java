package org.opengep.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengep.system.DemoDataset.Loaded;

/**
 * What the demonstration does with GEP, through the public APIs: the official accounts of 绍兴市's six counties for this
 * year and the last; a vertical compensation transfer among them (regulating GEP, GEP per capita and red-line area, with
 * the growth adjustment) and a beneficiary-pays compensation to 新昌县 (upstream on the 曹娥江, the provider) paid by
 * three counties downstream in proportion to their water use, both published; and the credit a bank's policy gives the demonstration's seller, whose
 * compensation region is 越城区.
 */
public final class DemoUses {

    public static final String PREFECTURE = "330600";
    /** 越城区 is the demonstration county of {@link DemoDataset}; the others are accounted here from scaled inputs. */
    public static final Map<String, String> COUNTIES = counties();
    public static final String PROVIDER = "330624";
    public static final List<String> PAYERS = List.of("330602", "330603", "330604");
    public static final BigDecimal FUND = new BigDecimal("100000000");
    public static final BigDecimal WATER_SHARE = new BigDecimal("0.1");

    public record UsesLoaded(String verticalSchemeId, String verticalAllocationId, String horizontalSchemeId, String horizontalAllocationId,
            String policyId, BigDecimal creditLimit) {}

    /** Per county: the scale of its ecosystem inputs, and of its population (so that GEP per capita differs). */
    private static Map<String, String> counties() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("330603", "1.4 1.0"); // 柯桥区
        c.put("330604", "1.3 0.7"); // 上虞区
        c.put("330624", "1.1 0.4"); // 新昌县
        c.put("330681", "1.8 1.1"); // 诸暨市
        c.put("330683", "1.6 0.65"); // 嵊州市
        return c;
    }

    private final Platform platform;
    private final Tokens tokens;

    public DemoUses(Platform platform, Tokens tokens) {
        this.platform = platform;
        this.tokens = tokens;
    }

    public UsesLoaded load(Loaded base) throws IOException {
        String accountant = tokens.user("demo-accountant-chen", "gep-accountant");
        String publisher = tokens.user("demo-publisher-zhou", "gep-publisher");
        int year = DemoDataset.YEAR;
        // a flat price index for the two years: comparable GEP growth is then the growth at current prices
        platform.accounting().put("/api/v1/price-indices/GENERAL", accountant, List.of(
                Map.of("year", year - 1, "value", 100, "source", "演示数据: 不变价指数"),
                Map.of("year", year, "value", 100, "source", "演示数据: 不变价指数"))).expect(204);
        publish(accountant, publisher, DemoDataset.REGION, year - 1, new BigDecimal("0.95"), new BigDecimal("0.95"));
        for (Map.Entry<String, String> county : COUNTIES.entrySet()) {
            String[] scales = county.getValue().split(" ");
            BigDecimal scale = new BigDecimal(scales[0]);
            BigDecimal people = new BigDecimal(scales[1]);
            publish(accountant, publisher, county.getKey(), year, scale, people);
            // 新昌县's GEP fell a little, the others grew
            publish(accountant, publisher, county.getKey(), year - 1, scale.multiply(county.getKey().equals(PROVIDER)
                    ? new BigDecimal("1.02") : new BigDecimal("0.96")), people);
        }
        platform.accounting().post("/api/v1/compensation/datasets", accountant, Map.of("name", "生态保护红线面积", "year", year, "unit", "km²",
                "source", "绍兴市生态保护红线划定方案(演示数据)", "values", Map.of("330602", 38, "330603", 95, "330604", 240, "330624", 520,
                        "330681", 610, "330683", 580)), null).expect(201);
        platform.accounting().post("/api/v1/compensation/datasets", accountant, Map.of("name", "用水量", "year", year, "unit", "万m³",
                "source", "绍兴市水资源公报(演示数据)", "values", Map.of("330602", 21000, "330603", 26000, "330604", 18000)), null).expect(201);

        String vertical = platform.accounting().post("/api/v1/compensation/schemes", accountant, Map.of("name", "绍兴市生态补偿转移支付(演示)",
                "kind", "VERTICAL", "source", "基于GEP核算的生态补偿办法(演示数据)", "factors", List.of(
                        Map.of("factor", "REGULATING_GEP", "weight", 0.4), Map.of("factor", "GEP_PER_CAPITA", "weight", 0.2),
                        Map.of("factor", "DATASET", "dataset", "生态保护红线面积", "weight", 0.4)),
                "growthAdjustment", Map.of("coefficient", 0.5, "cap", 0.1)), null).expect(201).body().path("id").asText();
        String verticalRun = platform.accounting().post("/api/v1/compensation/schemes/" + vertical + "/allocations", accountant, Map.of("year", year,
                "parentCode", PREFECTURE, "amount", Map.of("value", FUND, "unit", "元")), DemoDataset.key()).expect(201).body().path("id").asText();
        platform.accounting().post("/api/v1/compensation/allocations/" + verticalRun + "/publication", publisher,
                Map.of("reason", "市财政局审定(演示数据)"), null).expect(201);

        String horizontal = platform.accounting().post("/api/v1/compensation/schemes", accountant, Map.of("name", "曹娥江上游水源涵养受益补偿(演示)",
                "kind", "HORIZONTAL", "providerCode", PROVIDER, "payerCodes", PAYERS, "gepIndicators", List.of("WATER_CONSERVATION"),
                "gepShare", WATER_SHARE, "measure", Map.of("factor", "DATASET", "dataset", "用水量")), null).expect(201).body().path("id").asText();
        String horizontalRun = platform.accounting().post("/api/v1/compensation/schemes/" + horizontal + "/allocations", accountant,
                Map.of("year", year), DemoDataset.key()).expect(201).body().path("id").asText();
        platform.accounting().post("/api/v1/compensation/allocations/" + horizontalRun + "/publication", publisher,
                Map.of("reason", "流域横向补偿协议(演示数据)"), null).expect(201);

        // the seller receives 越城区's compensation; a bank's policy lends against its forest carbon sink and that income
        String registrar = tokens.user("demo-registrar-li", "registrar");
        platform.registry().put("/api/v1/holders/" + base.sellerId() + "/compensation-region", registrar, Map.of("regionCode", DemoDataset.REGION))
                .expect(200);
        String lender = tokens.user("demo-lender-lin", "lender");
        String policy = platform.registry().post("/api/v1/credit-policies", lender, Map.of("name", "绍兴银行生态贷(演示)",
                "loanToValue", Map.of("FOREST_CARBON_SINK", 0.7), "compensationMultiple", 3, "gepCapShare", 0.3, "maxAmount", 1000000,
                "termYears", 5, "source", "GEP贷管理办法(演示数据)"), null).expect(201).body().path("id").asText();
        BigDecimal limit = platform.registry().get("/api/v1/holders/" + base.sellerId() + "/credit-capacity?policyId=" + policy, lender).expect(200)
                .body().path("capacity").path("limit").decimalValue();
        return new UsesLoaded(vertical, verticalRun, horizontal, horizontalRun, policy, limit);
    }

    /** The county's account: the demonstration county's inputs with every amount and the population scaled, published. */
    private void publish(String accountant, String publisher, String region, int year, BigDecimal scale, BigDecimal people) throws IOException {
        ObjectNode request = (ObjectNode) DemoDataset.accountExample();
        request.put("regionCode", region).put("year", year);
        request.put("population", BigDecimal.valueOf(request.path("population").asLong()).multiply(people).setScale(0, RoundingMode.HALF_UP)
                .longValue());
        scaleAmounts(request, scale);
        String id = platform.accounting().post("/api/v1/gep-accounts", accountant, request, null).expect(201).body().path("id").asText();
        platform.accounting().post("/api/v1/gep-accounts/" + id + "/publication", publisher, Map.of("reason", "县政府审定(演示数据)"), null).expect(201);
    }

    /** Every {"value": n, "unit": u} amount times the scale (rates, coefficients and days stay). */
    private static void scaleAmounts(JsonNode node, BigDecimal scale) {
        if (node instanceof ObjectNode o) {
            if (o.has("value") && o.has("unit") && o.path("value").isNumber() && !List.of("mm", "d", "kJ/m²/d", "t/hm²", "元/人次")
                    .contains(o.path("unit").asText())) {
                o.put("value", o.path("value").decimalValue().multiply(scale).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
                return;
            }
            o.forEach(child -> scaleAmounts(child, scale));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> scaleAmounts(child, scale));
        }
    }
}
