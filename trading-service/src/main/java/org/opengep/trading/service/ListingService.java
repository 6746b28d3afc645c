package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.NotFoundException;
import org.opengep.common.security.Caller;
import org.opengep.trading.config.MarketRules;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Session;
import org.opengep.trading.market.Settlement;
import org.opengep.trading.rest.CentreRequests.NewBasePrice;
import org.opengep.trading.rest.CentreRequests.NewListing;
import org.opengep.trading.store.InstrumentStore;
import org.opengep.trading.store.ListingStore;

/** Instruments at the trading centre: listed with their rules by the operator, suspended and resumed, and their first base price. */
@ApplicationScoped
public class ListingService {

    @Inject
    ListingStore listings;

    @Inject
    InstrumentStore instruments;

    @Inject
    MarketRules rules;

    @Inject
    MarketClock clock;

    @Inject
    LedgerWriter writer;

    @Inject
    Participants participants;

    @Inject
    DataSource dataSource;

    public Listing list(NewListing r, Caller caller) {
        Errors errors = new Errors();
        Instrument instrument = Instrument.from(errors, r.rightType(), r.vintage(), r.pollutant(), r.waterRightKind(), r.permitValidUntil());
        BigDecimal tick = or(r.tick(), new BigDecimal("0.01"));
        if (tick.signum() <= 0 || tick.stripTrailingZeros().scale() > 2 || tick.compareTo(new BigDecimal("1000")) > 0) {
            errors.add("tick", "0.01 to 1000 元, at most two decimals");
        }
        long lot = Units.from(errors, "lot", or(r.lot(), BigDecimal.ONE), r.rightType());
        BigDecimal listedBand = share(errors, "listedBand", or(r.listedBand(), new BigDecimal("0.10")));
        BigDecimal blockBand = share(errors, "blockBand", or(r.blockBand(), new BigDecimal("0.30")));
        long blockThreshold = Units.from(errors, "blockThreshold", or(r.blockThreshold(), new BigDecimal("100000")), r.rightType());
        BigDecimal buyerFee = fee(errors, "buyerFeeRate", or(r.buyerFeeRate(), rules.centre().buyerFeeRate()));
        BigDecimal sellerFee = fee(errors, "sellerFeeRate", or(r.sellerFeeRate(), rules.centre().sellerFeeRate()));
        List<Session> sessions = Session.parse(r.sessions() == null ? rules.centre().sessions() : r.sessions()).orElse(null);
        if (sessions == null) {
            errors.add("sessions", "sessions like 09:30-11:30,13:00-15:00, in order and not overlapping");
        }
        int holding = r.holdingPeriodDays() == null ? 0 : r.holdingPeriodDays();
        if (holding < 0 || holding > 250) {
            errors.add("holdingPeriodDays", "0 to 250 trading days");
        }
        Long positionLimit = r.positionLimit() == null ? null : Units.from(errors, "positionLimit", r.positionLimit(), r.rightType());
        Long largeHolder = r.largeHolderThreshold() == null ? null : Units.from(errors, "largeHolderThreshold", r.largeHolderThreshold(), r.rightType());
        BigDecimal opening = r.openingBasePrice();
        if (opening != null) {
            requirePrice(errors, "openingBasePrice", opening);
        }
        errors.throwIfAny();
        if (opening != null && opening.remainder(tick).signum() != 0) {
            errors.add("openingBasePrice", "on the tick of " + tick.toPlainString());
        }
        if (lot > 0 && blockThreshold % lot != 0) {
            errors.add("blockThreshold", "whole lots");
        }
        errors.throwIfAny();
        return Transactions.jdbc(dataSource, c -> {
            int id = instruments.idOf(c, instrument);
            Listing listing = new Listing(id, instrument, false, tick, lot, listedBand, blockBand, blockThreshold, buyerFee, sellerFee, sessions, holding,
                    positionLimit, largeHolder, r.settlement() == null ? Settlement.AT_FILL : r.settlement(),
                    or(r.bandRounding(), rules.centre().bandRounding()), opening, opening == null ? null : clock.today(),
                    null);
            if (!listings.insert(c, listing, clock.now(), caller.name())) {
                throw new ConflictException("already-listed", instrument + " is listed already as instrument " + id);
            }
            return listing;
        });
    }

    public Listing get(int id) {
        return Transactions.jdbc(dataSource, c -> listings.find(c, id)).orElseThrow(() -> new NotFoundException("instrument " + id + " at the trading centre"));
    }

    public List<Listing> all() {
        return Transactions.jdbc(dataSource, listings::all);
    }

    /** Suspends or resumes trading; what is open stays in the book. */
    public Listing suspend(int id, boolean suspended, Caller caller) {
        get(id);
        Transactions.jdbc(dataSource, c -> {
            listings.setSuspended(c, id, suspended, clock.now(), caller.name());
            return null;
        });
        return get(id);
    }

    /** The first seller's proposal of a new instrument's first base price. */
    public Response proposeBasePrice(int id, NewBasePrice r, Caller caller, KeyedRequest key, Function<Listing, Object> view) {
        Listing listing = get(id);
        Errors errors = new Errors();
        requirePrice(errors, "price", r.price());
        errors.throwIfAny();
        return writer.submit(new CentreCommands.FirstBasePrice(id, listing.instrument(), participants.self(caller), r.price()), key, 200, view);
    }

    /** Adds a problem under {@code field} unless the value is a price: given, positive, two decimals at most, below 10^16 元. */
    static void requirePrice(Errors errors, String field, BigDecimal p) {
        if (p == null || !price(p)) {
            errors.add(field, "元 per unit, positive, at most two decimals");
        }
    }

    private static boolean price(BigDecimal p) {
        return p.signum() > 0 && p.stripTrailingZeros().scale() <= 2 && p.compareTo(new BigDecimal("1e16")) < 0;
    }

    private static BigDecimal share(Errors errors, String field, BigDecimal value) {
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0 || value.stripTrailingZeros().scale() > 4) {
            errors.add(field, "a share above 0 and below 1, at most four decimals");
        }
        return value;
    }

    private static BigDecimal fee(Errors errors, String field, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(new BigDecimal("0.1")) >= 0 || value.stripTrailingZeros().scale() > 6) {
            errors.add(field, "a share from 0 and below 0.1, at most six decimals");
        }
        return value;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
