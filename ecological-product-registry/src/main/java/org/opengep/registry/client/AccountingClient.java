package org.opengep.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opengep.common.client.Answers;
import org.opengep.common.client.RefusedByServiceException;
import org.opengep.registry.client.accounting.api.EcologicalCompensationApi;
import org.opengep.registry.client.accounting.api.IndicatorsApi;
import org.opengep.registry.client.accounting.api.OfficialGepApi;
import org.opengep.registry.client.accounting.api.RegionsApi;
import org.opengep.registry.client.accounting.model.Catalogue;
import org.opengep.registry.client.accounting.model.Income;
import org.opengep.registry.client.accounting.model.Region;

/**
 * gep-accounting-service, through the client generated from its committed OpenAPI document
 * ({@code openapi/gep-accounting-service.yaml}), behind fault tolerance: each attempt times out, failed attempts are
 * retried twice, and after repeated failures the circuit opens so that callers fail fast while the service is down.
 * A 404 is an answer (the region or figure does not exist), not a failure. Durations can be tuned with MicroProfile
 * Fault Tolerance properties, e.g. {@code org.opengep.registry.client.AccountingClient/Timeout/value} (milliseconds).
 * Every call carries the registry's own token ({@code ServiceTokenFilter}).
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 200, abortOn = RefusedByServiceException.class)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = RefusedByServiceException.class)
public class AccountingClient {

    @RestClient
    RegionsApi regions;

    @RestClient
    IndicatorsApi indicators;

    @RestClient
    OfficialGepApi officialGep;

    @RestClient
    EcologicalCompensationApi compensation;

    @Inject
    ObjectMapper json;

    public Optional<Region> region(String code) {
        return Answers.foundOrEmpty(() -> regions.getRegion(code));
    }

    public Catalogue catalogue() {
        return Answers.answer(() -> indicators.getIndicatorCatalogue(null));
    }

    /**
     * The official figure, with every value line when {@code withLines} (a valuation reads them; the GEP alone does not
     * need them). Its document describes the figure as an object (the published account with its publication), so it is
     * read as a JSON tree.
     */
    public Optional<JsonNode> officialFigure(String regionCode, int year, boolean withLines) {
        return Answers.foundOrEmpty(() -> json.valueToTree(
                officialGep.getOfficialGep(regionCode, year, null, withLines ? "lines" : null, "json", null)));
    }

    /** Every publication of the region, newest first, superseded ones included (read as a JSON array). */
    public JsonNode publications(String regionCode) {
        return Answers.foundOrEmpty(() -> (JsonNode) json.valueToTree(officialGep.listGepPublications(regionCode, null)))
                .orElseGet(json::createArrayNode);
    }

    /** What the region receives in published compensation allocations of its latest year with any. */
    public Income compensationIncome(String regionCode) {
        return Answers.answer(() -> compensation.getCompensationIncome(regionCode));
    }
}
