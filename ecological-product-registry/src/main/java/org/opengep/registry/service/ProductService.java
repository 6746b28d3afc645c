package org.opengep.registry.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opengep.common.input.RegionCodes;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.problem.RefusedException;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.registry.domain.Evidence;
import org.opengep.registry.domain.Holder;
import org.opengep.registry.domain.Product;
import org.opengep.registry.domain.ProductTransition;
import org.opengep.registry.rest.Requests.Draft;
import org.opengep.registry.rest.Requests.EvidenceDocument;
import org.opengep.registry.rest.Requests.Transition;
import org.opengep.registry.rules.Category;
import org.opengep.registry.rules.ProductStatus;
import org.opengep.registry.rules.ProductType;
import org.opengep.registry.service.AccountingFacts.Catalogue;
import org.opengep.registry.service.AccountingFacts.RegionInfo;

/** The catalogue: drafts, their lifecycle with maker-checker verification, and search. */
@ApplicationScoped
public class ProductService {

    /** Units a product's quantity may be declared in. */
    public static final Set<String> UNITS = Set.of("tCO2e", "t", "t/a", "kg/a", "kg", "m³", "MWh", "kWh", "tce", "hm²", "km²", "m²", "人次");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_EVIDENCE = 100;

    public record Search(Category category, ProductType type, String region, ProductStatus status, UUID holder, Integer vintage,
            long after, int limit) {}

    /** Registrars and verifiers see every product; readers and holders see the catalogue, holders their drafts too. */
    static final Set<String> SEE_ALL_PRODUCTS = Set.of(Roles.Registry.REGISTRAR, Roles.Registry.VERIFIER);

    @Inject
    AccountingFacts accounting;

