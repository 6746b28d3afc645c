package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.opengep.common.metrics.DomainMetrics;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.Problem;
import org.opengep.common.problem.Problems;
import org.opengep.common.problem.RefusedException;
import org.opengep.common.problem.TypedProblem;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.trading.config.MarketRules;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.PriceLimits;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.rest.Requests.NewReservation;
import org.opengep.trading.rest.Requests.NewRetirement;
import org.opengep.trading.rest.Requests.NewSurrender;
import org.opengep.trading.rest.Requests.NewTrade;
import org.opengep.trading.rest.Requests.SurrenderPart;
import org.opengep.trading.service.Ledger.Leg;
import org.opengep.trading.service.Ledger.Moved;

/**
 * Every movement of the ledger. Each runs in the caller's transaction (which also stores its idempotency key): a
 * reservation's row is locked first when one is resolved, then the balances in holder order; balances are checked
 * under those locks, the serial blocks move and the journal records the legs. No check happens outside the
 * transaction that acts on it.
 */
@ApplicationScoped
public class MovementService {

    public enum Mode {
        LISTED,
        AGREEMENT,
        BLOCK,
        AUCTION
    }

    /** How a reservation ends. */
    public enum Resolution {
        SETTLED,
        CANCELLED,
        EXPIRED,
        RELEASED,
        ENFORCED
    }

    /** A recorded movement and the serial ranges it moved. */
    public record Recorded(UUID id, String kind, String status, UUID sellerId, UUID buyerId, Instrument instrument, long units, Long settledUnits,
            BigDecimal price, Mode mode, String purpose, String beneficiary, List<String> serials, OffsetDateTime at, OffsetDateTime expiresAt) {}

    private static final long DEFAULT_EXPIRY_SECONDS = 3600;
    private static final long MAX_EXPIRY_SECONDS = Duration.ofDays(30).toSeconds();

    @Inject
    DataSource dataSource;

    @Inject
    Ledger ledger;

    @Inject
    RegistryFacts registry;

    @Inject
    MarketRules rules;

    @Inject
    MarketData market;

    /** A trade that passed every check that needs no lock: its instrument, units and holders. */
    private record Checked(NewTrade trade, Instrument instrument, long units, boolean twoPhase, long expiresIn) {}

    public Recorded trade(NewTrade t, Caller caller) {
        Checked checked = check(t, caller);
        return Transactions.jdbc(dataSource, c -> {
            Map<UUID, Ledger.Balance> balances = ledger.lockBalances(c, checked.instrument(), List.of(t.sellerId(), t.buyerId()));
            return record(c, checked, balances, caller, Ledger.now());
        });
    }

    /** Everything about a trade that can be checked before its transaction: fields, price limits, the trader, the holders. */
    private Checked check(NewTrade t, Caller caller) {
        Errors errors = new Errors();
        required(errors, "sellerId", t.sellerId());
        required(errors, "buyerId", t.buyerId());
        if (t.sellerId() != null && t.sellerId().equals(t.buyerId())) {
            errors.add("buyerId", "differs from the seller");
        }
        required(errors, "mode", t.mode());
        if (t.price() == null || t.price().signum() < 0 || t.price().stripTrailingZeros().scale() > 2) {
            errors.add("price", "元 per unit, not negative, at most 2 decimals");
        }
        boolean twoPhase = Boolean.TRUE.equals(t.twoPhase());
        long expiresIn = t.expiresInSeconds() == null ? DEFAULT_EXPIRY_SECONDS : t.expiresInSeconds();
        if (t.expiresInSeconds() != null && (!twoPhase || expiresIn < 1 || expiresIn > MAX_EXPIRY_SECONDS)) {
            errors.add("expiresInSeconds", twoPhase ? "1 to " + MAX_EXPIRY_SECONDS : "only for two-phase trades");
        }
        Instrument instrument = instrument(errors, t.rightType(), t.vintage(), t.pollutant());
        long units = units(errors, t.quantity(), t.rightType());
        errors.throwIfAny();
        checkPrice(t, errors);
        caller.requireActsFor(t.sellerId());
        registry.requireActiveHolder(t.sellerId(), "seller");
        registry.requireActiveHolder(t.buyerId(), "buyer");
        if (registry.productsStale(t.sellerId() + "|" + instrument)) {
            registry.refreshProducts(Transactions.jdbc(dataSource, c -> ledger.liveProducts(c, t.sellerId(), instrument)));
        }
        return new Checked(t, instrument, units, twoPhase, expiresIn);
    }

