package org.opengep.registry.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengep.testsupport.StubService.Reply;
import org.opengep.testsupport.StubService;

/**
 * gep-accounting-service as the registry sees it: regions, the catalogue and official figures in the service's JSON
 * shapes, behind the real token check (role gep-reader); it can be stopped, slowed or made to fail.
 */
public final class AccountingStub {

    private static final Pattern REGION = Pattern.compile("/api/v1/regions/(\\w+)");
    private static final Pattern FIGURE = Pattern.compile("/api/v1/regions/(\\w+)/gep");
    private static final Pattern YEAR = Pattern.compile("(?:^|&)year=(\\d+)");
    private static final Pattern PUBLICATIONS = Pattern.compile("/api/v1/regions/(\\w+)/gep/publications");
    private static final Pattern INCOME = Pattern.compile("/api/v1/compensation/income/(\\w+)");
    private static AccountingStub instance;

    private final Map<String, String> regions = new ConcurrentHashMap<>();
    private final Map<String, String> figures = new ConcurrentHashMap<>();
    private final Map<String, String> incomes = new ConcurrentHashMap<>();
    private final StubService service = new StubService("gep-reader", this::answer);

    public static synchronized AccountingStub instance() {
        if (instance == null) {
            instance = new AccountingStub();
            instance.seedRegions();
        }
        return instance;
    }

    public String url() {
        return service.url();
    }

    public void start() {
        service.start();
    }

    public void stop() {
        service.stop();
    }

    public void delay(long millis) {
        service.delay(millis);
    }

    public void failWith(int status) {
        service.failWith(status);
    }

    /** Requests that reached the service (a refused connection never does). */
    public int requests() {
        return service.requests();
    }

    /** A region under the given ancestors (province first). */
    public void region(String code, String name, String... ancestors) {
        StringBuilder a = new StringBuilder("[");
        for (int i = 0; i < ancestors.length; i++) {
            a.append(i == 0 ? "" : ",").append("{\"code\":\"").append(ancestors[i]).append("\",\"name\":\"r").append(ancestors[i]).append("\"}");
        }
        regions.put(code, "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"COUNTY\",\"custom\":false,\"ancestors\":"
                + a + "],\"children\":[]}");
    }

    /** Publishes an official figure: {@code indicatorsJson} is the result's indicators array. */
    public void officialFigure(String code, int year, String accountId, String gep, String indicatorsJson) {
        figures.put(code + "|" + year, """
                {"basis":"OFFICIAL","accountId":"%s","publication":{"id":"7d0c3a52-1f0e-4c59-9d0e-1b8f2f0f6a01","accountId":"%s",
                "regionCode":"%s","year":%d,"methodVersion":"MEE-2020","official":true,"reason":"县政府审定","publishedBy":"publisher",
                "publishedAt":"2025-03-18T09:30:00Z"},"id":"%s","regionCode":"%s","regionName":"n","year":%d,
                "provenance":{"methodVersion":"MEE-2020","priceSetId":"00000000-0000-0000-0000-000000002010","priceSetName":"reference-2010",
                "priceSetVersion":1,"inputsHash":"x","createdBy":"accountant","createdAt":"2025-03-01T00:00:00Z"},
                "result":{"regionCode":"%s","year":%d,"methodVersion":"MEE-2020","indicators":%s,"gep":%s}}"""
                .formatted(accountId, accountId, code, year, accountId, code, year, code, year, indicatorsJson, gep));
    }

    /** The region's yearly compensation income, as the accounting service reports it. */
    public void compensationIncome(String code, int year, String amount) {
        incomes.put(code, """
                {"regionCode":"%s","year":%d,"amount":%s,"receipts":[{"allocationId":"6a1f8c2e-8e2a-4c1e-9a53-3c3c1f7a9e11",
                "schemeName":"丽水市转移支付","schemeVersion":1,"amount":%s}]}""".formatted(code, year, amount, amount));
    }

