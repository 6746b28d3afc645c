package org.opengep.registry.service.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.RightType;
import org.opengep.registry.domain.CreditPolicy;
import org.opengep.registry.rules.CreditCapacity.Policy;

/** Lenders' credit policies, versioned per name: sending a policy under an existing name makes its next version. */
@ApplicationScoped
public class CreditPolicies {

    @Schema(name = "NewCreditPolicy", description = "A lender's GEP-backed credit policy")
    public record PolicyRequest(
            @Schema(required = true, maxLength = 200, examples = "丽水农商行生态贷") String name,
            @Schema(required = true, description = "Loan-to-value ratio per right type, from 0 to 1 (a type not named is not lent against)",
                    examples = "{\"FOREST_CARBON_SINK\": 0.7, \"WATER_RIGHT\": 0.5}") Map<RightType, BigDecimal> loanToValue,
            @Schema(required = true, description = "Multiple m of the yearly compensation income (0: not counted)", examples = "3")
                    BigDecimal compensationMultiple,
            @Schema(required = true, description = "Share α of the regions' official GEP that caps the limit, in (0, 1]", examples = "0.3")
                    BigDecimal gepCapShare,
            @Schema(description = "Largest limit per borrower, 元 (none: no maximum)", examples = "1000000") BigDecimal maxAmount,
            @Schema(required = true, description = "Longest term, years", examples = "5") Integer termYears,
            @Schema(required = true, maxLength = 500, examples = "丽水市GEP贷管理办法(试行)") String source) {}

    public record PolicyView(UUID id, String name, int version, Map<RightType, BigDecimal> loanToValue, BigDecimal compensationMultiple,
            BigDecimal gepCapShare, BigDecimal maxAmount, int termYears, String source, String createdBy, OffsetDateTime createdAt) {

        public Policy rule() {
            return new Policy(loanToValue, compensationMultiple, gepCapShare, maxAmount, termYears);
        }
    }

    @Inject
    ObjectMapper json;

    @Transactional
    public PolicyView create(PolicyRequest r, String user) {
        Errors errors = new Errors();
        if (r.name() == null || r.name().isBlank()) {
            errors.add("name", "required");
        }
        if (r.loanToValue() == null || r.loanToValue().isEmpty()) {
            errors.add("loanToValue", "at least one right type's loan-to-value ratio is required");
        } else {
            r.loanToValue().forEach((type, ltv) -> {
                if (type == null) {
                    errors.add("loanToValue", "a right type is required for each ratio");
                } else if (ltv == null || ltv.signum() < 0 || ltv.compareTo(BigDecimal.ONE) > 0) {
                    errors.add("loanToValue." + type, "a ratio from 0 to 1 is required");
                }
            });
        }
        // the columns keep 4 and 6 decimals: more would be rounded silently, so they are refused
        if (r.compensationMultiple() == null || r.compensationMultiple().signum() < 0 || r.compensationMultiple().compareTo(BigDecimal.TEN) > 0
                || r.compensationMultiple().stripTrailingZeros().scale() > 4) {
            errors.add("compensationMultiple", "a multiple from 0 to 10 with at most 4 decimals is required");
        }
        if (r.gepCapShare() == null || r.gepCapShare().signum() <= 0 || r.gepCapShare().compareTo(BigDecimal.ONE) > 0
                || r.gepCapShare().stripTrailingZeros().scale() > 6) {
            errors.add("gepCapShare", "a share greater than 0 and at most 1, with at most 6 decimals, is required");
        }
        if (r.maxAmount() != null && (r.maxAmount().signum() <= 0 || r.maxAmount().compareTo(new BigDecimal("1e15")) > 0
                || r.maxAmount().stripTrailingZeros().scale() > 2)) {
            errors.add("maxAmount", "a positive amount of 元 to the fen, at most 1e15");
        }
        if (r.termYears() == null || r.termYears() < 1 || r.termYears() > 30) {
            errors.add("termYears", "1 to 30 years");
        }
        if (r.source() == null || r.source().isBlank()) {
            errors.add("source", "say which policy document this is");
        }
        errors.throwIfAny();
        CreditPolicy.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('credit_policy:' || ?1))")
                .setParameter(1, r.name()).getSingleResult();
        Integer last = CreditPolicy.find("select max(version) from CreditPolicy where name = ?1", r.name()).project(Integer.class).firstResult();
        CreditPolicy p = new CreditPolicy();
        p.id = UUID.randomUUID();
        p.name = r.name();
        p.version = last == null ? 1 : last + 1;
        try {
            p.loanToValue = json.writeValueAsString(new EnumMap<>(r.loanToValue()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        p.compensationMultiple = r.compensationMultiple();
        p.gepCapShare = r.gepCapShare();
        p.maxAmount = r.maxAmount();
        p.termYears = r.termYears();
        p.source = r.source();
        p.createdBy = user;
        p.createdAt = OffsetDateTime.now();
        p.persist();
        return view(p);
    }

    public Optional<PolicyView> find(UUID id) {
        return CreditPolicy.<CreditPolicy>findByIdOptional(id).map(this::view);
    }

    public List<PolicyView> list() {
        return CreditPolicy.<CreditPolicy>list("order by name, version").stream().map(this::view).toList();
    }

    private PolicyView view(CreditPolicy p) {
        Map<RightType, BigDecimal> ltv;
        try {
            ltv = new EnumMap<>(json.readValue(p.loanToValue, new TypeReference<Map<RightType, BigDecimal>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new PolicyView(p.id, p.name, p.version, ltv, p.compensationMultiple, p.gepCapShare, p.maxAmount, p.termYears, p.source,
                p.createdBy, p.createdAt);
    }
}