    /** Records a checked trade; the caller holds the locks of the seller's and the buyer's balances. */
    private Recorded record(Connection c, Checked checked, Map<UUID, Ledger.Balance> balances, Caller caller, OffsetDateTime at) throws SQLException {
        NewTrade t = checked.trade();
        Instrument instrument = checked.instrument();
        long units = checked.units();
        UUID id = UUID.randomUUID();
        requireAvailable(balances.get(t.sellerId()), instrument, units);
        if (checked.twoPhase()) {
            Moved moved = ledger.transfer(c, id, instrument, t.sellerId(), Bucket.AVAILABLE, null, t.sellerId(), Bucket.PENDING, units, at);
            moved.products().forEach(registry::requireRegisteredProduct);
            OffsetDateTime expires = at.plusSeconds(checked.expiresIn());
            ledger.insertMovement(c, id, "TRADE", "OPEN", t.sellerId(), t.buyerId(), instrument, units, t.price(), t.mode(), null, null, expires,
                    caller.name(), at);
            ledger.post(c, id, instrument, List.of(new Leg(t.sellerId(), Bucket.AVAILABLE, -units), new Leg(t.sellerId(), Bucket.PENDING, units)),
                    balances, at);
            counted("TRADE");
            return new Recorded(id, "TRADE", "OPEN", t.sellerId(), t.buyerId(), instrument, units, null, t.price(), t.mode(), null, null,
                    moved.serials(), at, expires);
        }
        Moved moved = ledger.transfer(c, id, instrument, t.sellerId(), Bucket.AVAILABLE, null, t.buyerId(), Bucket.AVAILABLE, units, at);
        moved.products().forEach(registry::requireRegisteredProduct);
        ledger.insertMovement(c, id, "TRADE", "SETTLED", t.sellerId(), t.buyerId(), instrument, units, t.price(), t.mode(), null, null, null,
                caller.name(), at);
        recordOrigin(c, id, moved);
        ledger.post(c, id, instrument, List.of(new Leg(t.sellerId(), Bucket.AVAILABLE, -units), new Leg(t.buyerId(), Bucket.AVAILABLE, units)),
                balances, at);
        counted("TRADE");
        return new Recorded(id, "TRADE", "SETTLED", t.sellerId(), t.buyerId(), instrument, units, units, t.price(), t.mode(), null, null,
                moved.serials(), at, null);
    }

    /** The outcome of one trade of a batch: the movement, or the problem that kept it from being recorded. */
    public record Outcome(int index, int status, Recorded movement, Problem problem) {}

    /**
     * Records up to 1 000 trades, each on its own: a trade that fails leaves the others untouched. They are written in
     * one transaction: every balance the batch touches is locked first, in one canonical order (so concurrent batches
     * and trades never deadlock), then the trades run in the order given, each behind a savepoint.
     */
    public List<Outcome> batch(List<NewTrade> trades, Caller caller) {
        Outcome[] outcomes = new Outcome[trades.size()];
        List<Integer> ready = new ArrayList<>();
        Checked[] checked = new Checked[trades.size()];
        for (int i = 0; i < trades.size(); i++) {
            try {
                checked[i] = check(Problems.requireBody(trades.get(i)), caller);
                ready.add(i);
            } catch (RuntimeException e) {
                outcomes[i] = failed(i, e);
            }
        }
        Transactions.jdbc(dataSource, c -> {
            Map<Instrument, Map<UUID, Ledger.Balance>> locked = lockAll(c, ready.stream().map(i -> checked[i]).toList());
            OffsetDateTime at = Ledger.now();
            for (int i : ready) {
                Map<UUID, Ledger.Balance> balances = locked.get(checked[i].instrument());
                List<Ledger.Balance> touched = List.of(balances.get(checked[i].trade().sellerId()), balances.get(checked[i].trade().buyerId()));
                List<Ledger.Balance> before = touched.stream().map(Ledger.Balance::copy).toList();
                // savepoints in SQL: the pool manages the transaction and refuses JDBC's own rollback calls
                sql(c, "savepoint trade");
                try {
                    outcomes[i] = new Outcome(i, 201, record(c, checked[i], balances, caller, at), null);
                    sql(c, "release savepoint trade");
                } catch (TypedProblem | InvalidInputException e) {
                    sql(c, "rollback to savepoint trade");
                    for (int b = 0; b < touched.size(); b++) {
                        touched.get(b).restore(before.get(b));
                    }
                    outcomes[i] = failed(i, e);
                }
            }
            return null;
        });
        return List.of(outcomes);
    }

