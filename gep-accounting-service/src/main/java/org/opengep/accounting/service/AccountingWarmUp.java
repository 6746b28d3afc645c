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
import java.math.BigDecimal;
import java.net.URI;
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
 * stored. It then runs {@code gep.warm-up.rolled-back-jobs} national jobs (every county, under the bundled requests'
 * inputs, varied) through the job path, storing, publishing and summing the tree over their figures, each undone by
 * {@link RolledBackJob}; and it sums the tree up as a national run's end does, through the service's own HTTP endpoints
 * ({@link LoopbackWarmUp}; queries only). Readiness waits for it.
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

    @ConfigProperty(name = "gep.warm-up.rolled-back-jobs")
    int rolledBackJobs;

    @Inject
    RolledBackJob rolledBack;

    @Inject
    LoopbackWarmUp loopback;

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
        if (accounts <= 0 && rolledBackJobs <= 0) {
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
            Round round = warm(accounts, rolledBackJobs, loopback.base());
            LOG.infof("Accounting path warmed up: %d accounts computed (%d MB of documents), %d stored and rolled back, "
                    + "%d sums up the tree (%d of them called over loopback) in %d ms", round.accounts(), round.documentBytes() >> 20,
                    round.stored(), round.sums(), round.loopbackSums(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the accounting warm-up failed; the service is ready without it", e);
        } finally {
            done = true;
        }
    }

    /**
     * What a warm-up went through: accounts computed, bytes of their documents, accounts stored by the rolled-back jobs and
     * the nation's sum of the last one's figures, sums up the tree (in all, and of those the ones called over loopback).
     */
    record Round(int accounts, long documentBytes, int stored, BigDecimal storedNationGep, int sums, int loopbackSums) {}

    /**
     * Reads and computes {@code accounts} accounts as a national job does, runs {@code jobs} national jobs that are rolled
     * back, then sums the tree up by calling the service at {@code self} (in process where that fails); leaves nothing stored.
     */
    Round warm(int accounts, int jobs, URI self) throws IOException {
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
        List<String> parents = parents();
        String method = catalogues.resolve(null);
        int year = bundled.get(0).path("year").asInt();
        List<byte[]> requests = jobs > 0 ? RolledBackJob.requestsFor(json, bundled, countiesIn(year)) : List.of();
        int stored = 0;
        int sums = 0;
        BigDecimal nation = null;
        for (int job = 0; job < jobs; job++) {
            // read afresh for each job: a job empties its reading as it claims chunks
            RolledBackJob.Outcome outcome = rolledBack.run(requests, JobUpload.parse(json, requests), year, method, parents);
            stored += outcome.stored();
            sums += outcome.sums();
            nation = outcome.nationGep();
        }
        int sumYear = Year.now().getValue() - 1;
        int loopbackSums = 0;
        try {
            loopbackSums = loopback.sums(self, parents, sumYear, method, SUM_ROUNDS);
        } catch (IOException e) {
            LOG.warnf("the warm-up could not call the service's own endpoints (%s); it sums the tree in process", e.getMessage());
            sums += sumUpTheTree(parents, sumYear, method);
        }
        return new Round(computed, bytes, stored, nation, sums + loopbackSums, loopbackSums);
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
    private int sumUpTheTree(List<String> parents, int year, String method) throws IOException {
        for (int round = 0; round < SUM_ROUNDS; round++) {
            for (String parent : parents) {
                json.writeValueAsBytes(figures.sumOfChildren(parent, year, method).orElseThrow());
            }
        }
        return SUM_ROUNDS * parents.size();
    }

    /** The county-level units whose codes stand for them in the year: what a national job accounts. */
    private static List<String> countiesIn(int year) {
        return QuarkusTransaction.requiringNew().call(() -> Region.<Region>list("level = ?1 and custom = false", RegionLevel.COUNTY))
                .stream().filter(r -> r.validIn(year)).map(r -> r.code).toList();
    }

    /** Every prefecture, province and the nation: what a national run's end sums. */
    private static List<String> parents() {
        return QuarkusTransaction.requiringNew().call(() -> Region.<Region>list("level in ?1",
                List.of(RegionLevel.PREFECTURE, RegionLevel.PROVINCE, RegionLevel.NATION))).stream().map(r -> r.code).toList();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accounting warm-up").status(done).build();
    }
}
