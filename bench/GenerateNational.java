import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic, plausible account inputs for every county-level unit of the GB/T 2260 data (2 978 rows of
 * china-division's areas.csv), every indicator computed from biophysical inputs where the method has a formula.
 * The same code always gives the same inputs (the random generator is seeded with the region code).
 *
 *   java bench/GenerateNational.java <year> > national.json
 */
public class GenerateNational {

    private static final Path AREAS = Path.of("gep-accounting-service/src/main/resources/regions/china-division-2.7.0/areas.csv");

    public static void main(String[] args) throws IOException {
        int year = args.length > 0 ? Integer.parseInt(args[0]) : 2023;
        List<String> lines = Files.readAllLines(AREAS, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(lines.size() * 5000).append('[');
        for (int i = 1; i < lines.size(); i++) {
            String code = lines.get(i).split(",")[0];
            if (i > 1) {
                out.append(",\n");
            }
            county(out, code, year);
        }
        out.append("]\n");
        System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }

    private static void county(StringBuilder o, String code, int year) {
        Random r = new Random(Long.parseLong(code) * 7919L + year);
        double area = between(r, 300, 5000);
        double forest = area * between(r, 0.1, 0.6), grass = area * between(r, 0.02, 0.3), shrub = area * between(r, 0.01, 0.1);
        double farm = area * between(r, 0.05, 0.3), lake = area * between(r, 0.002, 0.03), urban = area * between(r, 0.01, 0.08);
        o.append("{\"regionCode\":\"").append(code).append("\",\"year\":").append(year)
                .append(",\"population\":").append((long) between(r, 50_000, 1_500_000))
                .append(",\"gdp\":").append(amount(between(r, 30, 2000), "亿元"))
                .append(",\"priceOverrides\":[{\"key\":\"HEDONIC_PREMIUM\",\"value\":").append(fmt(between(r, 50, 300)))
                .append(",\"unit\":\"元/m²\",\"priceYear\":").append(year).append(",\"source\":\"county housing survey (generated)\"}]")
                .append(",\"extent\":{\"FOREST\":").append(amount(forest, "km²")).append(",\"GRASSLAND\":").append(amount(grass, "km²"))
                .append(",\"SHRUB\":").append(amount(shrub, "km²")).append(",\"FARMLAND\":").append(amount(farm, "km²"))
                .append(",\"LAKE\":").append(amount(lake, "km²")).append(",\"URBAN\":").append(amount(urban, "km²")).append('}')
                .append(",\"indicators\":{");
        products(o, r, "AGRICULTURE", new String[] {"稻谷", "小麦", "蔬菜"}, "t", 1000, 200000, 2000, 6000);
        o.append(',');
        products(o, r, "FORESTRY", new String[] {"木材"}, "m³", 1000, 100000, 600, 1500);
        o.append(',');
        products(o, r, "ANIMAL_HUSBANDRY", new String[] {"猪肉", "牛奶"}, "t", 500, 50000, 3000, 30000);
        o.append(',');
        products(o, r, "FISHERY", new String[] {"淡水鱼"}, "t", 100, 30000, 8000, 20000);
        o.append(",\"WATER_SUPPLY\":{\"quantities\":{\"DOMESTIC\":").append(amount(between(r, 0.1, 3), "亿m³"))
                .append(",\"INDUSTRIAL\":").append(amount(between(r, 0.1, 5), "亿m³"))
                .append(",\"AGRICULTURAL\":").append(amount(between(r, 0.5, 10), "亿m³")).append("}}")
                .append(",\"ECO_ENERGY\":{\"quantities\":{\"HYDROPOWER\":").append(amount(between(r, 0, 20), "亿kWh")).append("}}");
        o.append(",\"WATER_CONSERVATION\":{\"byEcosystem\":{");
        String[] types = {"FOREST", "GRASSLAND", "SHRUB", "FARMLAND"};
        double rain = between(r, 400, 2000);
        for (int i = 0; i < types.length; i++) {
            o.append(i == 0 ? "" : ",").append('"').append(types[i]).append("\":{\"precipitation\":").append(amount(rain, "mm"))
                    .append(",\"evapotranspiration\":").append(amount(rain * between(r, 0.3, 0.6), "mm"))
                    .append(",\"runoffCoefficient\":").append(fmt(between(r, 0.02, 0.3))).append('}');
        }
        o.append("}},\"SOIL_RETENTION\":{\"byEcosystem\":{");
        for (int i = 0; i < 3; i++) {
            o.append(i == 0 ? "" : ",").append('"').append(types[i]).append("\":{\"erosivity\":").append(fmt(between(r, 1000, 8000)))
                    .append(",\"erodibility\":").append(fmt(between(r, 0.01, 0.05))).append(",\"slopeLength\":").append(fmt(between(r, 0.5, 3)))
                    .append(",\"slopeSteepness\":").append(fmt(between(r, 0.5, 5))).append(",\"cover\":").append(fmt(between(r, 0.01, 0.3)))
                    .append(",\"practice\":").append(fmt(between(r, 0.3, 1))).append('}');
        }
        o.append("}},\"SAND_FIXATION\":{\"parameters\":{\"downwindDistance\":").append(amount(50, "m")).append("},\"byEcosystem\":{");
        String[] sandy = {"GRASSLAND", "FARMLAND"};
        for (int i = 0; i < sandy.length; i++) {
            o.append(i == 0 ? "" : ",").append('"').append(sandy[i]).append("\":{\"weatherFactor\":").append(fmt(between(r, 5, 50)))
                    .append(",\"erodibleFraction\":").append(fmt(between(r, 0.2, 0.6))).append(",\"crustFactor\":").append(fmt(between(r, 0.3, 0.9)))
                    .append(",\"roughnessFactor\":").append(fmt(between(r, 0.3, 1))).append(",\"vegetationFactor\":").append(fmt(between(r, 0.05, 0.6)))
                    .append('}');
        }
        o.append("}},\"FLOOD_REGULATION\":{\"items\":[{\"name\":\"湖泊\",\"kind\":\"LAKE\",\"inputs\":{\"area\":").append(amount(lake, "km²"))
                .append(",\"turnover\":").append(fmt(between(r, 1, 5))).append(",\"a\":4.924,\"b\":0.669}},")
                .append("{\"name\":\"水库\",\"kind\":\"RESERVOIR\",\"inputs\":{\"totalStorage\":").append(amount(between(r, 0.01, 10), "亿m³"))
                .append("}},{\"name\":\"沼泽\",\"kind\":\"MARSH\",\"inputs\":{\"area\":").append(amount(between(r, 0.5, 20), "km²")).append("}}]}");
        o.append(",\"AIR_PURIFICATION\":{\"parameters\":{\"so2Emission\":").append(amount(between(r, 500, 20000), "t"))
                .append(",\"noxEmission\":").append(amount(between(r, 500, 20000), "t")).append(",\"dustEmission\":").append(amount(between(r, 1000, 50000), "t"))
                .append("},\"byEcosystem\":{");
        for (int i = 0; i < 2; i++) {
            o.append(i == 0 ? "" : ",").append('"').append(types[i]).append("\":{\"so2Capacity\":").append(amount(between(r, 2, 15), "t/km²"))
                    .append(",\"noxCapacity\":").append(amount(between(r, 1, 6), "t/km²")).append(",\"dustCapacity\":")
                    .append(amount(between(r, 50, 300), "t/km²")).append('}');
        }
        o.append("}},\"WATER_PURIFICATION\":{\"parameters\":{\"codLoad\":").append(amount(between(r, 1000, 50000), "t"))
                .append(",\"nh3nLoad\":").append(amount(between(r, 100, 5000), "t")).append("},\"byEcosystem\":{\"LAKE\":{\"codCapacity\":")
                .append(amount(between(r, 10, 50), "t/km²")).append(",\"nh3nCapacity\":").append(amount(between(r, 1, 5), "t/km²")).append("}}}");
        String nep = "{\"FOREST\":{\"sequestrationRate\":" + amount(between(r, 100, 400), "t/km²") + "},\"GRASSLAND\":{\"npp\":"
                + amount(grass * between(r, 200, 400), "t") + ",\"soilRespiration\":" + amount(grass * between(r, 100, 190), "t") + "}}";
        o.append(",\"CARBON_SEQUESTRATION\":{\"byEcosystem\":").append(nep).append('}')
                .append(",\"OXYGEN_RELEASE\":{\"byEcosystem\":").append(nep).append('}');
        o.append(",\"CLIMATE_REGULATION\":{\"parameters\":{\"hotDays\":").append(amount(Math.floor(between(r, 20, 120)), "d"))
                .append(",\"waterEvaporation\":").append(amount(lake * between(r, 0.5, 1.2) * 1e6, "m³"))
                .append("},\"byEcosystem\":{\"FOREST\":{\"heatAbsorption\":").append(amount(between(r, 1000, 4000), "kJ/m²/d"))
                .append("},\"GRASSLAND\":{\"heatAbsorption\":").append(amount(between(r, 500, 2000), "kJ/m²/d")).append("}}}");
        o.append(",\"PEST_CONTROL\":{\"quantities\":{\"FOREST\":").append(amount(forest * between(r, 0.3, 0.9), "km²"))
                .append(",\"GRASSLAND\":").append(amount(grass * between(r, 0.3, 0.9), "km²")).append("}}");
        o.append(",\"RECREATION\":{\"items\":[");
        int sites = 1 + r.nextInt(3);
        for (int s = 0; s < sites; s++) {
            o.append(s == 0 ? "" : ",").append("{\"name\":\"景区").append(s + 1).append("\",\"inputs\":{\"visits\":")
                    .append(amount(between(r, 1, 500), "万人次")).append(",\"travelTime\":").append(fmt(between(r, 2, 10)))
                    .append(",\"hourlyWage\":").append(amount(between(r, 20, 80), "元")).append(",\"wageShare\":0.3")
                    .append(",\"transport\":").append(amount(between(r, 20, 300), "元/人次")).append(",\"tickets\":")
                    .append(amount(between(r, 0, 150), "元/人次")).append("}}");
        }
        o.append("]},\"LANDSCAPE_VALUE\":{\"quantities\":{\"FLOOR_AREA\":").append(amount(between(r, 10, 500), "万m²")).append("}}");
        o.append("}}");
    }

    private static void products(StringBuilder o, Random r, String indicator, String[] names, String unit, double min, double max,
            double minPrice, double maxPrice) {
        o.append('"').append(indicator).append("\":{\"items\":[");
        for (int i = 0; i < names.length; i++) {
            o.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i]).append("\",\"inputs\":{\"quantity\":")
                    .append(amount(between(r, min, max), unit)).append(",\"price\":").append(amount(between(r, minPrice, maxPrice), "元/" + unit))
                    .append("}}");
        }
        o.append("]}");
    }

    private static double between(Random r, double min, double max) {
        return min + r.nextDouble() * (max - min);
    }

    private static String amount(double value, String unit) {
        return "{\"value\":" + fmt(value) + ",\"unit\":\"" + unit + "\"}";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
