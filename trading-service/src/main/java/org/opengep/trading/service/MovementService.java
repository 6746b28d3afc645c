package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.trading.ledger.Bucket;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.SerialSplit;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.service.Ledger.Holding;
import org.opengep.trading.service.Ledger.Leg;
import org.opengep.trading.service.Ledger.NewHolding;

/**
 * Trades and retirements. Each runs in the caller's transaction (which also stores its idempotency key): the
 * balances are locked first, the balance is checked under the lock, the serial blocks move, and the journal records
 * the legs, so that no check ever happens outside the transaction that acts on it.
 */
@ApplicationScoped
public class MovementService {

    public enum Mode {
        LISTED,
        AGREEMENT,
        BLOCK,
        AUCTION
    }

    @Schema(name = "NewTrade", description = "Units of one right type and vintage from seller to buyer, settled at once")
    public record NewTrade(@Schema(required = true) UUID sellerId, @Schema(required = true) UUID buyerId,
            @Schema(required = true) RightType rightType, @Schema(required = true, examples = "2024") Integer vintage,
            @Schema(description = "Pollutant emission rights only") Pollutant pollutant,
            @Schema(required = true, examples = "100") BigDecimal quantity,
            @Schema(required = true, description = "元 per unit", examples = "58.50") BigDecimal price,
            @Schema(required = true) Mode mode) {}

    @Schema(name = "NewRetirement", description = "Units retired for good (注销), e.g. to offset emissions")
    public record NewRetirement(@Schema(required = true) UUID holderId, @Schema(required = true) RightType rightType,
            @Schema(required = true) Integer vintage, Pollutant pollutant, @Schema(required = true) BigDecimal quantity,
            @Schema(required = true, examples = "2025年度碳中和") String purpose, @Schema(required = true, examples = "某某公司") String beneficiary) {}

    /** A recorded movement and the serial ranges it moved. */
    public record Recorded(UUID id, String kind, UUID sellerId, UUID buyerId, Instrument instrument, long units, BigDecimal price,
            Mode mode, String purpose, String beneficiary, List<String> serials, OffsetDateTime at) {}

    @Inject
    DataSource dataSource;

    @Inject
    Ledger ledger;

    @Inject
    RegistryFacts registry;

    public Recorded trade(NewTrade t, Caller caller) {
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
        Instrument instrument = instrument(errors, t.rightType(), t.vintage(), t.pollutant());
        long units = units(errors, t.quantity(), t.rightType());
        errors.throwIfAny();
        caller.requireActsFor(t.sellerId());
        registry.requireActiveHolder(t.sellerId(), "seller");
        registry.requireActiveHolder(t.buyerId(), "buyer");
        return Transactions.jdbc(dataSource, c -> {
            OffsetDateTime at = Ledger.now();
            UUID id = UUID.randomUUID();
            Map<UUID, Ledger.Balance> balances = ledger.lockBalances(c, instrument, List.of(t.sellerId(), t.buyerId()));
            List<String> serials = move(c, id, instrument, t.sellerId(), t.buyerId(), Bucket.AVAILABLE, units, balances, at);
            insertMovement(c, id, "TRADE", t.sellerId(), t.buyerId(), instrument, units, t.price(), t.mode(), null, null, caller.name(), at);
            ledger.post(c, id, instrument, List.of(new Leg(t.sellerId(), Bucket.AVAILABLE, -units), new Leg(t.buyerId(), Bucket.AVAILABLE, units)),
                    balances, at);
            return new Recorded(id, "TRADE", t.sellerId(), t.buyerId(), instrument, units, t.price(), t.mode(), null, null, serials, at);
        });
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
        return Transactions.jdbc(dataSource, c -> {
            OffsetDateTime at = Ledger.now();
            UUID id = UUID.randomUUID();
            Map<UUID, Ledger.Balance> balances = ledger.lockBalances(c, instrument, List.of(r.holderId()));
            List<String> serials = move(c, id, instrument, r.holderId(), r.holderId(), Bucket.RETIRED, units, balances, at);
            insertMovement(c, id, "RETIREMENT", r.holderId(), null, instrument, units, null, null, r.purpose(), r.beneficiary(), caller.name(), at);
            ledger.post(c, id, instrument, List.of(new Leg(r.holderId(), Bucket.AVAILABLE, -units), new Leg(r.holderId(), Bucket.RETIRED, units)),
                    balances, at);
            return new Recorded(id, "RETIREMENT", r.holderId(), null, instrument, units, null, null, r.purpose(), r.beneficiary(), serials, at);
        });
    }

