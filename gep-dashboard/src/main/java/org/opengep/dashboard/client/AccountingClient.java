package org.opengep.dashboard.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opengep.dashboard.client.accounting.api.AccountJobsApi;
import org.opengep.dashboard.client.accounting.api.EcologicalCompensationApi;
import org.opengep.dashboard.client.accounting.api.GepAccountsApi;
import org.opengep.dashboard.client.accounting.api.OfficialGepApi;
import org.opengep.dashboard.client.accounting.api.RegionsApi;
import org.opengep.dashboard.client.accounting.model.AccountDocument;
import org.opengep.dashboard.client.accounting.model.AllocationDocument;
import org.opengep.dashboard.client.accounting.model.ChildFigure;
import org.opengep.dashboard.client.accounting.model.Income;
import org.opengep.dashboard.client.accounting.model.Job;
import org.opengep.dashboard.client.accounting.model.GepPublication;
import org.opengep.dashboard.client.accounting.model.Rate;
import org.opengep.dashboard.client.accounting.model.Region;
import org.opengep.dashboard.client.accounting.model.RegionSummary;
import org.opengep.dashboard.client.accounting.model.Scheme;
import org.opengep.dashboard.client.accounting.model.Series;
import org.opengep.dashboard.client.accounting.model.AllocationSummary;
import org.opengep.dashboard.client.accounting.model.AccountSummary;

/**
 * gep-accounting-service through the clients generated from {@code openapi/gep-accounting-service.yaml}, with the
 * signed-in user's token ({@link UserTokenFilter}), a timeout, retries (a job's upload carries an Idempotency-Key, so a
 * retry never starts it twice) and a circuit breaker that a refusal never opens.
 */
@ApplicationScoped
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, abortOn = ServiceRefusal.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, skipOn = ServiceRefusal.class)
public class AccountingClient {

    static final String SERVICE = "gep-accounting-service";

    /** An official figure: the published account and its publication (who, when, why). */
    public record OfficialFigure(AccountDocument account, GepPublication publication) {}

    @RestClient
    RegionsApi regions;

    @RestClient
    OfficialGepApi official;

    @RestClient
    GepAccountsApi accounts;

    @RestClient
    AccountJobsApi jobs;

    @RestClient
    EcologicalCompensationApi compensation;

    @RestClient
    AccountingFiles files;

    @Inject
    ObjectMapper json;

    public Optional<Region> region(String code) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> regions.getRegion(code));
    }

    public List<RegionSummary> regionsNamed(String name, int limit) {
        return ServiceAnswers.answer(SERVICE, () -> regions.listRegions(null, limit, name, 0, null));
    }

    public Optional<OfficialFigure> officialFigure(String code, int year) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> official.getOfficialGep(code, year, null, null, null, null)).map(body -> {
            Map<?, ?> document = json.convertValue(body, Map.class);
            return new OfficialFigure(json.convertValue(document, AccountDocument.class),
                    json.convertValue(document.get("publication"), GepPublication.class));
        });
    }

    /** The region's publications, every year, newest first as the service lists them. */
    public List<GepPublication> publications(String code) {
        Object body = ServiceAnswers.foundOrEmpty(SERVICE, () -> official.listGepPublications(code, null)).orElse(List.of());
        return json.convertValue(body, new TypeReference<List<GepPublication>>() {});
    }

    public List<ChildFigure> childrenRanking(String code, int year) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> official.rankChildrenByGep(code, year, null, null)).orElse(List.of());
    }

    public Optional<Series> series(String code, int from, int to, int priceYear) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> official.getGepSeries(code, from, priceYear, to, null, null, null));
    }

    public Optional<Rate> realisation(String code, int year) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> official.getValueRealisation(code, year, null));
    }

    public List<AccountSummary> accounts(String regionCode) {
        return ServiceAnswers.answer(SERVICE, () -> accounts.searchAccounts(null, 100, 0, regionCode, null));
    }

    public Optional<AccountDocument> account(UUID id) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> accounts.getAccount(id, null));
    }

    public List<Job> myJobs() {
        return ServiceAnswers.answer(SERVICE, () -> jobs.listMyAccountJobs());
    }

    public Optional<Job> job(UUID id) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> jobs.getAccountJob(id));
    }

    /** Starts a job from a CSV in the service's long format; the answer is the job (202) with its id. */
    public Job startJob(String csv, boolean publish, String reason, String idempotencyKey) {
        return ServiceAnswers.answer(SERVICE, () -> {
            try (Response response = files.startJob(csv, publish, reason, idempotencyKey)) {
                ServiceAnswers.failUnlessAnswered(SERVICE, response);
                return json.convertValue(response.readEntity(Map.class), Job.class);
            }
        });
    }

    public List<Scheme> schemes() {
        return ServiceAnswers.answer(SERVICE, () -> compensation.listCompensationSchemes(null));
    }

    public List<AllocationSummary> allocations(String regionCode) {
        return ServiceAnswers.answer(SERVICE, () -> compensation.searchCompensationAllocations(200, 0, regionCode, null, null));
    }

    public Optional<AllocationDocument> allocation(UUID id) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> compensation.getCompensationAllocation(id, null));
    }

    /** The region's income from published compensation allocations (its newest year), if it has any. */
    public Optional<Income> compensationIncome(String regionCode) {
        return ServiceAnswers.foundOrEmpty(SERVICE, () -> compensation.getCompensationIncome(regionCode));
    }

    /** One of the service's own exports (CSV or XLSX) as it answered; the caller streams it to the browser. */
    public ServiceFile download(Supplier<Response> export) {
        return ServiceAnswers.answer(SERVICE, () -> {
            try (Response response = export.get()) {
                ServiceAnswers.failUnlessAnswered(SERVICE, response);
                return ServiceFile.of(response);
            }
        });
    }

    public AccountingFiles files() {
        return files;
    }
}
