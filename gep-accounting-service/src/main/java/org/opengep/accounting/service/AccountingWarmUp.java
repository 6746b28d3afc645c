package org.opengep.accounting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.domain.RegionLevel;
import org.opengep.accounting.rest.AccountRequest;
import org.opengep.accounting.rest.JobUpload;

/**
 * Compiles the accounting path before the service reports ready. On two cores the JIT needs about three national runs
 * (9 000 accounts) before an account's parse, computation and serialisation run at their steady speed, and meanwhile
 * it competes with the work for the CPU: the first national job after a start took twice as long as the third. So at
 * start a background thread computes {@code gep.warm-up.accounts} accounts from a few bundled county requests, read as
 * national uploads are (split and parsed on all cores), then engine, document and canonical inputs, hash; nothing is
 * stored. It then sums the region tree up as a national run's end does (queries only), and readiness waits for it.
 * Storing is not warmed: running whole jobs and rolling them back took a minute at start, left hundreds of megabytes
 * of dead rows for autovacuum, and the first run was no faster.
 */
@ApplicationScoped
@Readiness
public class AccountingWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(AccountingWarmUp.class);
    private static final String REQUESTS = "warm-up/accounts.json";
    private static final int SUM_ROUNDS = 3;
    /** Requests read per warm-up upload, a national job's size. */
    private static final int UPLOAD = 3_000;

    @ConfigProperty(name = "gep.warm-up.accounts")
    int accounts;

    @Inject
    GepAccountService service;

    @Inject
    ObjectMapper json;

    @Inject
    RegionFigures figures;

    @Inject
    CatalogueService catalogues;

    private volatile boolean done;

    /**
     * Starts after the other start-up observers (a later priority): the warm-up computes with the built-in price set and
     * the region table, which they load into a new database.
     */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (accounts <= 0) {
            done = true;
            return;
        }
        Thread thread = new Thread(this::run, "gep-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            Round round = warm(accounts);
            LOG.infof("Accounting path warmed up: %d accounts (%d MB of documents) and %d sums up the tree in %d ms",
                    round.accounts(), round.documentBytes() >> 20, round.sums(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the accounting warm-up failed; the service is ready without it", e);
        } finally {
            done = true;
        }
    }

    /** What a warm-up went through: accounts computed, bytes of their documents, sums up the tree. */
    record Round(int accounts, long documentBytes, int sums) {}

    /** Reads and computes {@code accounts} accounts as a national job does, then sums the tree up; stores nothing. */
    Round warm(int accounts) throws IOException {
        List<JsonNode> bundled = new ArrayList<>();
        List<String> regionCodes = new ArrayList<>();
        try (InputStream in = AccountingWarmUp.class.getClassLoader().getResourceAsStream(REQUESTS)) {
            for (JsonNode request : json.readTree(in)) {
                bundled.add(request);
                regionCodes.add(request.path("regionCode").asText());
            }
        }
        GepAccountService.Lookups lookups = service.lookupsFor(regionCodes);
        int computed = 0;
        long bytes = 0;
        for (int read = 0; read < accounts; read += UPLOAD) {
            for (AccountRequest request : upload(bundled, Math.min(UPLOAD, accounts - read))) {
                bytes += service.compute(request, "warm-up", lookups).documentJson().length;
                computed++;
            }
        }
        return new Round(computed, bytes, sumUpTheTree());
    }

    /** The bundled requests repeated into an upload of {@code size}, read as a job's upload is (split, then parsed on all cores). */
    private List<AccountRequest> upload(List<JsonNode> bundled, int size) throws IOException {
        List<JsonNode> requests = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            requests.add(bundled.get(i % bundled.size()));
        }
        return JobUpload.parse(json, JobUpload.elements(json, json.writeValueAsBytes(requests)));
    }

    /**
     * Sums every prefecture, province and the nation from their children, as a national run's end does, and serialises
     * them: queries only, whatever the year's figures are.
     */
    private int sumUpTheTree() throws IOException {
        List<Region> parents = QuarkusTransaction.requiringNew().call(() -> Region.<Region>list("level in ?1",
                List.of(RegionLevel.PREFECTURE, RegionLevel.PROVINCE, RegionLevel.NATION)));
        int year = Year.now().getValue() - 1;
        String method = catalogues.resolve(null);
        for (int round = 0; round < SUM_ROUNDS; round++) {
            for (Region parent : parents) {
                json.writeValueAsBytes(figures.sumOfChildren(parent.code, year, method).orElseThrow());
            }
        }
        return SUM_ROUNDS * parents.size();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accounting warm-up").status(done).build();
    }
}
