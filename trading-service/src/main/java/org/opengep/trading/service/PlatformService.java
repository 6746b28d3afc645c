package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.RefusedException;
import org.opengep.common.security.Caller;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.Listing;
import org.opengep.trading.rest.CentreRequests.NewPlatformTrade;
import org.opengep.trading.store.MembershipStore;
import org.opengep.trading.store.MembershipStore.Membership;

/**
 * Platforms that match elsewhere: the operator grants a platform its members; the platform (its token's name) reports
 * the trades it matched between two of them, with its own reference. Units move here; the cash was paid on the platform.
 */
@ApplicationScoped
public class PlatformService {

    @Inject
    LedgerWriter writer;

    @Inject
    ListingService listings;

    @Inject
    MembershipStore memberships;

    @Inject
    Participants participants;

    @Inject
    MarketClock clock;

    @Inject
    DataSource dataSource;

    public Membership grant(String platform, UUID participant, Caller caller) {
        Errors errors = new Errors();
        if (platform == null || !platform.matches("[A-Za-z0-9._-]{1,100}")) {
            errors.add("platform", "the platform's name (its token's subject): letters, digits, '.', '_' or '-', at most 100");
        }
        errors.required("participantId", participant);
        errors.throwIfAny();
        participants.requireActive(participant, "participant"); // a member is a holder the registry knows
        return Transactions.jdbc(dataSource, c -> memberships.grant(c, platform, participant, clock.now(), caller.name()));
    }

    public List<Membership> members(String platform) {
        return Transactions.jdbc(dataSource, c -> memberships.list(c, platform));
    }

    public Response report(NewPlatformTrade r, Caller caller, KeyedRequest key, Function<Fill, Object> view) {
        Errors errors = new Errors();
        errors.required("instrumentId", r.instrumentId());
        errors.required("sellerId", r.sellerId());
        errors.required("buyerId", r.buyerId());
        if (r.sellerId() != null && r.sellerId().equals(r.buyerId())) {
            errors.add("buyerId", "differs from the seller");
        }
        ListingService.requirePrice(errors, "price", r.price());
        if (r.platformReference() == null || r.platformReference().isBlank() || r.platformReference().length() > 100) {
            errors.add("platformReference", "required, at most 100 characters");
        }
        errors.throwIfAny();
        Listing listing = listings.get(r.instrumentId());
        long units = Units.from(errors, r.quantity(), listing.instrument().rightType());
        errors.throwIfAny();
        String platform = caller.name();
        Transactions.jdbc(dataSource, c -> {
            for (UUID p : List.of(r.sellerId(), r.buyerId())) {
                if (!memberships.isMember(c, platform, p)) {
                    throw new RefusedException("not-a-member", p + " is not a member of platform " + platform);
                }
            }
            if (memberships.referenceUsed(c, platform, r.platformReference())) {
                throw new ConflictException("platform-reference-used", platform + " reported trade " + r.platformReference() + " already");
            }
            return null;
        });
        participants.requireActive(r.sellerId(), "seller");
        participants.requireActive(r.buyerId(), "buyer");
        participants.readySeller(r.sellerId(), listing.instrument());
        return writer.submit(new CentreCommands.PlatformTrade(listing.instrumentId(), listing.instrument(), platform, r.platformReference(), r.sellerId(),
                r.buyerId(), units, r.price()), key, 201, view);
    }
}