    private void seedRegions() {
        region("330000", "浙江省");
        region("331100", "丽水市", "330000");
        region("331181", "龙泉市", "330000", "331100");
        region("331122", "缙云县", "330000", "331100");
        region("330100", "杭州市", "330000");
        region("330110", "余杭区", "330000", "330100");
        region("440000", "广东省");
        region("440300", "深圳市", "440000");
        region("440304", "福田区", "440000", "440300");
    }

    private Reply answer(String path, String query) {
        Matcher publications = PUBLICATIONS.matcher(path);
        if (publications.matches()) {
            String prefix = publications.group(1) + "|";
            return Reply.ok(figures.keySet().stream().filter(k -> k.startsWith(prefix))
                    .map(k -> "{\"regionCode\":\"" + publications.group(1) + "\",\"year\":" + k.substring(prefix.length()) + ",\"official\":true}")
                    .collect(java.util.stream.Collectors.joining(",", "[", "]")));
        }
        Matcher income = INCOME.matcher(path);
        if (income.matches()) {
            return Reply.ok(incomes.getOrDefault(income.group(1), "{\"regionCode\":\"" + income.group(1) + "\",\"amount\":0,\"receipts\":[]}"));
        }
        Matcher figure = FIGURE.matcher(path);
        Matcher region = REGION.matcher(path);
        if (path.equals("/api/v1/indicators")) {
            return Reply.ok(CATALOGUE);
        }
        if (figure.matches()) {
            Matcher year = YEAR.matcher(query);
            String body = year.find() ? figures.get(figure.group(1) + "|" + year.group(1)) : null;
            return body == null ? Reply.notFound() : Reply.ok(query.contains("detail=lines") ? body : withoutLines(body));
        }
        return region.matches() && regions.containsKey(region.group(1)) ? Reply.ok(regions.get(region.group(1))) : Reply.notFound();
    }

    /** The figure as the service serves it without {@code detail=lines}: its indicators without their value lines. */
    private static String withoutLines(String figure) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(figure);
            document.path("result").path("indicators").forEach(i -> ((ObjectNode) i).remove("lines"));
            return JSON.writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CATALOGUE = """
            {"methodVersions":["MEE-2020"],"catalogue":{"method":{"code":"MEE-2020"},
            "ecosystemTypes":[{"code":"FOREST"},{"code":"GRASSLAND"},{"code":"WETLAND"},{"code":"RIVER"},{"code":"LAKE"},{"code":"FARMLAND"}],
            "indicators":[{"code":"AGRICULTURE","category":"PROVISIONING","lines":[{"code":"OUTPUT_VALUE"},{"code":"INTERMEDIATE_CONSUMPTION"}]},{"code":"WATER_SUPPLY","category":"PROVISIONING","lines":[{"code":"DOMESTIC"},{"code":"INDUSTRIAL"},{"code":"AGRICULTURAL"}]},
            {"code":"ECO_ENERGY","category":"PROVISIONING","lines":[{"code":"HYDROPOWER"},{"code":"BIOMASS"}]},{"code":"WATER_CONSERVATION","category":"REGULATING","lines":[{"code":"WATER_CONSERVATION"}]},
            {"code":"SOIL_RETENTION","category":"REGULATING","lines":[{"code":"SILTATION"},{"code":"NITROGEN"},{"code":"PHOSPHORUS"}]},{"code":"AIR_PURIFICATION","category":"REGULATING","lines":[{"code":"SO2"},{"code":"NOX"},{"code":"DUST"}]},
            {"code":"WATER_PURIFICATION","category":"REGULATING","lines":[{"code":"COD"},{"code":"NH3N"},{"code":"TP"},{"code":"TN"}]},{"code":"CARBON_SEQUESTRATION","category":"REGULATING","lines":[{"code":"CO2"}]},
            {"code":"RECREATION","category":"CULTURAL","lines":[{"code":"VISITS"}]}]},"parameterUnits":{}}""";
}
