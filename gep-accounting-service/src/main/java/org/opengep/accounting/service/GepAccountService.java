package org.opengep.accounting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.domain.GepAccount;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.rest.AccountRequest;
import org.opengep.accounting.service.PriceSetService.LockedSet;
import org.opengep.common.input.RegionCodes;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;

/** Computes accounts with the engine and stores them, immutable, with their inputs and provenance. */
@ApplicationScoped
public class GepAccountService {

    /** Canonical JSON (sorted keys) so that equal inputs always hash the same. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndAddModules()
            .build();

    @Inject
    CatalogueService catalogues;

    @Inject
    PriceSetService priceSets;

    @Inject
    AccountStore store;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    public AccountDocument create(AccountRequest request, String user) {
        ComputedAccount account = compute(request, user, lookups());
        store.insert(List.of(account));
        return account.document();
    }

    /** An account in a list: who computed it when, its totals, and whether it is the official figure. */
    @Schema(name = "AccountSummary")
    public record Summary(UUID id, String regionCode, int year, String methodVersion, UUID priceSetId, BigDecimal gep,
            BigDecimal provisioning, BigDecimal regulating, BigDecimal cultural, boolean official,
            String createdBy, OffsetDateTime createdAt) {}

    /** Accounts by region, year and the job that computed them, newest first. */
    public List<Summary> search(String regionCode, Integer year, UUID jobId, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select a.id, a.region_code, a.year, a.method_version, a.price_set_id, a.gep, "
                + "a.provisioning, a.regulating, a.cultural, exists (select 1 from gep_publication p where p.account_id = a.id "
                + "and p.official), a.created_by, a.created_at from gep_account a where true");
        List<Object> params = new ArrayList<>();
        if (regionCode != null) {
            sql.append(" and a.region_code = ?");
            params.add(regionCode);
        }
        if (year != null) {
            sql.append(" and a.year = ?");
            params.add(year);
        }
        if (jobId != null) {
            sql.append(" and a.id in (select account_id from gep_account_job_item where job_id = ?)");
            params.add(jobId);
        }
        sql.append(" order by a.created_at desc, a.id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        List<Summary> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getObject(5, UUID.class), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            rs.getBigDecimal(9), rs.getBoolean(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** The stored document of an account, as JSON, exactly as it was when created. */
    public Optional<String> document(UUID id) {
        return GepAccount.find("select document from GepAccount where id = ?1", id)
                .project(String.class).firstResultOptional();
    }

    /**
     * Regions and price sets an account needs, read once per transaction: a job's chunk of hundreds of
     * accounts asks the database once for its regions and once per price set (locked while the chunk is written).
     */
    public Lookups lookups() {
        return new Lookups(priceSets);
    }

    /** Lookups with these regions and the default price set read now, for computing without a transaction later. */
    @Transactional
    public Lookups lookupsFor(Collection<String> regionCodes) {
        Lookups lookups = lookups();
        lookups.preloadRegions(regionCodes);
        lookups.priceSet(PriceSetService.DEFAULT_ID);
        return lookups;
    }

    public static final class Lookups {

        private final PriceSetService priceSets;
        private final Map<String, Optional<Region>> regions = new HashMap<>();
        private final Map<UUID, Optional<LockedSet>> sets = new HashMap<>();

        Lookups(PriceSetService priceSets) {
            this.priceSets = priceSets;
        }

        public void preloadRegions(Collection<String> codes) {
            List<Region> found = Region.list("code in ?1", codes);
            codes.forEach(c -> regions.put(c, Optional.empty()));
            found.forEach(r -> regions.put(r.code, Optional.of(r)));
        }

        Optional<Region> region(String code) {
            return regions.computeIfAbsent(code, c -> Region.findByIdOptional(c));
        }

        Optional<LockedSet> priceSet(UUID id) {
            return sets.computeIfAbsent(id, priceSets::lockForAccount);
        }
    }

    /** Checks and computes one account without storing it; every problem is reported in one InvalidInputException. */
    public ComputedAccount compute(AccountRequest request, String user, Lookups lookups) {
        Errors errors = new Errors();
        Optional<Region> region = region(request, lookups, errors);
        Resolved resolved = resolve(request, lookups, errors);
        errors.throwIfAny();
        Region r = region.orElseThrow();
        LockedSet set = resolved.priceSet();
        GepResult result = resolved.engine().compute(request.inputs(r), set.book().withOverrides(resolved.overrides()), Year.now().getValue());
        byte[] inputsJson = write(CANONICAL, request);
        AccountDocument document = new AccountDocument(UUID.randomUUID(), r.code, r.name, request.year(),
                new AccountDocument.Provenance(resolved.method(), set.id(), set.name(), set.version(), resolved.overrides(),
                        sha256(inputsJson), user, OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS)),
                result);
        return new ComputedAccount(document, write(json, document), inputsJson);
    }

