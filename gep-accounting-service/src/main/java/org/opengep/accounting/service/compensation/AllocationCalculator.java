package org.opengep.accounting.service.compensation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.account.ValueRow;
import org.opengep.accounting.engine.compensation.FactorAllocation;
import org.opengep.accounting.engine.compensation.FactorAllocation.Factor;
import org.opengep.accounting.engine.compensation.FactorAllocation.GrowthAdjustment;
import org.opengep.accounting.engine.compensation.FactorAllocation.RegionAmount;
import org.opengep.accounting.engine.compensation.HorizontalAmount;
import org.opengep.accounting.engine.compensation.HorizontalAmount.Derivation;
import org.opengep.accounting.engine.unit.Quantities;
import org.opengep.accounting.engine.unit.Unit;
import org.opengep.accounting.service.CatalogueService;
import org.opengep.accounting.service.OfficialAccounts;
import org.opengep.accounting.service.OfficialAccounts.OfficialAccount;
import org.opengep.accounting.service.compensation.AllocationDocument.Direction;
import org.opengep.accounting.service.compensation.AllocationDocument.ExcludedRegion;
import org.opengep.accounting.service.compensation.AllocationDocument.FactorUsed;
import org.opengep.accounting.service.compensation.AllocationDocument.RegionLine;
import org.opengep.accounting.service.compensation.AllocationDocument.SchemeVersion;
import org.opengep.accounting.service.compensation.AllocationFacts.Run;
import org.opengep.accounting.service.compensation.CompensationSchemes.Scheme;
import org.opengep.accounting.service.compensation.SchemeRequest.FactorSpec;
import org.opengep.accounting.service.compensation.SchemeRequest.Kind;
import org.opengep.common.input.RegionCodes;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;

/** Computes one run of a scheme from the official figures and datasets of its year; stores nothing. */
@ApplicationScoped
public class AllocationCalculator {

