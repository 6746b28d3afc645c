package org.opengep.accounting.service.compensation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;
import org.opengep.accounting.service.CatalogueService;
import org.opengep.accounting.service.Versions;
import org.opengep.accounting.service.compensation.SchemeRequest.Factor;
import org.opengep.accounting.service.compensation.SchemeRequest.FactorSpec;
import org.opengep.accounting.service.compensation.SchemeRequest.Kind;
import org.opengep.common.input.RegionCodes;
import org.opengep.common.problem.Errors;

/**
 * Compensation schemes, versioned: a scheme's formula never changes once stored (allocations cite it); sending a
 * scheme under an existing name makes its next version.
 */
@ApplicationScoped
public class CompensationSchemes {

    public static final int MAX_PAYERS = 1000;
    public static final int MAX_INDICATORS = 64;
    public static final int MAX_FACTORS = 20;

    public record Scheme(UUID id, String name, int version, Kind kind, String formula, SchemeRequest definition, String createdBy,
            OffsetDateTime createdAt) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogueService catalogues;

    @Inject
    ObjectMapper json;

    @Transactional
    public Scheme create(SchemeRequest request, String user) {
        validate(request);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection c = dataSource.getConnection()) {
            int version = Versions.next(c, "compensation_scheme", "name = ?", request.name());
            try (PreparedStatement s = c.prepareStatement("insert into compensation_scheme (id, name, version, kind, definition, created_by, "
                    + "created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                s.setObject(1, id);
                s.setString(2, request.name());
                s.setInt(3, version);
                s.setString(4, request.kind().name());
                s.setString(5, json.writeValueAsString(request));
                s.setString(6, user);
                s.setObject(7, now);
                s.executeUpdate();
            }
            return new Scheme(id, request.name(), version, request.kind(), formula(request), request, user, now);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Scheme> find(UUID id) {
        return list("id = ?", id).stream().findFirst();
    }

    /** Every version, optionally of one name, newest name's versions last. */
    public List<Scheme> search(String name) {
        return list("(cast(? as varchar) is null or name = ?)", name, name);
    }

    private List<Scheme> list(String where, Object... parameters) {
        List<Scheme> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, name, version, kind, definition, created_by, created_at "
                        + "from compensation_scheme where " + where + " order by name, version")) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    SchemeRequest definition = json.readValue(rs.getString(5), SchemeRequest.class);
                    result.add(new Scheme(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), Kind.valueOf(rs.getString(4)),
                            formula(definition), definition, rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** The formula in words, as the allocations and the scheme show it. */
    static String formula(SchemeRequest s) {
        if (s.kind() == Kind.HORIZONTAL) {
            String amount = s.gepIndicators() == null ? "C, the amount agreed for the year"
                    : "C = " + s.gepShare().stripTrailingZeros().toPlainString() + " x official value of " + String.join(" + ", s.gepIndicators())
                            + " of " + s.providerCode();
            return amount + "; payer j pays P_j = C x W_j / sum W, W = " + s.measure().label() + "; rounded to yuan (largest remainder)";
        }
        String factors = String.join(" + ", s.factors().stream()
                .map(f -> f.weight().stripTrailingZeros().toPlainString() + " x " + f.label() + "_i / sum " + f.label()).toList());
        String adjustment = s.growthAdjustment() == null ? "" : "; a_i = s_i x (1 + " + s.growthAdjustment().coefficient().stripTrailingZeros()
                .toPlainString() + " x clip(g_i, -" + s.growthAdjustment().cap().stripTrailingZeros().toPlainString() + ", "
                + s.growthAdjustment().cap().stripTrailingZeros().toPlainString() + ")), g_i comparable-price GEP growth over the year before";
        return "s_i = " + factors + adjustment + "; T_i = F x a_i / sum a (a_i = s_i without adjustment); rounded to yuan (largest remainder)";
    }

    private void validate(SchemeRequest r) {
        Errors errors = new Errors();
        if (r.name() == null || r.name().isBlank()) {
            errors.add("name", "required");
        }
        if (r.kind() == null) {
            errors.add("kind", "VERTICAL or HORIZONTAL");
            errors.throwIfAny();
        }
        if (r.kind() == Kind.VERTICAL) {
            onlyFor(errors, Kind.HORIZONTAL, "providerCode", r.providerCode(), "payerCodes", r.payerCodes(), "gepIndicators", r.gepIndicators(),
                    "gepShare", r.gepShare(), "measure", r.measure());
            validateFactors(r.factors(), errors);
            if (r.growthAdjustment() != null) {
                BigDecimal k = r.growthAdjustment().coefficient();
                BigDecimal cap = r.growthAdjustment().cap();
                if (k == null || k.signum() < 0 || k.compareTo(BigDecimal.TEN) > 0) {
                    errors.add("growthAdjustment.coefficient", "a coefficient between 0 and 10 is required");
                }
                if (cap == null || cap.signum() < 0 || cap.compareTo(BigDecimal.ONE) > 0) {
                    errors.add("growthAdjustment.cap", "a cap between 0 and 1 is required (0.1: growth counts up to ±10 %)");
                }
                if (k != null && cap != null && k.multiply(cap).compareTo(BigDecimal.ONE) >= 0) {
                    errors.add("growthAdjustment", "coefficient x cap must be below 1, or a region's share could fall to nothing");
                }
            }
        } else {
            onlyFor(errors, Kind.VERTICAL, "factors", r.factors(), "growthAdjustment", r.growthAdjustment());
            validateParties(r, errors);
        }
        errors.throwIfAny();
    }

    private void validateFactors(List<FactorSpec> factors, Errors errors) {
        if (factors == null || factors.isEmpty() || factors.size() > MAX_FACTORS) {
            errors.add("factors", "1 to " + MAX_FACTORS + " factors with their weights are required");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < factors.size(); i++) {
            FactorSpec f = factors.get(i);
            String field = "factors[" + i + "]";
            if (f == null || f.factor() == null) {
                errors.add(field + ".factor", "required: one of " + List.of(Factor.values()));
                continue;
            }
            validateDataset(f, field, errors);
            if (f.weight() == null || f.weight().signum() <= 0 || f.weight().compareTo(BigDecimal.ONE) > 0) {
                errors.add(field + ".weight", "a weight greater than 0 and at most 1 is required");
            } else {
                sum = sum.add(f.weight());
            }
            if (!seen.add(f.label())) {
                errors.add(field, f.label() + " is named twice");
            }
        }
        if (errors.size() == 0 && sum.compareTo(BigDecimal.ONE) != 0) {
            errors.add("factors", "the weights add up to " + sum.toPlainString() + ", not to 1");
        }
    }

    private static void validateDataset(FactorSpec f, String field, Errors errors) {
        if (f.factor() == Factor.DATASET && (f.dataset() == null || f.dataset().isBlank())) {
            errors.add(field + ".dataset", "the name of the dataset is required for a DATASET factor");
        } else if (f.factor() != Factor.DATASET && f.dataset() != null) {
            errors.add(field + ".dataset", "only a DATASET factor names a dataset");
        }
    }

    private void validateParties(SchemeRequest r, Errors errors) {
        if (r.providerCode() == null || r.providerCode().length() > RegionCodes.MAX_LENGTH || Region.findById(r.providerCode()) == null) {
            errors.add("providerCode", r.providerCode() == null ? "required" : "no region " + r.providerCode());
        }
        if (r.payerCodes() == null || r.payerCodes().isEmpty() || r.payerCodes().size() > MAX_PAYERS) {
            errors.add("payerCodes", "1 to " + MAX_PAYERS + " paying regions are required");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < r.payerCodes().size(); i++) {
                String code = r.payerCodes().get(i);
                if (code != null && code.length() > RegionCodes.MAX_LENGTH) {
                    errors.add("payerCodes[" + i + "]", "at most " + RegionCodes.MAX_LENGTH + " characters");
                } else if (code == null || Region.findById(code) == null) {
                    errors.add("payerCodes[" + i + "]", "no region " + code);
                } else if (!seen.add(code)) {
                    errors.add("payerCodes[" + i + "]", code + " is named twice");
                } else if (code.equals(r.providerCode())) {
                    errors.add("payerCodes[" + i + "]", "the provider does not pay itself");
                }
            }
        }
        if (r.gepIndicators() != null) {
            IndicatorCatalogue catalogue = catalogues.catalogue(catalogues.defaultMethodVersion()).orElseThrow();
            if (r.gepIndicators().isEmpty() || r.gepIndicators().size() > MAX_INDICATORS) {
                errors.add("gepIndicators", "leave it out for an agreed amount, or name 1 to " + MAX_INDICATORS + " indicators");
            }
            for (int i = 0; i < r.gepIndicators().size() && i < MAX_INDICATORS; i++) {
                String code = r.gepIndicators().get(i);
                if (code == null || catalogue.indicator(code).isEmpty()) {
                    errors.add("gepIndicators[" + i + "]", "no indicator " + code + " (see GET /api/v1/indicators)");
                }
            }
            if (r.gepShare() == null || r.gepShare().signum() <= 0 || r.gepShare().compareTo(BigDecimal.ONE) > 0) {
                errors.add("gepShare", "a share greater than 0 and at most 1 is required with gepIndicators");
            }
        } else if (r.gepShare() != null) {
            errors.add("gepShare", "only with gepIndicators");
        }
        if (r.measure() == null || r.measure().factor() == null) {
            errors.add("measure", "required: what the payers' shares are in proportion to (e.g. DATASET of water use, POPULATION, GDP)");
        } else {
            validateDataset(r.measure(), "measure", errors);
            if (r.measure().weight() != null) {
                errors.add("measure.weight", "a measure has no weight");
            }
        }
    }

    /** Fields of the other kind must not be given: a scheme means exactly what it says. */
    private static void onlyFor(Errors errors, Kind kind, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                errors.add((String) namesAndValues[i], "only for " + kind + " schemes");
            }
        }
    }
}