    /** At most this many of a job's problems are named in its 400; the rest are counted. */
    static final int MAX_NAMED_PROBLEMS = 100;

    /**
     * Checks a job's requests before the job is accepted with the single-account operation's rules that do not depend
     * on the region tree: a region code and a year given and well formed, a known method version and price set, valid
     * overrides, and the engine's checks that need no computation (the extent, indicators given and known, GDP,
     * population, deductions). Every problem is in one 400 naming the element ({@code [3].regionCode}). A code not in the
     * tree, or not valid in the year, and what only a model run finds (an indicator's own inputs), fail that item alone.
     */
    @Transactional
    public void checkAll(List<AccountRequest> requests) {
        Lookups lookups = lookups();
        List<InputError> problems = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < requests.size(); i++) {
            AccountRequest request = requests.get(i);
            Errors errors = new Errors();
            if (request.regionCode() != null && !RegionCodes.isWellFormed(request.regionCode())) {
                errors.add("regionCode", RegionCodes.RULE);
            }
            Resolved resolved = resolve(request, lookups, errors);
            if (resolved.engine() != null && request.year() != null) {
                resolved.engine().check(request.inputs(request.regionCode(), null), Year.now().getValue(), errors);
            }
            List<InputError> found = errors.list();
            count += found.size();
            for (InputError e : found) {
                if (problems.size() < MAX_NAMED_PROBLEMS) {
                    problems.add(new InputError("[" + i + "]." + e.field(), e.message()));
                }
            }
        }
        if (count > problems.size()) {
            problems.add(new InputError("body", (count - problems.size()) + " more problems not named here"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The region a request names, valid in its year (empty, with the problem added, where there is none). */
    private Optional<Region> region(AccountRequest request, Lookups lookups, Errors errors) {
        if (request.regionCode() == null || request.regionCode().isBlank()) {
            return Optional.empty(); // named by resolve
        }
        Optional<Region> region = lookups.region(request.regionCode());
        if (region.isEmpty()) {
            errors.add("regionCode", "no region " + request.regionCode() + " (see GET /api/v1/regions)");
        } else if (request.year() != null && !region.get().validIn(request.year())) {
            Region r = region.get();
            errors.add("regionCode", r.code + " " + r.name + " stands for its region " + (r.validFrom == null ? "" : "from " + r.validFrom + " ")
                    + (r.validUntil == null ? "" : "until " + r.validUntil) + ", not in " + request.year()
                    + " (its code changes: GET /api/v1/regions/" + r.code + ")");
        }
        return region;
    }

    /** What a request names besides its region, once found: the method version and its engine, the price set, the overrides (null where unknown). */
    private record Resolved(String method, GepEngine engine, LockedSet priceSet, List<PriceEntry> overrides) {}

    /** Finds what a request names besides its region, adding a problem for each that is missing or unknown. */
    private Resolved resolve(AccountRequest request, Lookups lookups, Errors errors) {
        if (request.regionCode() == null || request.regionCode().isBlank()) {
            errors.add("regionCode", "a region code is required");
        }
        if (request.year() == null) {
            errors.add("year", "the accounting year is required");
        }
        String method = catalogues.resolve(request.methodVersion());
        Optional<GepEngine> engine = catalogues.engine(method);
        if (engine.isEmpty()) {
            errors.add("methodVersion", "unknown method version; known: " + catalogues.methodVersions());
        }
        UUID priceSetId = request.priceSetId() == null ? PriceSetService.DEFAULT_ID : request.priceSetId();
        Optional<LockedSet> set = lookups.priceSet(priceSetId);
        if (set.isEmpty()) {
            errors.add("priceSetId", "no price set " + priceSetId);
        }
        List<PriceEntry> overrides = request.priceOverrides() == null ? List.of() : request.priceOverrides();
        priceSets.validateEntries("priceOverrides", overrides, null, errors);
        return new Resolved(method, engine.orElse(null), set.orElse(null), overrides);
    }

    private static byte[] write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    /** The hex SHA-256 of an account's canonical inputs (of their UTF-8 bytes). */
    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] utf8) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