    /** Checks the draft (asking the accounting service about its region and indicator), then stores it as DRAFT. */
    public Product create(Draft draft, String actor) {
        Checked checked = check(draft);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Product p = new Product();
            p.id = UUID.randomUUID();
            p.number = ((Number) Product.getEntityManager().createNativeQuery("select nextval('product_number_seq')").getSingleResult()).longValue();
            p.status = ProductStatus.DRAFT;
            p.createdBy = actor;
            p.createdAt = OffsetDateTime.now();
            apply(p, draft, checked);
            p.persist();
            return p;
        });
    }

    /** Replaces a draft's fields; only drafts can change. */
    public Optional<Product> update(UUID id, Draft draft) {
        Checked checked = check(draft);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Product> found = Product.lockForUpdate(id);
            found.ifPresent(p -> {
                if (p.status != ProductStatus.DRAFT) {
                    throw new ConflictException("not-a-draft", "only drafts can be changed; this product is " + p.status);
                }
                apply(p, draft, checked);
            });
            return found;
        });
    }

    public Optional<Product> find(UUID id, Caller caller) {
        return Product.<Product>findByIdOptional(id).filter(p -> visible(p, caller));
    }

    public static boolean visible(Product p, Caller caller) {
        return caller.hasAny(SEE_ALL_PRODUCTS) || p.status.isPublic() && !caller.isScopedToItsHolder(Roles.Registry.ACROSS_HOLDERS) || p.holderId.equals(caller.holderId());
    }

    /** Products in registration order after the cursor (a product number): new products only ever extend the list. */
    @SuppressWarnings("unchecked")
    public List<Product> search(Search s, Caller caller) {
        StringBuilder sql = new StringBuilder("select * from product where number > ?1");
        List<Object> parameters = new ArrayList<>(List.of(s.after()));
        if (!caller.hasAny(SEE_ALL_PRODUCTS)) {
            parameters.add(caller.holderId() == null ? new UUID(0, 0) : caller.holderId());
            sql.append(caller.isScopedToItsHolder(Roles.Registry.ACROSS_HOLDERS) ? " and holder_id = ?" + parameters.size()
                    : " and (status <> 'DRAFT' or holder_id = ?" + parameters.size() + ")");
        }
        filter(sql, parameters, "category = ?%d", s.category() == null ? null : s.category().name());
        filter(sql, parameters, "product_type = ?%d", s.type() == null ? null : s.type().name());
        filter(sql, parameters, "status = ?%d", s.status() == null ? null : s.status().name());
        filter(sql, parameters, "holder_id = ?%d", s.holder());
        filter(sql, parameters, "vintage = ?%d", s.vintage());
        // the region itself or any region under it (the path holds every region above the product's)
        filter(sql, parameters, "region_path @> array[cast(?%d as text)]", s.region());
        sql.append(" order by number limit ").append(s.limit());
        var query = Product.getEntityManager().createNativeQuery(sql.toString(), Product.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    /** Adds {@code condition} when a value is given; {@code %d} in it stands for the value's parameter number. */
    private static void filter(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            parameters.add(value);
            sql.append(" and ").append(condition.formatted(parameters.size()));
        }
    }

    /** Moves a product along its lifecycle; the move, its actor and reason are recorded. */
    @Transactional
    public Optional<Product> transition(UUID id, Transition t, Caller caller) {
        Errors errors = new Errors();
        if (t.to() == null) {
            errors.add("to", "required: one of " + List.of(ProductStatus.values()));
        }
        if ((t.to() == ProductStatus.REJECTED || t.to() == ProductStatus.SUSPENDED) && (t.reason() == null || t.reason().isBlank())) {
            errors.add("reason", "required to move a product to " + t.to());
        }
        if (t.verifiedQuantity() != null && t.to() != ProductStatus.VERIFIED) {
            errors.add("verifiedQuantity", "only when verifying");
        }
        if (t.verifiedQuantity() != null && t.verifiedQuantity().signum() <= 0) {
            errors.add("verifiedQuantity", "must be positive");
        }
        errors.throwIfAny();
        Optional<Product> found = Product.lockForUpdate(id);
        if (found.isEmpty() || !visible(found.get(), caller)) {
            return Optional.empty();
        }
        Product p = found.get();
        ProductStatus from = p.status;
        if (!from.canMoveTo(t.to())) {
            throw new ConflictException("illegal-transition", "a " + from + " product can move to " + sorted(from.next())
                    + ", not to " + t.to());
        }
        String role = t.to() == ProductStatus.VERIFIED || t.to() == ProductStatus.REJECTED ? Roles.Registry.VERIFIER : Roles.Registry.REGISTRAR;
        if (!caller.has(role)) {
            throw new RefusedException("forbidden", "only a " + role + " may move a product to " + t.to());
        }
        if (role.equals(Roles.Registry.VERIFIER) && caller.name().equals(p.submittedBy)) {
            throw new RefusedException("maker-checker", caller.name() + " submitted this product and so cannot "
                    + (t.to() == ProductStatus.VERIFIED ? "verify" : "reject") + " it; a second person must");
        }
        switch (t.to()) {
            case SUBMITTED -> {
                if (p.evidence.isEmpty()) {
                    throw new ConflictException("evidence-missing", "a product is submitted with at least one evidence document");
                }
                requireActiveHolder(p);
                p.submittedBy = caller.name();
            }
            case VERIFIED -> {
                if (t.verifiedQuantity() != null && t.verifiedQuantity().compareTo(p.quantity) > 0) {
                    throw new ConflictException("verified-exceeds-declared", "the verified quantity " + t.verifiedQuantity().toPlainString()
                            + " exceeds the declared " + p.quantity.stripTrailingZeros().toPlainString() + " " + p.unit);
                }
                p.verifiedQuantity = t.verifiedQuantity() != null ? t.verifiedQuantity() : p.quantity;
                p.verifiedBy = caller.name();
            }
            case REGISTERED -> requireActiveHolder(p);
            default -> { }
        }
        OffsetDateTime now = OffsetDateTime.now();
        p.status = t.to();
        p.statusReason = t.reason();
        p.updatedAt = now;
        ProductTransition record = new ProductTransition();
        record.productId = p.id;
        record.fromStatus = from;
        record.toStatus = t.to();
        record.actor = caller.name();
        record.reason = t.reason();
        record.at = now;
        record.persist();
        return Optional.of(p);
    }

    public List<ProductTransition> transitions(UUID productId) {
        return ProductTransition.list("productId = ?1 order by id", productId);
    }

    private static void requireActiveHolder(Product p) {
        Holder holder = Holder.findById(p.holderId);
        if (holder.status != Holder.Status.ACTIVE) {
            throw new ConflictException("holder-suspended", "the product's holder is suspended: " + holder.statusReason);
        }
    }

    private static List<String> sorted(Set<ProductStatus> statuses) {
        return statuses.stream().map(Enum::name).sorted().toList();
    }

    /** A draft that passed every check, with what the accounting service said about its region. */
    private record Checked(Category category, String indicator, RegionInfo region, String ecosystemType, List<Evidence> evidence) {}

    private Checked check(Draft d) {
        Errors errors = new Errors();
        if (d.name() == null || d.name().isBlank()) {
            errors.add("name", "required");
        }
        if (d.productType() == null) {
            errors.add("productType", "required: one of " + List.of(ProductType.values()));
        }
        Category category = d.category() != null ? d.category() : d.productType() == null ? null : d.productType().category();
        if (d.productType() != null && d.category() != null && d.category() != d.productType().category()) {
            errors.add("category", d.productType() + " is a " + d.productType().category() + " product");
        }
        if (d.quantity() == null) {
            errors.add("quantity", "required");
        } else if (d.quantity().signum() <= 0) {
            errors.add("quantity", "must be positive");
        } else if (d.quantity().stripTrailingZeros().scale() > 6 || d.quantity().precision() - d.quantity().scale() > 18) {
            errors.add("quantity", "at most 18 digits before and 6 after the decimal point");
        }
        if (d.unit() == null || !UNITS.contains(d.unit())) {
            errors.add("unit", "one of " + UNITS.stream().sorted().toList());
        }
        checkPeriod(d, errors);
        List<Evidence> evidence = evidence(d.evidence(), errors);
        if (d.holderId() == null) {
            errors.add("holderId", "required");
        } else if (Holder.findByIdOptional(d.holderId()).isEmpty()) {
            errors.add("holderId", "no holder " + d.holderId());
        }
        if (d.regionCode() == null || d.regionCode().isBlank()) {
            errors.add("regionCode", "required");
        } else if (!RegionCodes.isWellFormed(d.regionCode())) {
            // refused here, before the accounting service is asked: bad input is never a failure of that service
            errors.add("regionCode", RegionCodes.RULE);
        }
        if (d.ecosystemType() == null || d.ecosystemType().isBlank()) {
            errors.add("ecosystemType", "required");
        }
        errors.throwIfAny();

        Optional<RegionInfo> region = accounting.region(d.regionCode());
        if (region.isEmpty()) {
            errors.add("regionCode", "gep-accounting-service knows no region " + d.regionCode());
        }
        Catalogue catalogue = accounting.catalogue();
        String ecosystemType = d.ecosystemType().strip().toUpperCase(Locale.ROOT);
        if (!catalogue.ecosystemTypes().contains(ecosystemType)) {
            errors.add("ecosystemType", "one of " + catalogue.ecosystemTypes().stream().sorted().toList());
        }
        String indicator = d.indicator() != null ? d.indicator() : d.productType().defaultIndicator();
        Category indicatorCategory = catalogue.indicators().get(indicator);
        if (indicatorCategory == null) {
            errors.add("indicator", "no GEP indicator " + indicator + " in the accounting catalogue");
        } else if (indicatorCategory != category) {
            errors.add("indicator", indicator + " is a " + indicatorCategory + " indicator; the product is " + category);
        } else if (d.valueLine() != null && !catalogue.lines().getOrDefault(indicator, List.of()).contains(d.valueLine())) {
            errors.add("valueLine", indicator + " has no value line " + d.valueLine() + "; one of " + catalogue.lines().get(indicator));
        }
        errors.throwIfAny();
        return new Checked(category, indicator, region.get(), ecosystemType, evidence);
    }

    private static void checkPeriod(Draft d, Errors errors) {
        boolean period = d.periodStart() != null || d.periodEnd() != null;
        if (d.vintage() == null && !period) {
            errors.add("vintage", "give a vintage year or a period (periodStart and periodEnd)");
        }
        if (d.vintage() != null && (d.vintage() < 1949 || d.vintage() > LocalDate.now().getYear() + 1)) {
            errors.add("vintage", "a year from 1949 to next year");
        }
        if (period && (d.periodStart() == null || d.periodEnd() == null)) {
            errors.add(d.periodStart() == null ? "periodStart" : "periodEnd", "a period has a start and an end");
        } else if (period && d.periodStart().isAfter(d.periodEnd())) {
            errors.add("periodEnd", "before periodStart");
        } else if (period && d.vintage() != null && (d.vintage() < d.periodStart().getYear() || d.vintage() > d.periodEnd().getYear())) {
            errors.add("vintage", "outside the period");
        }
    }

    private static List<Evidence> evidence(List<EvidenceDocument> documents, Errors errors) {
        List<Evidence> result = new ArrayList<>();
        if (documents == null) {
            return result;
        }
        if (documents.size() > MAX_EVIDENCE) {
            errors.add("evidence", "at most " + MAX_EVIDENCE + " documents");
        }
        for (int i = 0; i < documents.size(); i++) {
            EvidenceDocument e = documents.get(i);
            String at = "evidence[" + i + "]";
            if (e == null) {
                errors.add(at, "a document, not null");
                continue;
            }
            if (e.name() == null || e.name().isBlank()) {
                errors.add(at + ".name", "required");
            }
            String mediaType = e.mediaType() == null ? null : e.mediaType().strip().toLowerCase(Locale.ROOT);
            if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
                errors.add(at + ".mediaType", "a media type such as application/pdf");
            }
            String sha256 = e.sha256() == null ? null : e.sha256().strip().toLowerCase(Locale.ROOT);
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                errors.add(at + ".sha256", "64 hexadecimal digits");
            }
            result.add(new Evidence(e.name() == null ? null : e.name().strip(), mediaType, sha256));
        }
        return result;
    }

    private static void apply(Product p, Draft d, Checked c) {
        p.name = d.name().strip();
        p.description = d.description();
        p.category = c.category();
        p.productType = d.productType();
        p.regionCode = c.region().code();
        p.regionName = c.region().name();
        p.regionPath = c.region().path().toArray(String[]::new);
        p.ecosystemType = c.ecosystemType();
        p.quantity = d.quantity();
        p.unit = d.unit();
        p.vintage = d.vintage();
        p.periodStart = d.periodStart();
        p.periodEnd = d.periodEnd();
        p.indicator = c.indicator();
        p.valueLine = d.valueLine();
        p.holderId = d.holderId();
        p.evidence.clear();
        p.evidence.addAll(c.evidence());
        p.updatedAt = OffsetDateTime.now();
    }
}
