package org.opengep.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.Pollutant;
import org.opengep.common.rights.RightType;
import org.opengep.registry.domain.Holder;
import org.opengep.registry.domain.Issuance;
import org.opengep.registry.domain.Product;
import org.opengep.registry.rest.Requests.NewIssuance;
import org.opengep.registry.rules.IssuanceRules.Plan;
import org.opengep.registry.rules.IssuanceRules.ProductFacts;
import org.opengep.registry.rules.IssuanceRules;
import org.opengep.registry.rules.SerialNumbers;

/**
 * Issues blocks of units from registered products and keeps the issuance feed.
 *
 * <p>Two locks make issuance safe under concurrency: the product's row (so that what is issued never exceeds what
 * was verified, and serial ranges never overlap) and then one transaction-scoped advisory lock for the feed, held
 * to commit, so feed positions are dense and become visible in order: a reader that has seen position n has seen
 * every position before it.
 */
@ApplicationScoped
public class IssuanceService {

    /** The advisory lock key of the feed ("issuance" in ASCII). */
    private static final long FEED_LOCK = 0x69_73_73_75_61_6e_63_65L;

    @Transactional
    public Issuance issue(NewIssuance r, String actor) {
        Errors errors = new Errors();
        if (r.productId() == null) {
            errors.add("productId", "required");
        }
        errors.throwIfAny();
        Product product = Product.lockForUpdate(r.productId()).orElse(null);
        if (product == null) {
            errors.add("productId", "no product " + r.productId());
        }
        UUID holderId = r.holderId() != null ? r.holderId() : product == null ? null : product.holderId;
        Holder holder = holderId == null ? null : Holder.findById(holderId);
        if (holderId != null && holder == null) {
            errors.add("holderId", "no holder " + holderId);
        }
        errors.throwIfAny();
        if (holder.status != Holder.Status.ACTIVE) {
            throw new ConflictException("holder-suspended", "units are issued only to ACTIVE holders; " + holder.id + " is suspended");
        }
        LocalDate today = LocalDate.now();
        Plan plan = IssuanceRules.plan(new IssuanceRules.Request(r.rightType(), r.vintage(), r.quantity(), r.waterRightKind(),
                r.pollutant(), r.methodology(), r.validUntil()), facts(product), today);

        EntityManager em = Issuance.getEntityManager();
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, FEED_LOCK).getSingleResult();
        long position = ((Number) em.createNativeQuery("select coalesce(max(feed_position), 0) + 1 from issuance").getSingleResult()).longValue();

        Issuance issuance = new Issuance();
        issuance.id = UUID.randomUUID();
        issuance.feedPosition = position;
        issuance.productId = product.id;
        issuance.regionCode = product.regionCode;
        issuance.rightType = r.rightType();
        issuance.waterRightKind = r.waterRightKind();
        issuance.pollutant = r.pollutant();
        issuance.methodology = r.methodology();
        issuance.vintage = plan.vintage();
        issuance.holderId = holder.id;
        issuance.quantity = r.quantity();
        issuance.unit = product.unit;
        issuance.serialStart = product.serialsAllocated + 1;
        issuance.serialEnd = product.serialsAllocated + plan.serials();
        issuance.serialNumber = SerialNumbers.block(r.rightType(), product.regionCode, product.number, plan.vintage(),
                issuance.serialStart, issuance.serialEnd);
        issuance.validUntil = plan.validUntil();
        issuance.status = Issuance.Status.ISSUED;
        issuance.issuedBy = actor;
        issuance.issuedAt = OffsetDateTime.now();
        issuance.persist();
        product.serialsAllocated = issuance.serialEnd;
        product.issuedQuantity = product.issuedQuantity.add(r.quantity());
        product.updatedAt = issuance.issuedAt;
        return issuance;
    }

    private static ProductFacts facts(Product p) {
        Set<RightType> types = new HashSet<>();
        Set<Pollutant> pollutants = new HashSet<>();
        // what the product's earlier blocks were issued as: the distinct kinds, not every block
        for (Object[] earlier : Issuance.getEntityManager().createQuery("select distinct i.rightType, i.pollutant from Issuance i "
                + "where i.productId = :product", Object[].class).setParameter("product", p.id).getResultList()) {
            types.add((RightType) earlier[0]);
            if (earlier[1] != null) {
                pollutants.add((Pollutant) earlier[1]);
            }
        }
        return new ProductFacts(p.productType, p.status, p.unit, p.verifiedQuantity, p.issuedQuantity, p.vintage, p.periodStart,
                p.periodEnd, types, pollutants);
    }

    public Optional<Issuance> find(UUID id) {
        return Issuance.findByIdOptional(id);
    }

    /** The feed: issuances after a position, in position order; optionally only a holder's or a product's. */
    public List<Issuance> feed(long after, int limit, UUID holderId, UUID productId) {
        StringBuilder query = new StringBuilder("feedPosition > ?1");
        List<Object> parameters = new ArrayList<>(List.of(after));
        if (holderId != null) {
            parameters.add(holderId);
            query.append(" and holderId = ?").append(parameters.size());
        }
        if (productId != null) {
            parameters.add(productId);
            query.append(" and productId = ?").append(parameters.size());
        }
        return Issuance.<Issuance>find(query + " order by feedPosition", parameters.toArray()).page(0, limit).list();
    }

    /** Marks every block whose validity ended before {@code today} as EXPIRED; running it again changes nothing. */
    @Transactional
    public int expire(LocalDate today) {
        return Issuance.update("status = ?1, expiredAt = ?2 where status = ?3 and validUntil < ?4",
                Issuance.Status.EXPIRED, OffsetDateTime.now(), Issuance.Status.ISSUED, today);
    }
}