    /**
     * Moves {@code units} of the holder's available serials to {@code to} in state {@code state}: whole blocks oldest
     * first, the last one split (the holder keeps the first sub-range). Refuses what the balance does not cover, and
     * units of products the registry no longer has REGISTERED.
     */
    private List<String> move(Connection c, UUID movementId, Instrument i, UUID from, UUID to, Bucket state, long units,
            Map<UUID, Ledger.Balance> balances, OffsetDateTime at) throws SQLException {
        long available = balances.get(from).available();
        if (available < units) {
            throw new ConflictException("insufficient-balance", "the holder has " + Units.quantity(available, i.rightType()).toPlainString() + " "
                    + i.rightType().unit(i.pollutant()) + " of " + i.rightType() + " " + i.vintage() + " available, not "
                    + Units.quantity(units, i.rightType()).toPlainString());
        }
        List<Holding> blocks = ledger.liveHoldings(c, from, i, Bucket.AVAILABLE, units);
        Set<UUID> products = new LinkedHashSet<>();
        blocks.forEach(b -> products.add(b.productId()));
        products.forEach(registry::requireRegisteredProduct);
        SerialSplit.Result split = SerialSplit.take(blocks.stream().map(b -> new SerialSplit.Block(b.id(), b.start(), b.end())).toList(), units);
        ledger.endHoldings(c, split.ended(), at);
        Map<Long, Holding> byId = new HashMap<>();
        blocks.forEach(b -> byId.put(b.id(), b));
        List<NewHolding> started = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        if (split.kept() != null) {
            Holding h = byId.get(split.kept().holdingId());
            started.add(new NewHolding(from, i, h.productId(), h.regionCode(), h.issuanceId(), h.serialPrefix(), split.kept().start(),
                    split.kept().end(), Bucket.AVAILABLE, movementId));
        }
        for (SerialSplit.Block moved : split.moved()) {
            Holding h = byId.get(moved.holdingId());
            started.add(new NewHolding(to, i, h.productId(), h.regionCode(), h.issuanceId(), h.serialPrefix(), moved.start(), moved.end(), state,
                    movementId));
            serials.add(h.serialPrefix() + "-" + moved.start() + "-" + moved.end());
        }
        ledger.startHoldings(c, started, at);
        return serials;
    }

    private static void insertMovement(Connection c, UUID id, String kind, UUID seller, UUID buyer, Instrument i, long units, BigDecimal price,
            Mode mode, String purpose, String beneficiary, String by, OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into movement (id, kind, status, seller_id, buyer_id, right_type, vintage, pollutant, "
                + "units, price, mode, purpose, beneficiary, created_by, created_at) values (?, ?, 'DONE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, kind);
            s.setObject(3, seller);
            s.setObject(4, buyer);
            s.setString(5, i.rightType().name());
            s.setInt(6, i.vintage());
            s.setString(7, i.pollutantKey());
            s.setLong(8, units);
            s.setBigDecimal(9, price);
            s.setString(10, mode == null ? null : mode.name());
            s.setString(11, purpose);
            s.setString(12, beneficiary);
            s.setString(13, by);
            s.setObject(14, at);
            s.executeUpdate();
        }
    }

    private static Instrument instrument(Errors errors, RightType type, Integer vintage, Pollutant pollutant) {
        required(errors, "rightType", type);
        required(errors, "vintage", vintage);
        if (type == RightType.POLLUTANT_EMISSION_RIGHT && pollutant == null) {
            errors.add("pollutant", "required: pollutant rights are traded one pollutant at a time");
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