    /** The largest fund or amount a run takes, in 元 (a hundred trillion). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1e14");
    private static final Unit YUAN = Unit.of("元");

    @Inject
    AllocationFacts facts;

    @Inject
    OfficialAccounts accounts;

    @Inject
    CatalogueService catalogues;

    public AllocationDocument calculate(Scheme scheme, AllocationRequest r, UUID id, String user, OffsetDateTime at) {
        Errors errors = new Errors();
        int lastYear = Year.now().getValue();
        if (!GepEngine.accountable(r.year(), lastYear)) {
            errors.add("year", "a year between " + GepEngine.FIRST_YEAR + " and " + lastYear + " is required");
        }
        String method = catalogues.resolve(r.methodVersion());
        if (catalogues.engine(method).isEmpty()) {
            errors.add("methodVersion", "unknown method version; known: " + catalogues.methodVersions());
        }
        SchemeRequest s = scheme.definition();
        boolean amountGiven = s.kind() == Kind.VERTICAL || s.gepIndicators() == null;
        BigDecimal amount = null;
        if (amountGiven) {
            amount = Quantities.convert(r.amount(), YUAN, "amount", errors).orElse(null);
            if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 0)) {
                errors.add("amount", "a whole number of 元 from 0 to " + MAX_AMOUNT.toPlainString() + " is required (got "
                        + amount.stripTrailingZeros().toPlainString() + " 元)");
            }
        } else if (r.amount() != null) {
            errors.add("amount", "this scheme derives the amount from the provider's GEP; leave it out");
        }
        SchemeVersion version = new SchemeVersion(scheme.id(), scheme.name(), scheme.version(), s.kind());
        if (s.kind() == Kind.VERTICAL) {
            return vertical(version, s, r, amount, method, errors, id, user, at);
        }
        if (r.parentCode() != null || r.regionCodes() != null || r.priceYear() != null) {
            errors.add(r.parentCode() != null ? "parentCode" : r.regionCodes() != null ? "regionCodes" : "priceYear",
                    "a horizontal scheme names its provider and payers itself; leave it out");
        }
        errors.throwIfAny();
        return horizontal(version, s, r.year(), amount, method, id, user, at);
    }

    private AllocationDocument vertical(SchemeVersion version, SchemeRequest s, AllocationRequest r, BigDecimal fund, String method,
            Errors errors, UUID id, String user, OffsetDateTime at) {
        Region parent = r.parentCode() == null ? null : Region.findById(r.parentCode());
        if (parent == null) {
            errors.add("parentCode", r.parentCode() == null ? "required: the region whose children share the fund" : "no region " + r.parentCode());
        }
        int priceYear = r.priceYear() == null ? (r.year() == null ? 0 : r.year()) : r.priceYear();
        if (r.priceYear() != null && !GepEngine.accountable(priceYear, Year.now().getValue())) {
            errors.add("priceYear", "a year between " + GepEngine.FIRST_YEAR + " and " + Year.now().getValue());
        }
        errors.throwIfAny();
        int year = r.year();
        // custom units (watersheds, reserves...) are parts of their parent, not recipients beside its counties
        List<Region> children = Region.children(parent.code).stream().filter(c -> !c.custom && c.validIn(year)).toList();
        if (r.regionCodes() != null && r.regionCodes().size() > AllocationRequest.MAX_REGIONS) {
            errors.add("regionCodes", "at most " + AllocationRequest.MAX_REGIONS + " regions");
            errors.throwIfAny();
        }
        if (r.regionCodes() != null) {
            for (int i = 0; i < r.regionCodes().size(); i++) {
                String code = r.regionCodes().get(i);
                if (code == null || code.length() > RegionCodes.MAX_LENGTH) {
                    errors.add("regionCodes[" + i + "]", RegionCodes.RULE);
                } else if (children.stream().noneMatch(c -> c.code.equals(code))) {
                    errors.add("regionCodes[" + i + "]", code + " is not a child of " + parent.code + " in " + year);
                } else if (r.regionCodes().indexOf(code) != i) {
                    errors.add("regionCodes[" + i + "]", code + " is named twice");
                }
            }
            errors.throwIfAny();
        }
        Map<String, OfficialAccount> official = accounts.find(children.stream().map(c -> c.code).toList(), year, method);
        List<Region> recipients = new ArrayList<>();
        List<ExcludedRegion> excluded = new ArrayList<>();
        for (Region child : children) {
            if (r.regionCodes() != null ? r.regionCodes().contains(child.code) : official.containsKey(child.code)) {
                recipients.add(child);
            } else {
                excluded.add(new ExcludedRegion(child.code, child.name, r.regionCodes() != null ? "not among the regionCodes of the run"
                        : "no official GEP account for " + year + " (" + method + ")"));
            }
        }
        if (recipients.isEmpty()) {
            throw new ConflictException("no-official-children", "none of the " + children.size() + " children of " + parent.code + " in " + year
                    + " has an official GEP account (" + method + "): nothing to allocate to");
        }
        Run run = facts.run(year, method, priceYear, recipients);
        Map<String, BigDecimal> growth = new LinkedHashMap<>();
        if (s.growthAdjustment() != null) {
            recipients.forEach(c -> facts.growth(run, c).ifPresent(g -> growth.put(c.code, g)));
        }
        List<Factor> factors = s.factors().stream().map(f -> facts.factor(run, f, f.weight())).toList();
        refuseIfMissing(run);
        GrowthAdjustment adjustment = s.growthAdjustment() == null ? null
                : new GrowthAdjustment(s.growthAdjustment().coefficient(), s.growthAdjustment().cap());
        FactorAllocation.Result result = FactorAllocation.allocate(fund, recipients.stream().map(c -> c.code).toList(), factors, adjustment, growth);
        return new AllocationDocument(id, version, year, parent.code, parent.name, method, priceYear, fund, CompensationSchemes.formula(s), null,
                used(factors), s.growthAdjustment(), lines(result, run, Direction.RECEIVES), excluded, user, at, null);
    }

    private AllocationDocument horizontal(SchemeVersion version, SchemeRequest s, int year, BigDecimal agreed, String method, UUID id,
            String user, OffsetDateTime at) {
        Region provider = Region.findById(s.providerCode());
        List<Region> payers = s.payerCodes().stream().map(code -> (Region) Region.findById(code)).toList();
        Run run = facts.run(year, method, year, payers);
        Derivation derivation = null;
        BigDecimal amount = agreed;
        if (s.gepIndicators() != null) {
            Optional<OfficialAccount> account = accounts.find(provider.code, year, method);
            if (account.isEmpty()) {
                run.missing().add("the provider " + provider.code + " has no official GEP account for " + year + " (" + method + ")");
            } else {
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                s.gepIndicators().forEach(i -> values.put(i, BigDecimal.ZERO));
                for (Map.Entry<ValueRow, BigDecimal> v : accounts.values(account.get().accountId()).entrySet()) {
                    values.computeIfPresent(v.getKey().indicator(), (k, sum) -> sum.add(v.getValue()));
                }
                if (values.values().stream().allMatch(v -> v.signum() == 0)) {
                    run.missing().add("the provider's official account has no value for " + values.keySet());
                } else {
                    derivation = HorizontalAmount.fromGep(values, s.gepShare(), account.get().source());
                    amount = derivation.amount();
                }
            }
        }
        FactorSpec measure = s.measure();
        List<Factor> factors = List.of(facts.factor(run, measure, BigDecimal.ONE));
        refuseIfMissing(run);
        FactorAllocation.Result result = FactorAllocation.allocate(amount, s.payerCodes(), factors, null, Map.of());
        return new AllocationDocument(id, version, year, provider.code, provider.name, method, null, amount, CompensationSchemes.formula(s),
                derivation, used(factors), null, lines(result, run, Direction.PAYS), List.of(), user, at, null);
    }

    private static void refuseIfMissing(Run run) {
        if (!run.missing().isEmpty()) {
            throw new ConflictException("compensation-figures-missing", "the allocation needs figures that are missing: "
                    + String.join("; ", run.missing().stream().distinct().toList()));
        }
    }

    private static List<FactorUsed> used(List<Factor> factors) {
        return factors.stream().map(f -> new FactorUsed(f.name(), f.weight(), f.unit())).toList();
    }

    private static List<RegionLine> lines(FactorAllocation.Result result, Run run, Direction direction) {
        return result.regions().stream().map((RegionAmount a) -> new RegionLine(a.regionCode(), run.regionName(a.regionCode()), direction,
                a.amount(), a.exactAmount(), a.share(), a.baseShare(), a.growth(), a.appliedGrowth(), a.adjustmentFactor(), a.factors(),
                a.arithmetic())).toList();
    }
}
