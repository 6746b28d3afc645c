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
import org.opengep.accounting.domain.GepAccount;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.rest.AccountRequest;
import org.opengep.accounting.service.PriceSetService.LockedSet;
import org.opengep.common.problem.Errors;
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
        Optional<Region> region = Optional.empty();
        if (request.regionCode() == null || request.regionCode().isBlank()) {
            errors.add("regionCode", "a region code is required");
        } else {
            region = lookups.region(request.regionCode());
            if (region.isEmpty()) {
                errors.add("regionCode", "no region " + request.regionCode() + " (see GET /api/v1/regions)");
            }
        }
        if (request.year() == null) {
            errors.add("year", "the accounting year is required");
        } else if (region.isPresent() && !region.get().validIn(request.year())) {
            Region r = region.get();
            errors.add("regionCode", r.code + " " + r.name + " stands for its region " + (r.validFrom == null ? "" : "from " + r.validFrom + " ")
                    + (r.validUntil == null ? "" : "until " + r.validUntil) + ", not in " + request.year()
                    + " (its code changes: GET /api/v1/regions/" + r.code + ")");
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
        errors.throwIfAny();

        Region r = region.orElseThrow();
        GepResult result = engine.orElseThrow().compute(request.inputs(r), set.orElseThrow().book().withOverrides(overrides),
                Year.now().getValue());
        byte[] inputsJson = write(CANONICAL, request);
        AccountDocument document = new AccountDocument(UUID.randomUUID(), r.code, r.name, request.year(),
                new AccountDocument.Provenance(method, priceSetId, set.get().name(), set.get().version(), overrides,
                        sha256(inputsJson), user, OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS)),
                result);
        return new ComputedAccount(document, write(json, document), inputsJson);
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
