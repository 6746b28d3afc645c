import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trading centre's benchmark client (JDK only; compiled with TradingBench.java, whose tokens and holders it uses):
 *   setup <url> <accounts> <instruments>
 *       lists FOREST_CARBON_SINK 2024.. (one instrument per vintage, base price 50.00, trading all day) and deposits
 *       10 000 000 元 for each account.
 *   orders <url> <accounts> <instruments> <clients> <seconds>
 *       each client works one book: a random account posts a sell order of 1 t at the base price, another takes it
 *       (delivery versus payment). Prints posts plus takes per second and the p50/p99 latency of the requests.
 *   auction <url> <accounts> <bids> <clients>
 *       the operator opens an auction of account 0's lot of <bids> t (2024), the accounts bid 1 t each at random prices
 *       from the reserve up; at the end the operator allocates it. Prints the bids' rate and how long the allocation took.
 */
public class CentreBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"(?:id|instrumentId)\":\"?([0-9a-f-]+)\"?");

    public static void main(String[] args) throws Exception {
        String url = args[1];
        int accounts = Integer.parseInt(args[2]);
        PrivateKey key = TradingBench.privateKey();
        String operator = TradingBench.token(key, "bench-operator", "trading-operator", null);
        String[] traders = new String[accounts];
        for (int n = 0; n < accounts; n++) {
            traders[n] = TradingBench.token(key, "trader-" + n, "trader", TradingBench.holder(n));
        }
        switch (args[0]) {
            case "setup" -> setup(url, accounts, Integer.parseInt(args[3]), operator);
            case "orders" -> orders(url, accounts, Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]), traders);
            default -> auction(url, accounts, Integer.parseInt(args[3]), Integer.parseInt(args[4]), operator, traders);
        }
    }

    static void setup(String url, int accounts, int instruments, String operator) throws Exception {
        for (int v = 0; v < instruments; v++) {
            post(url, "/api/v1/instruments", operator, "{\"rightType\":\"FOREST_CARBON_SINK\",\"vintage\":" + (2024 + v)
                    + ",\"openingBasePrice\":50.00,\"sessions\":\"00:00-23:59\"}", 201);
        }
        parallel(8, accounts, n -> post(url, "/api/v1/participants/" + TradingBench.holder(n) + "/deposits", operator,
                "{\"amount\":10000000,\"bankReference\":\"BENCH-" + n + "\"}", 201));
        System.out.println("listed " + instruments + " instruments, deposited for " + accounts + " accounts");
    }

    static void orders(String url, int accounts, int instruments, int clients, int seconds, String[] traders) throws Exception {
        int[] ids = instrumentIds(url, traders[0], instruments);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        AtomicInteger[] counts = new AtomicInteger[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[4_000_000];
            latencies.add(mine);
            counts[c] = new AtomicInteger();
            int instrument = ids[c % ids.length];
            AtomicInteger count = counts[c];
            Thread t = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int seller = random.nextInt(accounts);
                    int buyer = (seller + 1 + random.nextInt(accounts - 1)) % accounts;
                    long t0 = System.nanoTime();
                    HttpResponse<String> posted = send(url, "/api/v1/orders", traders[seller], "{\"instrumentId\":" + instrument
                            + ",\"side\":\"SELL\",\"price\":50.00,\"quantity\":1}");
                    mine[count.getAndIncrement()] = System.nanoTime() - t0;
                    statuses.computeIfAbsent(posted.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (posted.statusCode() != 201) {
                        failures.incrementAndGet();
                        continue;
                    }
                    done.incrementAndGet();
                    long t1 = System.nanoTime();
                    HttpResponse<String> taken = send(url, "/api/v1/orders/" + id(posted.body()) + "/takes", traders[buyer], "{}");
                    mine[count.getAndIncrement()] = System.nanoTime() - t1;
                    statuses.computeIfAbsent(taken.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (taken.statusCode() == 201) {
                        done.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = merged(latencies, counts);
        System.out.printf("centre clients=%d books=%d: %.0f posts+takes/s, requests p50 %.1f ms p99 %.1f ms, %d requests, statuses %s, failures %d%n",
                clients, ids.length, done.get() / (double) seconds, percentile(all, 50), percentile(all, 99), all.length, statuses, failures.get());
    }

    static void auction(String url, int accounts, int bids, int clients, String operator, String[] traders) throws Exception {
        int instrument = instrumentIds(url, operator, 1)[0];
        OffsetDateTime now = OffsetDateTime.now();
        // the window: long enough for the bids at a few hundred per second; the allocation waits for its end
        OffsetDateTime ends = now.plusSeconds(Math.max(Integer.getInteger("auction.min-window", 30), bids / 150));
        long cap = Math.max(1, 2L * bids / accounts);
        String auction = id(post(url, "/api/v1/auctions", operator, "{\"instrumentId\":" + instrument + ",\"side\":\"SELL\",\"principalId\":\""
                + TradingBench.holder(0) + "\",\"quantity\":" + bids + ",\"reservePrice\":50.00,\"minBidQuantity\":1,\"maxPerBidder\":" + cap
                + ",\"pricing\":\"UNIFORM\",\"startsAt\":\"" + now.minusMinutes(1) + "\",\"endsAt\":\"" + ends + "\"}", 201));
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        parallel(clients, bids + bids / 2, n -> {
            // more bids than units: prices from the reserve up, so that some lose; bidders in turn (never the principal, account 0)
            if (next.get() >= bids) {
                return;
            }
            int bidder = 1 + n % (accounts - 1);
            String price = String.format("%.2f", 50 + ThreadLocalRandom.current().nextInt(300) / 100.0);
            HttpResponse<String> answer = send(url, "/api/v1/auctions/" + auction + "/bids", traders[bidder], "{\"price\":" + price + ",\"quantity\":1}");
            if (answer.statusCode() == 201) {
                next.incrementAndGet();
            } else if (!answer.body().contains("/bidder-cap")) { // a bidder past its cap is refused, as the auction's rules say
                failures.incrementAndGet();
            }
        });
        double bidSeconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(Math.max(0, Duration.between(OffsetDateTime.now(), ends).toMillis() + 500));
        long a0 = System.nanoTime();
        String allocated = post(url, "/api/v1/auctions/" + auction + "/allocation", operator, null, 200);
        double allocation = (System.nanoTime() - a0) / 1e6;
        Matcher clearing = Pattern.compile("\"clearingPrice\":([0-9.]+)").matcher(allocated);
        System.out.printf("auction: %d bids in %.1f s (%.0f bids/s); allocated in %.0f ms (target under 1000 ms), clearing price %s, %d KB of results, "
                + "failures %d%n", next.get(), bidSeconds, next.get() / bidSeconds, allocation, clearing.find() ? clearing.group(1) : "-",
                allocated.length() / 1024, failures.get());
    }

    static int[] instrumentIds(String url, String token, int instruments) throws Exception {
        String listings = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/instruments")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"instrumentId\":(\\d+),\"rightType\":\"FOREST_CARBON_SINK\",\"vintage\":(\\d+)").matcher(listings);
        List<Integer> ids = new ArrayList<>();
        while (m.find() && ids.size() < instruments) {
            ids.add(Integer.parseInt(m.group(1)));
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    interface Step {
        void run(int n) throws Exception;
    }

    static void parallel(int threads, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    step.run(n);
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    static String post(String url, String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> answer = send(url, path, token, body);
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    static HttpResponse<String> send(String url, String path, String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(path + ": " + e, e);
        }
    }

    static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    static long[] merged(List<long[]> latencies, AtomicInteger[] counts) {
        int total = Arrays.stream(counts).mapToInt(AtomicInteger::get).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < counts.length; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c].get());
            at += counts[c].get();
        }
        Arrays.sort(all);
        return all;
    }

    static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100.0))] / 1e6;
    }
}
