package org.opengep.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengep.system.DemoDataset.Loaded;
import org.opengep.system.DemoUses.UsesLoaded;
import org.opengep.testsupport.OpenApiContract;
import org.opengep.testsupport.TestTokens;

/**
 * What an integrator does with our contracts, in the three languages they use most: clients generated from the
 * committed OpenAPI documents with openapi-generator (Java with the JDK's HTTP client, TypeScript with fetch compiled by
 * tsc, Python installed into a virtual environment) call every read operation of each service that the demonstration
 * data answers, and one write per service with an Idempotency-Key (sent twice: the retry answers the same), against
 * the three packaged services. No call sets a header by hand; each result is checked for its types (enums, dates,
 * numbers; decimals where the generator has them). The calls are one plan (JSON) that each language's driver runs:
 * {@code src/test/resources/clients/calls.py} and {@code calls.ts}, and {@link JavaClientCalls} for Java.
 */
class GeneratedClientsIT {

    private static final Tokens TOKENS = TestTokens::token;
    static final List<String> SERVICES = List.of("gep-accounting-service", "ecological-product-registry", "trading-service");
    /** Read operations the demonstration data cannot answer, each with why; every other GET is called. */
    private static final Map<String, String> NOT_CALLED = Map.of(
            "getBlockTrade", "the demonstration has no block proposal");
    private static RunningSystem system;
    private static Loaded demo;
    private static UsesLoaded uses;
    private static Map<String, String> ids;

