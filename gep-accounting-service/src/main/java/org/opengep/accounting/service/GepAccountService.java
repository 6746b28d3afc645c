package org.opengep.accounting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengep.accounting.domain.GepAccount;
import org.opengep.accounting.domain.PriceSet;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.account.AccountInputs;
import org.opengep.accounting.engine.account.Errors;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.account.GepResult.CategoryTotal;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.accounting.engine.price.PriceBook;
import org.opengep.accounting.engine.price.PriceEntry;

/** Computes accounts with the engine and stores them, immutable, with their inputs and provenance. */
@ApplicationScoped
public class GepAccountService {

    @Inject
    CatalogueService catalogues;

    @Inject
    PriceSetService priceSets;

    @Inject
    ObjectMapper json;

    /** Canonical JSON (sorted keys) so that equal inputs always hash the same. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndAddModules()
            .build();

    @Transactional
    public AccountDocument create(AccountRequest request, String user) {
        Errors errors = new Errors();
        Region region = null;
        if (request.regionCode() == null || request.regionCode().isBlank()) {
            errors.add("regionCode", "a region code is required");
        } else {
            region = Region.findById(request.regionCode());
            if (region == null) {
                errors.add("regionCode", "no region " + request.regionCode() + " (see GET /api/v1/regions)");
            }
        }
        if (request.year() == null) {
            errors.add("year", "the accounting year is required");
        }
        String method = request.methodVersion() == null ? catalogues.defaultMethodVersion() : request.methodVersion();
        Optional<GepEngine> engine = catalogues.engine(method);
        if (engine.isEmpty()) {
            errors.add("methodVersion", "unknown method version; known: " + catalogues.methodVersions());
        }
        UUID priceSetId = request.priceSetId() == null ? PriceSetService.DEFAULT_ID : request.priceSetId();
        Optional<PriceBook> prices = priceSets.lockForAccount(priceSetId);
        if (prices.isEmpty()) {
            errors.add("priceSetId", "no price set " + priceSetId);
        }
        List<PriceEntry> overrides = request.priceOverrides() == null ? List.of() : request.priceOverrides();
        priceSets.validateEntries("priceOverrides", overrides, null, errors);
        errors.throwIfAny();

        AccountInputs inputs = new AccountInputs(region.code, request.year(), region.areaKm2, request.extent(), request.gdp(),
                request.population(), request.provisioningBasis(), request.indicators(), request.outsideOrigin());
        GepResult result = engine.get().compute(inputs, prices.get().withOverrides(overrides), Year.now().getValue());

        PriceSet set = PriceSet.findById(priceSetId);
        GepAccount account = new GepAccount();
        account.id = UUID.randomUUID();
        account.regionCode = region.code;
        account.year = request.year();
        account.methodVersion = method;
        account.priceSetId = priceSetId;
        account.inputs = write(CANONICAL, request);
        account.inputsHash = sha256(account.inputs);
        account.provisioning = total(result, Category.PROVISIONING);
        account.regulating = total(result, Category.REGULATING);
        account.cultural = total(result, Category.CULTURAL);
        account.gep = result.gep();
        account.createdBy = user;
        account.createdAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        AccountDocument document = new AccountDocument(account.id, region.code, region.name, account.year,
                new AccountDocument.Provenance(method, priceSetId, set.name, set.version, overrides, account.inputsHash, user,
                        account.createdAt),
                result);
        account.document = write(json, document);
        account.persist();
        return document;
    }

    /** The stored document of an account, as JSON, exactly as it was when created. */
    public Optional<String> document(UUID id) {
        return GepAccount.find("select document from GepAccount where id = ?1", id).project(String.class).firstResultOptional();
    }

    private static java.math.BigDecimal total(GepResult result, Category category) {
        return result.categories().stream().filter(c -> c.category() == category).map(CategoryTotal::value).findFirst()
                .orElse(java.math.BigDecimal.ZERO);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
