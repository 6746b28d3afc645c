package org.opengep.registry.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengep.testsupport.TestTokens;

/**
 * gep-accounting-service as the registry sees it, on a dynamic port: regions, the catalogue and official figures
 * in the service's JSON shapes. It checks the registry's bearer token (RS256 signature, gep-reader role) like the
 * real service, and can be made slow or stopped to test timeouts, retries and the circuit breaker.
 */
public final class AccountingStub {

    private static final Pattern REGION = Pattern.compile("/api/v1/regions/(\\w+)");
    private static final Pattern FIGURE = Pattern.compile("/api/v1/regions/(\\w+)/gep");
    private static final Pattern YEAR = Pattern.compile("(?:^|&)year=(\\d+)");
    private static AccountingStub instance;

    private final Map<String, String> regions = new ConcurrentHashMap<>();
    private final Map<String, String> figures = new ConcurrentHashMap<>();
    private final AtomicInteger figureRequests = new AtomicInteger();
    private volatile long delayMillis;
    private volatile int failWith;
    private volatile HttpServer server;
    private int port;

    public static synchronized AccountingStub instance() {
        if (instance == null) {
            instance = new AccountingStub();
            instance.start();
            instance.seedRegions();
        }
        return instance;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Listens again, on the same port. */
    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Stops listening: calls are refused, as when the service is down. */
    public synchronized void stop() {
        server.stop(0);
    }

    public void delay(long millis) {
        delayMillis = millis;
    }

    /** Answers every call with this status (0: answer normally), as a failing service does. */
    public void failWith(int status) {
        failWith = status;
    }

    public int figureRequests() {
        return figureRequests.get();
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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"status\":401}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/gep")) {
                figureRequests.incrementAndGet();
            }
            if (failWith != 0) {
                send(exchange, failWith, "{\"status\":" + failWith + "}");
                return;
            }
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            Matcher figure = FIGURE.matcher(path);
            Matcher region = REGION.matcher(path);
            if (path.equals("/api/v1/indicators")) {
                send(exchange, 200, CATALOGUE);
            } else if (figure.matches()) {
                Matcher year = YEAR.matcher(query);
                String body = year.find() && query.contains("detail=lines") ? figures.get(figure.group(1) + "|" + year.group(1)) : null;
                send(exchange, body == null ? 404 : 200, body == null ? "{\"status\":404}" : body);
            } else if (region.matches() && regions.containsKey(region.group(1))) {
                send(exchange, 200, regions.get(region.group(1)));
            } else {
                send(exchange, 404, "{\"status\":404}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real service's check: an RS256 token signed by the trusted key, carrying the gep-reader role. */
    private static boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = header.substring(7).split("\\.");
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TestTokens.publicKeyBase64())));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2])) && claims.contains("\"gep-reader\"");
        } catch (Exception e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static final String CATALOGUE = """
            {"methodVersions":["MEE-2020"],"catalogue":{"method":"MEE-2020",
            "ecosystemTypes":[{"code":"FOREST"},{"code":"GRASSLAND"},{"code":"WETLAND"},{"code":"RIVER"},{"code":"LAKE"},{"code":"FARMLAND"}],
            "indicators":[{"code":"AGRICULTURE","category":"PROVISIONING"},{"code":"WATER_SUPPLY","category":"PROVISIONING"},
            {"code":"ECO_ENERGY","category":"PROVISIONING"},{"code":"WATER_CONSERVATION","category":"REGULATING"},
            {"code":"SOIL_RETENTION","category":"REGULATING"},{"code":"AIR_PURIFICATION","category":"REGULATING"},
            {"code":"WATER_PURIFICATION","category":"REGULATING"},{"code":"CARBON_SEQUESTRATION","category":"REGULATING"},
            {"code":"RECREATION","category":"CULTURAL"}]},"parameterUnits":{}}""";
}
