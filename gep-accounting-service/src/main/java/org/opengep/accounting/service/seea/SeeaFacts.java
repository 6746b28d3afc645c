package org.opengep.accounting.service.seea;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.seea.SeeaMapping;
import org.opengep.accounting.service.AccountDocument;
import org.opengep.accounting.service.CatalogueService;
import org.opengep.accounting.service.GepAccountService;
import org.opengep.accounting.service.OfficialAccounts;
import org.opengep.accounting.service.OfficialAccounts.OfficialAccount;
import org.opengep.accounting.service.seea.OfficialPair.OfficialYear;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;

/** What the SEEA tables and the asset account are built from: two years' official accounts, and the mapping. */
@ApplicationScoped
public class SeeaFacts {

    @Inject
    OfficialAccounts accounts;

    @Inject
    GepAccountService accountDocuments;

    @Inject
    CatalogueService catalogues;

    @Inject
    ObjectMapper json;

    private final SeeaMapping mapping = load();

    private static SeeaMapping load() {
        try (InputStream in = SeeaFacts.class.getResourceAsStream("/seea/seea-ea-mapping.json")) {
            return new ObjectMapper().readValue(in, SeeaMapping.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SeeaMapping mapping() {
        return mapping;
    }

    /** The years and method checked: from and to required, from not after to; the method version resolved. */
    public String checkYears(Integer from, Integer to, String methodVersion, Errors errors) {
        int last = Year.now().getValue();
        if (!GepEngine.accountable(from, last)) {
            errors.add("from", "the opening year is required, between " + GepEngine.FIRST_YEAR + " and " + last);
        }
        if (!GepEngine.accountable(to, last)) {
            errors.add("to", "the closing year is required, between " + GepEngine.FIRST_YEAR + " and " + last);
        } else if (from != null && to < from) {
            errors.add("to", "must not be before 'from'");
        }
        String method = catalogues.resolve(methodVersion);
        if (catalogues.engine(method).isEmpty()) {
            errors.add("methodVersion", "unknown method version; known: " + catalogues.methodVersions());
        }
        return method;
    }

    /** Both years' official accounts; a year without one is a 409 naming it. */
    public OfficialPair pair(Region region, int from, int to, String method) {
        Optional<OfficialAccount> opening = accounts.find(region.code, from, method);
        Optional<OfficialAccount> closing = accounts.find(region.code, to, method);
        List<Integer> missing = new ArrayList<>();
        if (opening.isEmpty()) {
            missing.add(from);
        }
        if (closing.isEmpty() && to != from) {
            missing.add(to);
        }
        if (!missing.isEmpty()) {
            throw new ConflictException("no-official-account", region.code + " has no official GEP account (" + method + ") for "
                    + missing.stream().map(String::valueOf).toList() + "; the SEEA tables are built from official figures only");
        }
        OfficialYear open = year(opening.get());
        return new OfficialPair(open, to == from ? open : year(closing.get()));
    }

    private OfficialYear year(OfficialAccount account) {
        String document = accountDocuments.document(account.accountId()).orElseThrow();
        return new OfficialYear(account, AccountDocument.read(json, document).result(), accounts.values(account.accountId()));
    }

    /** The method version asked for, or the default; an unknown one stays as it is (and has no catalogue). */
    public String resolve(String methodVersion) {
        return catalogues.resolve(methodVersion);
    }

    /** The ecosystem types of the method's catalogue in its order, for the tables' columns. */
    public List<String> typeOrder(String method) {
        List<String> order = new ArrayList<>(catalogues.catalogue(method).map(c -> c.ecosystemTypes().stream().map(t -> t.code()).toList())
                .orElse(List.of()));
        order.add(GepEngine.UNALLOCATED);
        return order;
    }
}
