package org.opengep.trading.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengep.testsupport.StubService;
import org.opengep.testsupport.StubService.Reply;

/**
 * ecological-product-registry as the trading service sees it: the issuance feed (positions dense, in order), holders
 * and products with their status (ACTIVE and REGISTERED unless a test says otherwise), behind the real token check
 * (role registry-reader).
 */
public final class RegistryStub {

    private static final Pattern AFTER = Pattern.compile("(?:^|&)after=(\\d+)");
    private static final Pattern LIMIT = Pattern.compile("(?:^|&)limit=(\\d+)");
    private static final Pattern ENTITY = Pattern.compile("/api/v1/(holders|products)/([0-9a-f-]{36})");
    private static RegistryStub instance;

    private final List<String> feed = new ArrayList<>();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final AtomicLong productNumbers = new AtomicLong();
    private final StubService service = new StubService("registry-reader", this::answer);

    public static synchronized RegistryStub instance() {
        if (instance == null) {
            instance = new RegistryStub();
        }
        return instance;
    }

    public StubService service() {
        return service;
    }

    /** A holder's or product's status in the registry. */
    public void status(UUID id, String status) {
        statuses.put(id.toString(), status);
    }

    /** Issues a block of {@code units} serials from a new product in 331181 to the holder; returns the product id. */
    public synchronized UUID issue(UUID holder, String rightType, int vintage, long units) {
        UUID product = UUID.randomUUID();
        issue(holder, product, rightType, vintage, 1, units);
        return product;
    }

    public synchronized void issue(UUID holder, UUID product, String rightType, int vintage, long start, long end) {
        issue(holder, product, "331181", rightType, vintage, start, end, null);
    }

    /** Pollutant emission rights of one pollutant: quantity in t/a with 3 decimals, serials count kilograms. */
    public synchronized void issuePollutant(UUID holder, String pollutant, int vintage, long units) {
        long position = feed.size() + 1;
        long number = productNumbers.incrementAndGet();
        feed.add("""
                {"id":"%s","position":%d,"productId":"%s","regionCode":"331181","rightType":"POLLUTANT_EMISSION_RIGHT","pollutant":"%s",
                 "vintage":%d,"holderId":"%s","unit":"t/a","precision":3,"serialStart":1,"serialEnd":%d,
                 "serialNumber":"PER-331181-%d-%d-1-%d","status":"ISSUED"}"""
                .formatted(UUID.randomUUID(), position, UUID.randomUUID(), pollutant, vintage, holder, units, number, vintage, units));
    }

    /** Water rights of one kind (m³ a year); a withdrawal permit's quota is valid until the permit's end. */
    public synchronized void issueWater(UUID holder, String kind, int vintage, long units, String permitValidUntil) {
        long position = feed.size() + 1;
        long number = productNumbers.incrementAndGet();
        feed.add("""
                {"id":"%s","position":%d,"productId":"%s","regionCode":"331181","rightType":"WATER_RIGHT","waterRightKind":"%s",
                 "vintage":%d,"holderId":"%s","unit":"m³","precision":0,"serialStart":1,"serialEnd":%d,%s
                 "serialNumber":"WR-331181-%d-%d-1-%d","status":"ISSUED"}"""
                .formatted(UUID.randomUUID(), position, UUID.randomUUID(), kind, vintage, holder, units,
                        permitValidUntil == null ? "" : "\"validUntil\":\"" + permitValidUntil + "\",", number, vintage, units));
    }

    /** Puts an item on the feed the ledger cannot read (as a registry with a bug would); {@link #repair} replaces it. */
    public synchronized void issueUnreadable(UUID holder) {
        feed.add("{\"id\":\"" + UUID.randomUUID() + "\",\"position\":" + (feed.size() + 1) + ",\"rightType\":\"NO_SUCH_RIGHT\",\"holderId\":\""
                + holder + "\"}");
    }

    /** Replaces the unreadable items with proper issuances of 10 units to the same holder. */
    public synchronized void repair() {
        for (int i = 0; i < feed.size(); i++) {
            String item = feed.get(i);
            if (item != null && item.contains("NO_SUCH_RIGHT")) {
                String holder = item.replaceAll(".*\"holderId\":\"([0-9a-f-]+)\".*", "$1");
                feed.set(i, """
                        {"id":"%s","position":%d,"productId":"%s","regionCode":"331181","rightType":"CCER","vintage":2024,"holderId":"%s",
                         "unit":"tCO2e","precision":0,"serialStart":1,"serialEnd":10,"serialNumber":"CCE-331181-%d-2024-1-10","status":"ISSUED"}"""
                        .formatted(UUID.randomUUID(), i + 1, UUID.randomUUID(), holder, productNumbers.incrementAndGet()));
            }
        }
    }

    /** A block of serials start..end of a product in a region, valid until a date (or without end). */
    public synchronized void issue(UUID holder, UUID product, String region, String rightType, int vintage, long start, long end, String validUntil) {
        long position = feed.size() + 1;
        long number = productNumbers.incrementAndGet();
        feed.add("""
                {"id":"%s","position":%d,"productId":"%s","regionCode":"%s","rightType":"%s","vintage":%d,"holderId":"%s",
                 "quantity":%d,"unit":"tCO2e","precision":0,"serialStart":%d,"serialEnd":%d,"serialNumber":"%s-%s-%d-%d-%d-%d",%s
                 "status":"ISSUED","issuedBy":"registrar","issuedAt":"2026-01-01T00:00:00Z"}"""
                .formatted(UUID.randomUUID(), position, product, region, rightType, vintage, holder, end - start + 1, start, end,
                        rightType.substring(0, 3), region, number, vintage, start, end,
                        validUntil == null ? "" : "\"validUntil\":\"" + validUntil + "\","));
    }

    /**
     * Changes one issuance on the feed as a registry with a bug (or a forger) would: {@code change} gets its JSON and gives
     * the new JSON, or null to leave it out of the answers (its position stays taken). Returns what puts it back.
     */
    public synchronized Runnable tamper(UUID issuanceId, UnaryOperator<String> change) {
        for (int i = 0; i < feed.size(); i++) {
            String item = feed.get(i);
            if (item != null && item.contains("\"id\":\"" + issuanceId + "\"")) {
                int at = i;
                feed.set(at, change.apply(item));
                return () -> {
                    synchronized (this) {
                        feed.set(at, item);
                    }
                };
            }
        }
        throw new IllegalArgumentException("no issuance " + issuanceId + " on the feed");
    }

    private synchronized Reply answer(String path, String query) {
        if (path.equals("/api/v1/issuances")) {
            Matcher after = AFTER.matcher(query);
            Matcher limit = LIMIT.matcher(query);
            int from = after.find() ? Integer.parseInt(after.group(1)) : 0;
            int size = limit.find() ? Integer.parseInt(limit.group(1)) : 100;
            List<String> items = feed.subList(Math.min(from, feed.size()), Math.min(from + size, feed.size()));
            return Reply.ok("{\"items\":[" + String.join(",", items.stream().filter(Objects::nonNull).toList()) + "],\"next\":"
                    + (from + items.size()) + "}");
        }
        Matcher entity = ENTITY.matcher(path);
        if (entity.matches()) {
            String status = statuses.getOrDefault(entity.group(2), entity.group(1).equals("holders") ? "ACTIVE" : "REGISTERED");
            if (status.equals("UNKNOWN")) {
                return Reply.notFound(); // the registry has no such holder or product
            }
            return Reply.ok("{\"id\":\"" + entity.group(2) + "\",\"status\":\"" + status + "\"}");
        }
        return Reply.notFound();
    }
}
