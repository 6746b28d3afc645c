package org.opengep.accounting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengep.accounting.engine.account.AccountComparison;
import org.opengep.accounting.engine.account.AccountComparison.Difference;
import org.opengep.accounting.engine.account.AccountComparison.LineCheck;
import org.opengep.accounting.engine.account.AccountComparison.StoredColumns;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.account.ValueRow;
import org.opengep.accounting.engine.catalogue.Category;
import org.opengep.accounting.engine.price.PriceEntry;
import org.opengep.accounting.rest.AccountRequest;
import org.opengep.accounting.service.PriceSetService.LockedSet;
import org.opengep.common.problem.InvalidInputException;

/**
 * Re-verifies a stored account: hashes its stored inputs again, computes it again from them with its method version
 * and price set, and compares the result with the stored document and the stored figures.
 */
@ApplicationScoped
public class AccountVerifier {

    /** The answer: whether everything matches, the hash on both sides, each value line, and each difference. */
    public record Verification(UUID accountId, boolean matches, InputsHash inputsHash, String methodVersion, UUID priceSetId,
            Integer priceSetVersion, BigDecimal regionAreaKm2, List<LineCheck> lines,
            List<Difference> differences, List<String> notes, OffsetDateTime verifiedAt) {}

    /** The SHA-256 of the stored inputs as stored (column and document) and as computed again now. */
    public record InputsHash(String stored, String inDocument, String recomputed, boolean matches) {}

    /** @param strayRows value rows whose category is none the method knows (written behind the service's back) */
    private record StoredAccount(String inputs, String inputsHash, String methodVersion, UUID priceSetId, String document,
            BigDecimal areaKm2, StoredColumns columns, List<Difference> strayRows) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogueService catalogues;

    @Inject
    PriceSetService priceSets;

    @Inject
    ObjectMapper json;

    /** @return empty when there is no such account */
    @Transactional
    public Optional<Verification> verify(UUID id) {
        return load(id).map(stored -> verify(id, stored));
    }

    private Verification verify(UUID id, StoredAccount stored) {
        List<Difference> differences = new ArrayList<>(stored.strayRows());
        List<String> notes = new ArrayList<>();
        String recomputedHash = GepAccountService.sha256(stored.inputs());
        AccountDocument document;
        try {
            document = AccountDocument.read(json, stored.document());
        } catch (UncheckedIOException e) {
            differences.add(new Difference("document", "the stored document", "no longer readable: " + e.getCause().getMessage()));
            return new Verification(id, false, new InputsHash(stored.inputsHash(), null, recomputedHash,
                    recomputedHash.equals(stored.inputsHash())), stored.methodVersion(), stored.priceSetId(), null, stored.areaKm2(),
                    List.of(), differences, notes, OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS));
        }
        String documentHash = document.provenance().inputsHash();
        boolean hashMatches = recomputedHash.equals(stored.inputsHash()) && recomputedHash.equals(documentHash);
        if (!hashMatches) {
            differences.add(new Difference("inputsHash", stored.inputsHash() + " (document: " + documentHash + ")", recomputedHash));
        }
        provenance(differences, "methodVersion", stored.methodVersion(), document.provenance().methodVersion());
        provenance(differences, "priceSetId", stored.priceSetId().toString(), document.provenance().priceSetId().toString());
        provenance(differences, "regionCode", document.result().regionCode(), document.regionCode());
        Optional<LockedSet> set = priceSets.lockForAccount(stored.priceSetId());
        Optional<GepEngine> engine = catalogues.engine(stored.methodVersion());
        List<LineCheck> lines = List.of();
        if (set.isEmpty() || engine.isEmpty()) {
            differences.add(new Difference(set.isEmpty() ? "priceSetId" : "methodVersion",
                    set.isEmpty() ? stored.priceSetId().toString() : stored.methodVersion(), "no longer known: cannot compute again"));
        } else {
            if (set.get().version() != document.provenance().priceSetVersion()) {
                differences.add(new Difference("priceSetVersion", String.valueOf(document.provenance().priceSetVersion()),
                        String.valueOf(set.get().version())));
            }
            Optional<GepResult> again = recompute(stored, document, engine.get(), set.get(), differences);
            if (again.isPresent()) {
                AccountComparison.Outcome outcome = AccountComparison.compare(document.result(), stored.columns(), again.get());
                lines = outcome.lines();
                differences.addAll(outcome.differences());
            }
        }
        notes.add("the region's land area is not part of the hashed inputs: the account is computed again with the area it "
                + "recorded (" + (stored.areaKm2() == null ? "none" : stored.areaKm2().toPlainString() + " km²") + ")");
        return new Verification(id, differences.isEmpty(), new InputsHash(stored.inputsHash(), documentHash, recomputedHash, hashMatches),
                stored.methodVersion(), stored.priceSetId(), set.map(LockedSet::version).orElse(null), stored.areaKm2(),
                lines, differences, notes, OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS));
    }

    private Optional<GepResult> recompute(StoredAccount stored, AccountDocument document, GepEngine engine, LockedSet set,
            List<Difference> differences) {
        AccountRequest request;
        try {
            request = json.readValue(stored.inputs(), AccountRequest.class);
        } catch (JsonProcessingException e) {
            differences.add(new Difference("inputs", "stored inputs", "no longer readable: " + e.getOriginalMessage()));
            return Optional.empty();
        }
        List<PriceEntry> overrides = request.priceOverrides() == null ? List.of() : request.priceOverrides();
        try {
            int lastYear = Math.max(Year.now().getValue(), document.year());
            return Optional.of(engine.compute(request.inputs(document.regionCode(), stored.areaKm2()),
                    set.book().withOverrides(overrides), lastYear));
        } catch (InvalidInputException e) {
            differences.add(new Difference("inputs", "stored inputs", "no longer compute: " + e.errors()));
            return Optional.empty();
        }
    }

    private static void provenance(List<Difference> differences, String where, String column, String inDocument) {
        if (!column.equals(inDocument)) {
            differences.add(new Difference(where, column, "document: " + inDocument));
        }
    }

    private Optional<StoredAccount> load(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            StoredAccount account = null;
            try (PreparedStatement s = c.prepareStatement("select inputs, inputs_hash, method_version, price_set_id, document, area_km2, "
                    + "gep, provisioning, regulating, cultural from gep_account where id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    account = new StoredAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                            rs.getString(5), rs.getBigDecimal(6), new StoredColumns(rs.getBigDecimal(7), rs.getBigDecimal(8),
                                    rs.getBigDecimal(9), rs.getBigDecimal(10), new LinkedHashMap<>()), new ArrayList<>());
                }
            }
            try (PreparedStatement s = c.prepareStatement("select indicator, category, ecosystem_type, price_family, value "
                    + "from gep_account_value where account_id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    Map<ValueRow, BigDecimal> values = account.columns().values();
                    while (rs.next()) {
                        String name = rs.getString(2);
                        Optional<Category> category = Arrays.stream(Category.values()).filter(k -> k.name().equals(name)).findFirst();
                        if (category.isEmpty()) {
                            account.strayRows().add(new Difference("value row " + rs.getString(1) + "/" + rs.getString(3) + "/" + rs.getString(4),
                                    "category " + name, "no such category"));
                            continue;
                        }
                        values.merge(new ValueRow(rs.getString(1), category.get(), rs.getString(3), rs.getString(4)), rs.getBigDecimal(5),
                                BigDecimal::add);
                    }
                }
            }
            return Optional.of(account);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
