package org.opengep.dashboard.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chart draws, as the JSON the page's script ({@code js/dashboard.js}) turns into an ECharts option. The data is
 * in the page itself (no second request), in a {@code <script type="application/json">} element: {@link #json} escapes
 * what could close that element.
 */
public final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {}

    /** A node of a treemap: a category with its indicators, values in 亿元. */
    public record Node(String name, BigDecimal value, List<Node> children) {}

    /** A treemap of categories and their indicators. */
    public static Map<String, Object> treemap(String unit, List<Node> nodes) {
        return chart("treemap", unit, Map.of("nodes", nodes));
    }

    /** Bars in the order given (a ranking: the first is the largest). */
    public static Map<String, Object> bars(String unit, List<String> names, List<BigDecimal> values) {
        return chart("bars", unit, Map.of("names", names, "values", values));
    }

    /** Named lines over the same x values (years); {@code flagged} marks x values the chart shows with a warning mark. */
    public static Map<String, Object> lines(String unit, List<?> x, Map<String, List<BigDecimal>> lines, List<?> flagged) {
        return chart("lines", unit, Map.of("x", x, "lines", lines, "flagged", flagged));
    }

    /** Daily candles (open, close, low, high as ECharts takes them) with the volume below. */
    public static Map<String, Object> candles(String unit, List<String> days, List<List<BigDecimal>> ohlc, List<BigDecimal> volume,
            String volumeName) {
        return chart("candles", unit, Map.of("days", days, "ohlc", ohlc, "volume", volume, "volumeName", volumeName));
    }

    private static Map<String, Object> chart(String kind, String unit, Map<String, Object> data) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", kind);
        chart.put("unit", unit);
        chart.putAll(data);
        return chart;
    }

    /** The chart as JSON that is safe inside a script element: no '<', '>' or '&' to end it early. */
    public static String json(Object chart) {
        try {
            return JSON.writeValueAsString(chart).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