    private static void sql(Connection c, String statement) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Map<Instrument, Map<UUID, Ledger.Balance>> lockAll(Connection c, List<Checked> trades) throws SQLException {
        Map<Instrument, Set<UUID>> holders = new TreeMap<>(Comparator.comparing(Instrument::toString));
        for (Checked t : trades) {
            holders.computeIfAbsent(t.instrument(), k -> new TreeSet<>()).addAll(List.of(t.trade().sellerId(), t.trade().buyerId()));
        }
        Map<Instrument, Map<UUID, Ledger.Balance>> locked = new HashMap<>();
        for (var e : holders.entrySet()) {
            locked.put(e.getKey(), ledger.lockBalances(c, e.getKey(), e.getValue()));
        }
        return locked;
    }

    private static Outcome failed(int index, RuntimeException e) {
        if (e instanceof TypedProblem p) {
            return new Outcome(index, p.status(), null, Problem.of(p.type(), p.title(), p.status(), p.getMessage(), null));
        }
        if (e instanceof InvalidInputException invalid) {
            return new Outcome(index, 400, null, new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                    invalid.errors().size() + " problem(s) with the trade", null, invalid.errors()));
        }
        throw e;
    }

    public Recorded retire(NewRetirement r, Caller caller) {
        Errors errors = new Errors();
        required(errors, "holderId", r.holderId());
        if (r.purpose() == null || r.purpose().isBlank()) {
            errors.add("purpose", "required");
        }
        if (r.beneficiary() == null || r.beneficiary().isBlank()) {
            errors.add("beneficiary", "required");
        }
        Instrument instrument = instrument(errors, r.rightType(), r.vintage(), r.pollutant());
        long units = units(errors, r.quantity(), r.rightType());
        errors.throwIfAny();
        caller.requireActsFor(r.holderId());
        registry.requireActiveHolder(r.holderId(), "holder");
        return Transactions.jdbc(dataSource, c -> withinHolder(c, "RETIREMENT", "DONE", r.holderId(), null, instrument, units, Bucket.RETIRED,
                r.purpose(), r.beneficiary(), caller, Ledger.now()));
    }

    /**
     * A compliance surrender: every part is retired in one transaction (all or nothing); together they meet the
     * obligation exactly, and CCER covers at most the configured share of it.
     */
    public List<Recorded> surrender(NewSurrender r, Caller caller) {
        Errors errors = new Errors();
        required(errors, "holderId", r.holderId());
        required(errors, "complianceYear", r.complianceYear());
        Units.check(r.obligation(), RightType.CARBON_ALLOWANCE).ifPresent(p -> errors.add("obligation", p));
        if (r.parts() == null || r.parts().isEmpty()) {
            errors.add("parts", "at least one");
        }
        errors.throwIfAny();
        long total = 0;
        long ccer = 0;
        List<Instrument> instruments = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        for (int n = 0; n < r.parts().size(); n++) {
            SurrenderPart part = r.parts().get(n);
            String at = "parts[" + n + "]";
            if (part == null || part.rightType() != RightType.CARBON_ALLOWANCE && part.rightType() != RightType.CCER) {
                errors.add(at + ".rightType", "CARBON_ALLOWANCE or CCER");
                continue;
            }
            required(errors, at + ".vintage", part.vintage());
            Optional<String> problem = Units.check(part.quantity(), part.rightType());
            problem.ifPresent(p -> errors.add(at + ".quantity", p));
            if (problem.isEmpty() && part.vintage() != null) {
                long units = Units.of(part.quantity(), part.rightType());
                total += units;
                ccer += part.rightType() == RightType.CCER ? units : 0;
                instruments.add(new Instrument(part.rightType(), part.vintage(), null));
                amounts.add(units);
            }
        }
        errors.throwIfAny();
        long obligation = Units.of(r.obligation(), RightType.CARBON_ALLOWANCE);
        if (total != obligation) {
            errors.add("parts", "add up to " + total + " tCO2e, not the obligation of " + obligation);
        }
        BigDecimal share = rules.ccerSurrenderShare();
        if (BigDecimal.valueOf(ccer).compareTo(share.multiply(BigDecimal.valueOf(obligation))) > 0) {
            errors.add("parts", "CCER covers " + ccer + " tCO2e, more than " + share.movePointRight(2).stripTrailingZeros().toPlainString()
                    + " % of the obligation");
        }
        errors.throwIfAny();
        caller.requireActsFor(r.holderId());
        registry.requireActiveHolder(r.holderId(), "holder");
        String purpose = "compliance surrender " + r.complianceYear();
        return Transactions.jdbc(dataSource, c -> {
            List<Recorded> recorded = new ArrayList<>();
            OffsetDateTime at = Ledger.now();
            // one instrument after the other in a fixed order: two surrenders of one holder never wait on each other in a cycle
            List<Integer> order = new ArrayList<>();
            for (int n = 0; n < instruments.size(); n++) {
                order.add(n);
            }
            order.sort(Comparator.comparing(n -> instruments.get(n).toString()));
            for (int n : order) {
                recorded.add(withinHolder(c, "SURRENDER", "DONE", r.holderId(), null, instruments.get(n), amounts.get(n), Bucket.RETIRED, purpose,
                        r.holderId().toString(), caller, at));
            }
            return recorded;
        });
    }

    /** A pledge (by the pledgor's trader, to a pledgee) or a freeze (by the operator): AVAILABLE units become PLEDGED or FROZEN. */
    public Recorded reserve(String kind, NewReservation r, Caller caller) {
        boolean pledge = kind.equals("PLEDGE");
        Errors errors = new Errors();
        required(errors, "holderId", r.holderId());
        if (pledge) {
            required(errors, "pledgeeId", r.pledgeeId());
            if (r.holderId() != null && r.holderId().equals(r.pledgeeId())) {
                errors.add("pledgeeId", "differs from the holder");
            }
        } else if (r.pledgeeId() != null) {
            errors.add("pledgeeId", "only for pledges");
        }
        Instrument instrument = instrument(errors, r.rightType(), r.vintage(), r.pollutant());
        long units = units(errors, r.quantity(), r.rightType());
        errors.throwIfAny();
        if (pledge) {
            caller.requireActsFor(r.holderId());
            registry.requireActiveHolder(r.pledgeeId(), "pledgee");
        }
        Bucket bucket = pledge ? Bucket.PLEDGED : Bucket.FROZEN;
        return Transactions.jdbc(dataSource, c -> withinHolder(c, kind, "OPEN", r.holderId(), r.pledgeeId(), instrument, units, bucket, r.reason(),
                null, caller, Ledger.now()));
    }

    /**
     * Moves a holder's available units into another of its own buckets (retired, pledged, frozen) and records the
     * movement. Units retired for good must still be REGISTERED in the registry; reserved ones stay the holder's.
     */
    private Recorded withinHolder(Connection c, String kind, String status, UUID holder, UUID counterparty, Instrument i, long units, Bucket to,
            String purpose, String beneficiary, Caller caller, OffsetDateTime at) throws SQLException {
        UUID id = UUID.randomUUID();
        Map<UUID, Ledger.Balance> balances = ledger.lockBalances(c, i, List.of(holder));
        requireAvailable(balances.get(holder), i, units);
        Moved moved = ledger.transfer(c, id, i, holder, Bucket.AVAILABLE, null, holder, to, units, at);
        if (to == Bucket.RETIRED) {
            moved.products().forEach(registry::requireRegisteredProduct);
        }
        ledger.insertMovement(c, id, kind, status, holder, counterparty, i, units, null, null, purpose, beneficiary, null, caller.name(), at);
        ledger.post(c, id, i, List.of(new Leg(holder, Bucket.AVAILABLE, -units), new Leg(holder, to, units)), balances, at);
        counted(kind);
        return new Recorded(id, kind, status, holder, counterparty, i, units, null, null, null, purpose, beneficiary, moved.serials(), at, null);
    }

    /**
     * Resolves an OPEN reservation exactly once: a two-phase trade is SETTLED (in part: the rest returns to the seller),
     * CANCELLED or EXPIRED; a pledge RELEASED to the holder or ENFORCED to the pledgee; a freeze RELEASED. A second
     * resolution is 409.
     */
    public Optional<Recorded> resolve(UUID id, Resolution resolution, BigDecimal quantity, Caller caller) {
        return Transactions.jdbc(dataSource, c -> {
            Optional<Open> found = lockOpen(c, id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Open m = found.get();
            allowed(m, resolution, caller);
            if (!m.status().equals("OPEN")) {
                throw new ConflictException("already-resolved", "this " + m.kind().toLowerCase() + " was " + m.status() + " already");
            }
            if (resolution == Resolution.EXPIRED && m.expiresAt().isAfter(OffsetDateTime.now())) {
                throw new ConflictException("not-expired", "the trade expires at " + m.expiresAt());
            }
            long settled = resolution == Resolution.SETTLED ? settledUnits(quantity, m) : resolution == Resolution.ENFORCED ? m.units() : 0;
            if (settled > 0) {
                registry.requireActiveHolder(m.buyerId(), m.kind().equals("PLEDGE") ? "pledgee" : "buyer");
            }
            OffsetDateTime at = Ledger.now();
            Bucket reserved = m.kind().equals("TRADE") ? Bucket.PENDING : m.kind().equals("PLEDGE") ? Bucket.PLEDGED : Bucket.FROZEN;
            List<UUID> holders = settled > 0 ? List.of(m.sellerId(), m.buyerId()) : List.of(m.sellerId());
            Map<UUID, Ledger.Balance> balances = ledger.lockBalances(c, m.instrument(), holders);
            List<String> serials = new ArrayList<>();
            List<Leg> legs = new ArrayList<>(List.of(new Leg(m.sellerId(), reserved, -m.units())));
            if (settled > 0) {
                Moved moved = ledger.transfer(c, id, m.instrument(), m.sellerId(), reserved, id, m.buyerId(), Bucket.AVAILABLE, settled, at);
                moved.products().forEach(registry::requireRegisteredProduct);
                if (m.kind().equals("TRADE")) {
                    recordOrigin(c, id, moved);
                }
                serials.addAll(moved.serials());
                legs.add(new Leg(m.buyerId(), Bucket.AVAILABLE, settled));
            }
            long back = m.units() - settled;
            if (back > 0) {
                serials.addAll(ledger.transfer(c, id, m.instrument(), m.sellerId(), reserved, id, m.sellerId(), Bucket.AVAILABLE, back, at).serials());
                legs.add(new Leg(m.sellerId(), Bucket.AVAILABLE, back));
            }
            ledger.post(c, id, m.instrument(), legs, balances, at);
            try (PreparedStatement s = c.prepareStatement("update movement set status = ?, settled_units = ?, settled_at = ?, resolved_at = ?, "
                    + "resolved_by = ? where id = ?")) {
                s.setString(1, resolution.name());
                s.setObject(2, m.kind().equals("TRADE") ? settled : null);
                s.setObject(3, m.kind().equals("TRADE") && settled > 0 ? at : null);
                s.setObject(4, at);
                s.setString(5, caller.name());
                s.setObject(6, id);
                s.executeUpdate();
            }
            counted(resolution.name());
            return Optional.of(new Recorded(id, m.kind(), resolution.name(), m.sellerId(), m.buyerId(), m.instrument(), m.units(),
                    m.kind().equals("TRADE") ? settled : null, m.price(), m.mode(), null, null, serials, at, m.expiresAt()));
        });
    }

    /**
     * Counts a recorded movement (trade, retirement, surrender, pledge, freeze) or resolution (settled, cancelled,
     * released, enforced, expired) for the metrics; it is added when the transaction commits, so a replayed
     * Idempotency-Key, a failed batch item or a rollback counts nothing.
     */
    private static void counted(String kind) {
        DomainMetrics.count(DomainMetrics.MOVEMENTS_RECORDED, 1, "kind", kind.toLowerCase(Locale.ROOT));
    }

    /** Two-phase trades past their time, oldest first (the expiry job resolves each as EXPIRED). */
    public List<UUID> overdue(int limit) {
        return Transactions.jdbc(dataSource, c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select id from movement where status = 'OPEN' and expires_at < ? order by expires_at limit ?")) {
                s.setObject(1, OffsetDateTime.now());
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
    }

    private record Open(String kind, String status, UUID sellerId, UUID buyerId, Instrument instrument, long units, BigDecimal price, Mode mode,
            OffsetDateTime expiresAt) {}

    private static Optional<Open> lockOpen(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select kind, status, seller_id, buyer_id, right_type, vintage, pollutant, units, price, mode, "
                + "expires_at from movement where id = ? and kind in ('TRADE', 'PLEDGE', 'FREEZE') for update")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Open(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                        Instrument.of(rs.getString(5), rs.getInt(6), rs.getString(7)), rs.getLong(8), rs.getBigDecimal(9),
                        rs.getString(10) == null ? null : Mode.valueOf(rs.getString(10)), rs.getObject(11, OffsetDateTime.class)));
            }
        }
    }

    /** Who may end a reservation how: the parties settle or cancel a trade, the pledgee releases a pledge, the operator all the rest. */
    private static void allowed(Open m, Resolution resolution, Caller caller) {
        boolean operator = caller.roles().contains(Roles.Trading.OPERATOR);
        boolean party = caller.holderId() != null && (caller.holderId().equals(m.sellerId()) || caller.holderId().equals(m.buyerId()));
        boolean ok = switch (m.kind()) {
            case "TRADE" -> (resolution == Resolution.SETTLED || resolution == Resolution.CANCELLED) && (party || operator)
                    || resolution == Resolution.EXPIRED && operator;
            case "PLEDGE" -> resolution == Resolution.RELEASED && (operator || caller.holderId() != null && caller.holderId().equals(m.buyerId()))
                    || resolution == Resolution.ENFORCED && operator;
            default -> resolution == Resolution.RELEASED && operator;
        };
        if (!ok) {
            throw new RefusedException("not-allowed", "a " + m.kind().toLowerCase() + " cannot be " + resolution + " by this caller");
        }
    }

    private static long settledUnits(BigDecimal quantity, Open m) {
        if (quantity == null) {
            return m.units();
        }
        Errors errors = new Errors();
        Units.check(quantity, m.instrument().rightType()).ifPresent(p -> errors.add("quantity", p));
        errors.throwIfAny();
        long units = Units.of(quantity, m.instrument().rightType());
        if (units > m.units()) {
            errors.add("quantity", "at most the " + Units.quantity(m.units(), m.instrument().rightType()).toPlainString() + " reserved");
            errors.throwIfAny();
        }
        return units;
    }

    /** The right type's price limits against the previous close, where configured. */
    private void checkPrice(NewTrade t, Errors errors) {
        MarketRules.PriceLimit limit = rules.priceLimits().get(t.rightType().name());
        if (limit == null) {
            return;
        }
        BigDecimal previousClose = market.previousClose(t.rightType(), LocalDate.now(rules.zone())).orElse(null);
        PriceLimits.check(t.mode().name(), t.quantity(), t.price(), previousClose, limit.listed(), limit.block(), limit.blockThreshold())
                .ifPresent(problem -> errors.add("price", problem));
        errors.throwIfAny();
    }

    private static void requireAvailable(Ledger.Balance balance, Instrument i, long units) {
        if (balance.available() < units) {
            throw new ConflictException("insufficient-balance", "the holder has " + Units.quantity(balance.available(), i.rightType()).toPlainString()
                    + " " + i.rightType().unit(i.pollutant()) + " of " + i + " available, not " + Units.quantity(units, i.rightType()).toPlainString());
        }
    }

    private static void recordOrigin(Connection c, UUID id, Moved moved) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into trade_origin (movement_id, region_code, units) values (?, ?, ?)")) {
            for (Map.Entry<String, Long> e : moved.unitsByRegion().entrySet()) {
                s.setObject(1, id);
                s.setString(2, e.getKey());
                s.setLong(3, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Instrument instrument(Errors errors, RightType type, Integer vintage, Pollutant pollutant) {
        required(errors, "rightType", type);
        required(errors, "vintage", vintage);
        if (type == RightType.POLLUTANT_EMISSION_RIGHT && pollutant == null) {
            errors.add("pollutant", "required: pollutant rights move one pollutant at a time");
        }
        if (type != null && type != RightType.POLLUTANT_EMISSION_RIGHT && pollutant != null) {
            errors.add("pollutant", "only for POLLUTANT_EMISSION_RIGHT");
        }
        return type == null || vintage == null ? null : new Instrument(type, vintage, pollutant);
    }

    private static long units(Errors errors, BigDecimal quantity, RightType type) {
        if (type == null) {
            return 0;
        }
        var problem = Units.check(quantity, type);
        problem.ifPresent(p -> errors.add("quantity", p));
        return problem.isPresent() ? 0 : Units.of(quantity, type);
    }

    private static void required(Errors errors, String field, Object value) {
        if (value == null) {
            errors.add(field, "required");
        }
    }
}
