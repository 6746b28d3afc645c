import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trading benchmark's two halves (JDK only):
 *   java bench/TradingBench.java registry <port> <accounts> <units> [vintages]
 *       stands in for the registry: an issuance feed giving each of the accounts (holder ids derived from their number)
 *       <units> of FOREST_CARBON_SINK 2024 (and of each later vintage up to [vintages], default 1); every holder ACTIVE,
 *       every product REGISTERED.
 *   java bench/TradingBench.java tokens <accounts> <file>
 *       writes "<holder id> <trader token>" per account, for bench/trades.lua (wrk).
 *   java bench/TradingBench.java load <trading-url> <accounts> <scenario> <clients> <seconds>
 *       scenario many: trades of 1 t between random accounts; hot: from account 0 to random accounts;
 *       batch: batches of 1 000 trades, each from one random seller to random buyers.
 *       Prints trades/s and p50/p99 latency of requests.
 */
public class TradingBench {

    static final String ISSUER = "https://gep.local/issuer";

    public static void main(String[] args) throws Exception {
        if (args[0].equals("registry")) {
            registry(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 1);
        } else if (args[0].equals("tokens")) {
            tokens(Integer.parseInt(args[1]), Path.of(args[2]));
        } else {
            load(args[1], Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        }
    }

    static UUID holder(int n) {
        return new UUID(0x6265_6e63_6800_0000L, n);
    }

    static void registry(int port, int accounts, long units, int vintages) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 200);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String body;
            if (path.equals("/api/v1/issuances")) {
                int after = Integer.parseInt(query.replaceAll(".*after=(\\d+).*", "$1"));
                int limit = Integer.parseInt(query.replaceAll(".*limit=(\\d+).*", "$1"));
                StringBuilder items = new StringBuilder();
                int last = Math.min(accounts * vintages, after + limit);
                for (int n = after; n < last; n++) {
                    int account = n % accounts;
                    int vintage = 2024 + n / accounts;
                    items.append(n == after ? "" : ",").append(String.format(
                            "{\"id\":\"%s\",\"position\":%d,\"productId\":\"%s\",\"regionCode\":\"331181\",\"rightType\":\"FOREST_CARBON_SINK\","
                                    + "\"vintage\":%d,\"holderId\":\"%s\",\"quantity\":%d,\"unit\":\"tCO2e\",\"precision\":0,\"serialStart\":1,"
                                    + "\"serialEnd\":%d,\"serialNumber\":\"FCS-331181-%d-%d-1-%d\",\"status\":\"ISSUED\"}",
                            new UUID(0x6973_7375_6500_0000L, n), n + 1, new UUID(0x7072_6f64_0000_0000L, n), vintage, holder(account), units, units, n + 1,
                            vintage, units));
                }
                body = "{\"items\":[" + items + "],\"next\":" + last + "}";
            } else {
                String id = path.substring(path.lastIndexOf('/') + 1);
                body = "{\"id\":\"" + id + "\",\"status\":\"" + (path.contains("/holders/") ? "ACTIVE" : "REGISTERED") + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("registry stand-in on " + port);
        Thread.currentThread().join();
    }

    static void tokens(int accounts, Path file) throws Exception {
        PrivateKey key = privateKey();
        StringBuilder lines = new StringBuilder();
        for (int n = 0; n < accounts; n++) {
            lines.append(holder(n)).append(' ').append(token(key, "trader-" + n, "trader", holder(n))).append('\n');
        }
        Files.writeString(file, lines);
    }

    static PrivateKey privateKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(
                Files.readString(Path.of(".local/keys/private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
    }

    static void load(String url, int accounts, String scenario, int clients, int seconds) throws Exception {
        PrivateKey key = privateKey();
        String[] tokens = new String[accounts];
        for (int n = 0; n < accounts; n++) {
            tokens[n] = token(key, "trader-" + n, "trader", holder(n));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong trades = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ConcurrentHashMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            Thread t = new Thread(() -> {
                int count = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int seller = scenario.equals("hot") ? 0 : random.nextInt(accounts);
                    String body;
                    String path;
                    int size = 1;
                    if (scenario.equals("batch")) {
                        size = 1000;
                        StringBuilder b = new StringBuilder("{\"trades\":[");
                        for (int i = 0; i < size; i++) {
                            b.append(i == 0 ? "" : ",").append(trade(seller, other(random, accounts, seller)));
                        }
                        body = b.append("]}").toString();
                        path = "/api/v1/trade-batches";
                    } else {
                        body = trade(seller, other(random, accounts, seller));
                        path = "/api/v1/trades";
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + tokens[seller])
                            .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        if (response.statusCode() == 201) {
                            trades.incrementAndGet();
                        } else if (response.statusCode() == 200) {
                            trades.addAndGet(Long.parseLong(response.body().replaceAll("^\\{\"recorded\":(\\d+).*", "$1")));
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    if (count < mine.length) {
                        mine[count++] = System.nanoTime() - started;
                    }
                }
                mine[mine.length - 1] = count;
            });
            threads.add(t);
        }
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        System.out.printf("%s clients=%d: %.0f trades/s, requests p50 %.1f ms p99 %.1f ms, %d requests, statuses %s, failures %d%n", scenario,
                clients, trades.get() / elapsed, all.length == 0 ? 0 : all[all.length / 2] / 1e6, all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6,
                all.length, statuses, failures.get());
    }

    static int other(ThreadLocalRandom random, int accounts, int seller) {
        int buyer = random.nextInt(accounts - 1);
        return buyer >= seller ? buyer + 1 : buyer;
    }

    static String trade(int seller, int buyer) {
        return "{\"sellerId\":\"" + holder(seller) + "\",\"buyerId\":\"" + holder(buyer)
                + "\",\"rightType\":\"FOREST_CARBON_SINK\",\"vintage\":2024,\"quantity\":1}";
    }

    static String token(PrivateKey key, String user, String role, UUID holder) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"upn\":\"" + user + "\",\"groups\":[\"" + role + "\"]"
                + (holder == null ? "" : ",\"holder_id\":\"" + holder + "\"") + ",\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(rsa.sign());
    }
}
