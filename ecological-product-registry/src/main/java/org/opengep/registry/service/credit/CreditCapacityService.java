package org.opengep.registry.service.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.opengep.common.problem.NotFoundException;
import org.opengep.common.problem.ServiceUnavailableException;
import org.opengep.common.rights.RightType;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.registry.client.TradingClient;
import org.opengep.registry.client.accounting.model.Income;
import org.opengep.registry.client.trading.model.Listing;
import org.opengep.registry.client.trading.model.MarketDay;
import org.opengep.registry.client.trading.model.SerialBlock;
import org.opengep.registry.domain.Holder;
import org.opengep.registry.domain.ProductValuation;
import org.opengep.registry.rules.CreditCapacity;
import org.opengep.registry.rules.CreditCapacity.Block;
import org.opengep.registry.rules.CreditCapacity.RegionGep;
import org.opengep.registry.service.AccountingFacts;
import org.opengep.registry.service.AccountingFacts.OfficialGep;
import org.opengep.registry.service.credit.CreditPolicies.PolicyView;

/**
 * A holder's credit capacity under a lender's policy, from what the other services and the registry know: its blocks
 * and pledges (trading-service), the last close of their instrument (trading-service) or else their product's
 * valuation from GEP (here), its compensation income and the official GEP of the regions (gep-accounting-service).
 * Nothing is stored; every figure says where it comes from.
 */
@ApplicationScoped
public class CreditCapacityService {

    /** Who may read a holder's capacity besides the holder itself. */
    public static final Set<String> READERS = Set.of(Roles.Registry.LENDER, Roles.Registry.REGISTRAR);

    /** @param notes what the capacity could not count, e.g. a region without a published GEP (it adds nothing to the cap) */
    public record Capacity(UUID holderId, String holderName, PolicyView policy, String compensationRegionCode, CreditCapacity.Result capacity,
            List<String> notes, OffsetDateTime computedAt) {}

    @Inject
    CreditPolicies policies;

    @Inject
    TradingClient trading;

    @Inject
    AccountingFacts accounting;

    /** Empty when there is no such holder (or the caller may not see it); a missing policy is a 404 naming it. */
    public Optional<Capacity> capacity(UUID holderId, UUID policyId, Caller caller) {
        Holder holder = Holder.findById(holderId);
        if (holder == null) {
            return Optional.empty();
        }
        caller.requireSees(holderId, READERS);
        PolicyView policy = policies.find(policyId).orElseThrow(() -> new NotFoundException("credit policy " + policyId));
        List<SerialBlock> held = call(() -> trading.holdings(holderId));
        Map<Integer, Optional<MarketDay>> closes = new HashMap<>();
        Map<UUID, Optional<UnitValue>> valuations = new HashMap<>();
        List<Listing> listings = held.isEmpty() ? List.of() : call(trading::instruments);
        List<Block> blocks = new ArrayList<>();
        Set<String> regions = new LinkedHashSet<>();
        for (SerialBlock b : held) {
            boolean pledged = "PLEDGED".equals(b.getState());
            if (!pledged && !"AVAILABLE".equals(b.getState())) {
                continue; // pending, frozen, retired or expired units support nothing
            }
            RightType type = RightType.valueOf(b.getRightType().toString());
            BigDecimal quantity = BigDecimal.valueOf(b.getUnits()).movePointLeft(type.precision());
            UnitValue value = unitValue(b, listings, closes, valuations);
            blocks.add(new Block(b.getFirst(), b.getLast(), quantity, type.unit(null), type, b.getProductId(), b.getRegionCode(),
                    pledged ? b.getMovementId() : null, value == null ? null : value.perUnit(), value == null ? null : value.source()));
            if (!pledged) {
                regions.add(b.getRegionCode());
            }
        }
        CreditCapacity.Income income = null;
        if (holder.compensationRegionCode != null) {
            Income i = accounting.compensationIncome(holder.compensationRegionCode);
            income = new CreditCapacity.Income(i.getAmount(), i.getYear(), "published compensation received by " + holder.compensationRegionCode
                    + (i.getYear() == null ? "" : " in " + i.getYear()) + " (gep-accounting-service, " + i.getReceipts().size() + " allocation(s))");
            regions.add(holder.compensationRegionCode);
        }
        List<RegionGep> geps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String region : regions) {
            Optional<OfficialGep> gep = accounting.latestOfficialGep(region);
            gep.ifPresent(g -> geps.add(new RegionGep(region, g.gep(), g.year(),
                    "official GEP account " + g.accountId() + " of " + region + " " + g.year() + " (gep-accounting-service)")));
            if (gep.isEmpty()) {
                notes.add("no official GEP of " + region + " is published: it adds nothing to the cap");
            }
        }
        return Optional.of(new Capacity(holder.id, holder.name, policy, holder.compensationRegionCode,
                CreditCapacity.of(policy.rule(), blocks, income, geps), notes, OffsetDateTime.now()));
    }

    private record UnitValue(BigDecimal perUnit, String source) {}

    /** The last close of the block's instrument in the last 30 days, else its product's newest valuation from GEP. */
    private UnitValue unitValue(SerialBlock b, List<Listing> listings, Map<Integer, Optional<MarketDay>> closes,
            Map<UUID, Optional<UnitValue>> valuations) {
        for (Listing l : listings) {
            if (Objects.equals(String.valueOf(l.getRightType()), String.valueOf(b.getRightType())) && Objects.equals(l.getVintage(), b.getVintage())
                    && Objects.equals(l.getPollutant() == null ? null : l.getPollutant().toString(), b.getPollutant())
                    && Objects.equals(String.valueOf(l.getWaterRightKind()), String.valueOf(b.getWaterRightKind()))) {
                Optional<MarketDay> close = closes.computeIfAbsent(l.getInstrumentId(), id -> call(() -> trading.lastClose(id)));
                if (close.isPresent()) {
                    return new UnitValue(close.get().getClose(), "close of instrument " + l.getInstrumentId() + " on " + close.get().getDay()
                            + " at the trading centre");
                }
            }
        }
        return valuations.computeIfAbsent(b.getProductId(), CreditCapacityService::valuation).orElse(null);
    }

    /** The product's newest valuation from GEP as a value per unit. */
    private static Optional<UnitValue> valuation(UUID productId) {
        return ProductValuation.<ProductValuation>find("productId = ?1 order by valuedAt desc", productId).firstResultOptional()
                .map(v -> new UnitValue(v.unitPrice.multiply(v.unitFactor), "valuation " + v.id + " of product " + v.productId
                        + " from official GEP account " + v.accountId + " (" + v.regionCode + " " + v.year + ", " + v.valueLine + " at "
                        + v.unitPrice.stripTrailingZeros().toPlainString() + " " + v.priceUnit + ")"));
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("trading-unavailable", "trading-service did not answer (" + e.getClass().getSimpleName()
                    + "); retry later", e);
        }
    }
}
