package org.opengep.accounting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opengep.accounting.domain.GepAccount;
import org.opengep.accounting.domain.PriceSet;
import org.opengep.accounting.domain.PriceSetEntry.Kind;
import org.opengep.accounting.domain.PriceSetEntry;
import org.opengep.accounting.engine.account.Amount;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;
import org.opengep.accounting.engine.price.PriceBook;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.engine.price.PriceKeys;
import org.opengep.accounting.engine.unit.Quantities;
import org.opengep.accounting.rest.Requests.Draft;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;

/**
 * Price and parameter sets: the built-in reference set, users' own versioned sets, and the rule that a
 * set some account was valued with never changes again.
 */
@ApplicationScoped
public class PriceSetService {

    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000002010");

    private record BuiltinSet(UUID id, String name, String description, List<PriceEntry> prices, List<PriceEntry> parameters) {}

    @Inject
    CatalogueService catalogues;

    @Inject
    ObjectMapper json;

    void loadBuiltinSet(@Observes StartupEvent event) {
        BuiltinSet builtin;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("price-sets/reference-2010.json")) {
            builtin = json.readValue(in, BuiltinSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (PriceSet.findById(builtin.id()) == null) {
                PriceSet set = new PriceSet();
                set.id = builtin.id();
                set.name = builtin.name();
                set.version = 1;
                set.description = builtin.description();
                set.builtin = true;
                set.createdBy = "system";
                set.createdAt = OffsetDateTime.now();
                addEntries(set, builtin.prices(), builtin.parameters());
                set.persist();
            }
        });
    }

    public List<PriceSet> list() {
        return PriceSet.list("order by name, version");
    }

    public Optional<PriceSet> find(UUID id) {
        return PriceSet.findByIdOptional(id);
    }

    public boolean inUse(UUID id) {
        return GepAccount.count("priceSetId", id) > 0;
    }

    /** A new set, or the next version of the set with the same name; {@code basedOn} entries are copied first. */
    @Transactional
    public PriceSet create(Draft draft, String user) {
        Errors errors = new Errors();
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            errors.add("name", "a name of 1 to 200 characters is required");
        }
        PriceSet base = null;
        if (draft.basedOn() != null) {
            base = PriceSet.findById(draft.basedOn());
            if (base == null) {
                errors.add("basedOn", "no price set " + draft.basedOn());
            }
        }
        validate(draft, errors);
        errors.throwIfAny();
        PriceSet set = new PriceSet();
        set.id = UUID.randomUUID();
        set.name = draft.name();
        Integer latest = PriceSet.find("select max(version) from PriceSet where name = ?1", draft.name())
                .project(Integer.class).firstResult();
        set.version = latest == null ? 1 : latest + 1;
        set.description = draft.description();
        set.basedOn = draft.basedOn();
        set.createdBy = user;
        set.createdAt = OffsetDateTime.now();
        List<PriceEntry> prices = new ArrayList<>();
        List<PriceEntry> parameters = new ArrayList<>();
        if (base != null) {
            for (PriceSetEntry e : base.entries) {
                (e.kind == Kind.PRICE ? prices : parameters).add(toEntry(e));
            }
        }
        overlay(prices, draft.prices());
        overlay(parameters, draft.parameters());
        addEntries(set, prices, parameters);
        set.persistAndFlush();
        return set;
    }

    /** Replaces the entries of a set that no account uses yet; a used or built-in set is a 409. */
    @Transactional
    public Optional<PriceSet> replace(UUID id, Draft draft) {
        Optional<PriceSet> found = PriceSet.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return found;
        }
        PriceSet set = found.get();
        if (set.builtin) {
            throw new ConflictException("price-set-immutable", "the built-in price set cannot change; create your own");
        }
        if (inUse(id)) {
            throw new ConflictException("price-set-in-use",
                    "price set " + id + " values existing accounts and cannot change; create a new version instead");
        }
        Errors errors = new Errors();
        validate(draft, errors);
        errors.throwIfAny();
        if (draft.description() != null) {
            set.description = draft.description();
        }
        set.entries.clear();
        PriceSet.flush();
        addEntries(set, draft.prices(), draft.parameters());
        return Optional.of(set);
    }

    /**
     * The price book for an account, taking a shared lock on the set so that it cannot be replaced while
     * the account that uses it is being written.
     */
    public Optional<LockedSet> lockForAccount(UUID id) {
        Optional<PriceSet> set = PriceSet.findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
        return set.map(s -> new LockedSet(s.id, s.name, s.version, new PriceBook(s.id.toString(),
                s.entries.stream().filter(e -> e.kind == Kind.PRICE).map(PriceSetService::toEntry).toList(),
                s.entries.stream().filter(e -> e.kind == Kind.PARAMETER).map(PriceSetService::toEntry).toList())));
    }

    /** A price set read under a shared lock: it cannot change until the transaction ends. */
    public record LockedSet(UUID id, String name, int version, PriceBook book) {}

    /** Checks entries against the keys the catalogue knows; {@code parameters} null accepts both kinds (overrides). */
    public void validateEntries(String field, List<PriceEntry> entries, Boolean parameters, Errors errors) {
        IndicatorCatalogue catalogue = catalogues.catalogue(catalogues.defaultMethodVersion()).orElseThrow();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            PriceEntry e = entries.get(i);
            String at = field + "[" + i + "]";
            if (e.key() == null) {
                errors.add(at + ".key", "a key is required");
                continue;
            }
            if (!seen.add(e.key())) {
                errors.add(at + ".key", "duplicate key " + e.key());
            }
            boolean isParameter = PriceKeys.isParameter(e.key());
            var expected = PriceKeys.expectedUnit(e.key(), catalogue);
            if (expected.isEmpty() || (parameters != null && isParameter != parameters)) {
                errors.add(at + ".key", "unknown " + (Boolean.TRUE.equals(parameters) ? "parameter" : "price") + " key " + e.key());
                continue;
            }
            if (e.value() == null || e.value().signum() < 0) {
                errors.add(at + ".value", "a value of zero or more is required");
            } else {
                Quantities.convert(new Amount(e.value(), e.unit()), expected.get(), at + ".unit", errors);
            }
            if (!isParameter && (e.priceYear() == null || e.priceYear() < GepEngine.FIRST_YEAR
                    || e.priceYear() > Year.now().getValue())) {
                errors.add(at + ".priceYear", "a price year between " + GepEngine.FIRST_YEAR + " and this year is required");
            }
            if (e.source() == null || e.source().isBlank() || e.source().length() > 500) {
                errors.add(at + ".source", "say where the value comes from (1 to 500 characters)");
            }
        }
    }

    private void validate(Draft draft, Errors errors) {
        validateEntries("prices", draft.prices() == null ? List.of() : draft.prices(), false, errors);
        validateEntries("parameters", draft.parameters() == null ? List.of() : draft.parameters(), true, errors);
    }

    private static void overlay(List<PriceEntry> base, List<PriceEntry> changes) {
        if (changes == null) {
            return;
        }
        for (PriceEntry change : changes) {
            base.removeIf(e -> e.key().equals(change.key()));
            base.add(change);
        }
    }

    private static void addEntries(PriceSet set, List<PriceEntry> prices, List<PriceEntry> parameters) {
        Map.of(Kind.PRICE, prices == null ? List.<PriceEntry>of() : prices,
                Kind.PARAMETER, parameters == null ? List.<PriceEntry>of() : parameters).forEach((kind, list) -> {
            for (PriceEntry p : list) {
                PriceSetEntry e = new PriceSetEntry();
                e.priceSet = set;
                e.kind = kind;
                e.key = p.key();
                e.value = p.value();
                e.unit = p.unit();
                e.priceYear = p.priceYear();
                e.source = p.source();
                set.entries.add(e);
            }
        });
    }

    public static PriceEntry toEntry(PriceSetEntry e) {
        return new PriceEntry(e.key, e.value.stripTrailingZeros(), e.unit, e.priceYear, e.source);
    }
}
