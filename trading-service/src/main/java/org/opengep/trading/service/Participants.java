package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.security.Caller;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Side;
import org.opengep.trading.store.FillStore;
import org.opengep.trading.store.HoldingStore;

/**
 * What is checked of a participant before its command is queued: that the registry has it ACTIVE, the holding
 * period, and (for a seller) that the registry's answers about the products its units may come from are fresh, so
 * that the check under the locks does not wait on the registry.
 */
@ApplicationScoped
public class Participants {

    @Inject
    RegistryFacts registry;

    @Inject
    HoldingStore holdings;

    @Inject
    FillStore fills;

    @Inject
    MarketClock clock;

    @Inject
    DataSource dataSource;

    /** The trader's own holder, ACTIVE in the registry. */
    public UUID self(Caller caller) {
        UUID holder = caller.holderId();
        caller.requireActsFor(holder);
        registry.requireActiveHolder(holder, "participant");
        return holder;
    }

    public void requireActive(UUID holder, String role) {
        registry.requireActiveHolder(holder, role);
    }

    /** Asks the registry, if its answers are older than the cache keeps them, about the products whose units the seller would give first. */
    public void readySeller(UUID seller, Instrument instrument) {
        if (registry.productsStale(seller + "|" + instrument)) {
            registry.refreshProducts(Transactions.jdbc(dataSource, c -> holdings.nextProducts(c, seller, instrument)));
        }
    }

    /**
     * The holding period of the listing: a sale only when at least that many trading days have passed since the
     * participant last bought the instrument, and a buy since it last sold it.
     */
    public void checkHoldingPeriod(Listing listing, UUID participant, Side side) {
        if (listing.holdingDays() == 0) {
            return;
        }
        Optional<LocalDate> last = Transactions.jdbc(dataSource, c -> fills.lastDay(c, participant, listing.instrumentId(), side == Side.SELL));
        LocalDate today = clock.today();
        if (last.isPresent() && clock.calendar().tradingDaysBetween(last.get(), today) < listing.holdingDays()) {
            throw new ConflictException("holding-period", participant + " " + (side == Side.SELL ? "bought" : "sold") + " " + listing.instrument() + " on "
                    + last.get() + "; it may " + (side == Side.SELL ? "sell" : "buy") + " it again " + listing.holdingDays() + " trading days later");
        }
    }
}