    @BeforeAll
    static void start() throws Exception {
        system = new RunningSystem();
        demo = new DemoDataset(system.platform, TOKENS).load();
        uses = new DemoUses(system.platform, TOKENS).load(demo);
        ids = idsTheDemonstrationLacks();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void pythonClientsCallEveryReadOperationAndAWritePerService() throws Exception {
        Path root = ClientBuilds.python(SERVICES);
        ClientBuilds.run(root, plan("python"), root.resolve("venv/bin/python").toString(), "calls.py");
    }

    @Test
    void typescriptClientsCallEveryReadOperationAndAWritePerService() throws Exception {
        Path root = ClientBuilds.typescript(SERVICES);
        ClientBuilds.run(root, plan("typescript"), "node", "build/calls.js");
    }

    @Test
    void javaClientsCallEveryReadOperationAndAWritePerService() throws Exception {
        Path plan = plan("java");
        List<String> failures = new JavaClientCalls(ClientBuilds.java(SERVICES)).run(new ObjectMapper().readTree(plan.toFile()));
        assertThat(failures).as("calls of the generated Java clients that failed").isEmpty();
    }

    /** The plan: every GET of the three documents (but {@link #NOT_CALLED}) with the demonstration's values, then the writes. */
    private static Path plan(String language) throws IOException {
        Platform p = system.platform;
        int year = DemoDataset.YEAR;
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("gep-accounting-service", service(p.accounting().url(), "gep_accounting", TOKENS.user("integrator", "gep-reader",
                "gep-accountant", "gep-publisher")));
        services.put("ecological-product-registry", service(p.registry().url(), "gep_registry", TOKENS.user("integrator", "registrar", "verifier",
                "registry-reader", "lender")));
        services.put("trading-service", service(p.trading().url(), "gep_trading", TOKENS.user("integrator", "trading-operator", "auditor",
                "market-reader")));
        // what each operation is asked, by operationId: the demonstration's region, year, holders, product and market
        Map<String, Map<String, Object>> reads = new LinkedHashMap<>();
        String county = DemoDataset.REGION;
        reads.put("getCompensationAllocation", Map.of("id", uses.verticalAllocationId()));
        reads.put("getRegionalDataset", Map.of("id", ids.get("dataset")));
        reads.put("getCompensationIncome", Map.of("regionCode", county));
        reads.put("getCompensationScheme", Map.of("id", uses.verticalSchemeId()));
        reads.put("getAccountJob", Map.of("id", ids.get("job")));
        reads.put("getAccount", Map.of("id", demo.accountId()));
        reads.put("searchAccounts", Map.of("regionCode", county));
        reads.put("getPriceSet", Map.of("id", ids.get("priceSet")));
        reads.put("listRegions", Map.of("parent", "330600"));
        reads.put("getRegion", Map.of("code", county));
        reads.put("getChildrenDualGrowth", Map.of("code", "330600", "from", year - 1, "to", year));
        reads.put("rankChildrenByGep", Map.of("code", "330600", "year", year));
        reads.put("getOfficialGep", Map.of("code", county, "year", year));
        reads.put("listGepPublications", Map.of("code", county));
        reads.put("getValueRealisation", Map.of("code", county, "year", year));
        reads.put("getGepSeries", Map.of("code", county, "from", year - 1, "to", year, "priceYear", year));
        reads.put("exportSeea", Map.of("code", county, "from", year - 1, "to", year));
        reads.put("getEcosystemAssetAccount", Map.of("code", county, "from", year - 1, "to", year, "assetLife", 30, "discountRate", 0.04,
                "parameterSource", "demo"));
        reads.put("getCreditPolicy", Map.of("id", uses.policyId()));
        reads.put("getHolder", Map.of("id", demo.sellerId()));
        reads.put("getCreditCapacity", Map.of("id", demo.sellerId(), "policyId", uses.policyId()));
        reads.put("getIssuance", Map.of("id", ids.get("issuance")));
        reads.put("getProduct", Map.of("id", demo.productId()));
        reads.put("listProductTransitions", Map.of("id", demo.productId()));
        reads.put("listProductValuations", Map.of("id", demo.productId()));
        reads.put("getBalances", Map.of("holderId", demo.sellerId()));
        reads.put("getHoldings", Map.of("holderId", demo.sellerId()));
        reads.put("getAuction", Map.of("id", demo.auctionId()));
        reads.put("getInstrument", Map.of("instrumentId", demo.instrumentId()));
        reads.put("getOrderBook", Map.of("instrumentId", demo.instrumentId()));
        reads.put("getLargeHolders", Map.of("instrumentId", demo.instrumentId()));
        reads.put("getMarketData", Map.of("instrumentId", demo.instrumentId()));
        reads.put("getOrder", Map.of("id", demo.orderId()));
        reads.put("getCash", Map.of("participantId", demo.buyerId()));
        reads.put("getDailyStatement", Map.of("participantId", demo.buyerId(), "day", today));
        reads.put("getPlatformMembers", Map.of("platform", "p1"));
        reads.put("getRealisedValue", Map.of("year", year));
        reads.put("getSerialHistory", Map.of("serial", demo.serialNumber()));
        // what each result must be typed as, where the generators can say it
        Map<String, Map<String, String>> checks = Map.of(
                "getInstruments", Map.of("0.settlement", "enum", "0.basePriceFrom", "date", "0.basePrice", "number", "0.vintage", "integer"),
                "getProduct", Map.of("status", "enum", "id", "uuid"),
                "getAccount", Map.of("year", "integer", "provenance.createdAt", "datetime"),
                "rankChildrenByGep", Map.of("0.gep", "number", "0.code", "text"),
                "getMarketData", Map.of("0.day", "date"),
                "getHolder", Map.of("kind", "enum"));

        List<Map<String, Object>> calls = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String service : SERVICES) {
            JsonNode document = new YAMLMapper().readTree(OpenApiContract.committedDocument(service).toFile());
            document.path("paths").fields().forEachRemaining(path -> {
                JsonNode get = path.getValue().path("get");
                String operation = get.path("operationId").asText();
                if (!path.getKey().startsWith("/api/") || get.isMissingNode() || NOT_CALLED.containsKey(operation)) {
                    return;
                }
                seen.add(operation);
                Map<String, Object> call = new LinkedHashMap<>(Map.of("service", service, "operationId", operation,
                        "params", reads.getOrDefault(operation, Map.of()), "dates", dateParameters(get)));
                if (checks.containsKey(operation)) {
                    call.put("checks", checks.get(operation));
                }
                calls.add(call);
            });
        }
        assertThat(seen).as("every operation named here is in a document").containsAll(reads.keySet());
        calls.addAll(writes(language));
        Map<String, Object> plan = Map.of("language", language, "services", services, "calls", calls, "replays", List.of(
                List.of("job", "job again", "id"), List.of("holder", "holder again", "id"), List.of("trade", "trade again", "id")));
        Path file = Files.createDirectories(Path.of("target", "generated-clients-calling")).resolve("plan-" + language + ".json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), plan);
        return file.toAbsolutePath();
    }

    /** One write per service, each sent twice with one Idempotency-Key: the second is the first answer again. */
    private static List<Map<String, Object>> writes(String language) {
        int year = DemoDataset.YEAR;
        List<Map<String, Object>> writes = new ArrayList<>();
        Map<String, Object> account = Map.of("regionCode", DemoDataset.REGION, "year", year - 3, "indicators",
                Map.of("AGRICULTURE", Map.of("value", Map.of("value", 1.5, "unit", "亿元"))));
        Map<String, Object> holder = Map.of("kind", "ORGANISATION", "name", "集成测试公司 " + language, "uscc", uscc());
        Map<String, Object> trade = Map.of("sellerId", demo.sellerId(), "buyerId", demo.buyerId(), "rightType", "FOREST_CARBON_SINK",
                "vintage", year, "quantity", 1);
        String jobKey = UUID.randomUUID().toString();
        String holderKey = UUID.randomUUID().toString();
        String tradeKey = UUID.randomUUID().toString();
        for (String name : List.of("", " again")) {
            writes.add(write("job" + name, "gep-accounting-service", "startAccountJob", jobKey, "accountRequest", "AccountRequest", List.of(account),
                    null));
            writes.add(write("holder" + name, "ecological-product-registry", "registerHolder", holderKey, "newHolder", "NewHolder", holder, null));
            writes.add(write("trade" + name, "trading-service", "recordTrade", tradeKey, "newTrade", "NewTrade", trade,
                    TOKENS.trader(demo.sellerId())));
        }
        return writes;
    }

    private static Map<String, Object> write(String name, String service, String operation, String key, String bodyParam, String schema, Object body,
            String token) {
        Map<String, Object> call = new LinkedHashMap<>(Map.of("name", name, "service", service, "operationId", operation, "params",
                Map.of("idempotencyKey", key), "body", Map.of("param", bodyParam, "schema", schema, "array", body instanceof List, "value", body),
                "dates", List.of()));
        if (token != null) {
            call.put("token", token);
        }
        return call;
    }

    private static Map<String, Object> service(String url, String pythonPackage, String token) {
        return Map.of("url", url, "package", pythonPackage, "token", token);
    }

    /** The parameters of an operation that are dates ({@code format: date}): TypeScript clients take them as Date. */
    private static List<String> dateParameters(JsonNode operation) {
        List<String> dates = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if ("date".equals(p.path("schema").path("format").asText())) {
                dates.add(p.path("name").asText());
            }
        });
        return dates;
    }

    /** Ids of things the demonstration makes but does not hand back: a dataset, a job of the integrator's, the price set, an issuance. */
    private static Map<String, String> idsTheDemonstrationLacks() {
        Platform p = system.platform;
        String accountant = TOKENS.user("integrator", "gep-accountant", "gep-reader");
        String job = p.accounting().post("/api/v1/gep-account-jobs", accountant, List.of(Map.of("regionCode", DemoDataset.REGION, "year",
                DemoDataset.YEAR - 4, "indicators", Map.of("AGRICULTURE", Map.of("value", Map.of("value", 1, "unit", "亿元"))))), null)
                .expect(202).body().path("id").asText();
        return Map.of(
                "dataset", p.accounting().get("/api/v1/compensation/datasets", accountant).expect(200).body().path(0).path("id").asText(),
                "job", job,
                "priceSet", p.accounting().get("/api/v1/price-sets", accountant).expect(200).body().path(0).path("id").asText(),
                "issuance", p.registry().get("/api/v1/issuances", TOKENS.user("integrator", "registry-reader")).expect(200).body().path("items")
                        .path(0).path("id").asText());
    }

    /** A valid unified social credit code (GB 32100-2015) of a new organisation. */
    private static String uscc() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("91330602");
        java.util.Random random = new java.util.Random();
        while (code.length() < 17) {
            code.append(chars.charAt(random.nextInt(chars.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(code.charAt(i)) * weights[i];
        }
        return code.append(chars.charAt((31 - sum % 31) % 31)).toString();
    }
}
