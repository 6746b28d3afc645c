package org.opengep.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;
import org.opengep.common.input.RegionCodes;
import org.opengep.registry.domain.Holder;
import org.opengep.registry.rest.Requests.NewHolder;
import org.opengep.registry.rest.Requests.StatusChange;
import org.opengep.registry.rules.IdentityCodes;

/** Registers holders (one account per legal entity) and suspends or reactivates them. */
@ApplicationScoped
public class HolderService {

    @Inject
    AccountingFacts accounting;

    @Transactional
    public Holder register(NewHolder request, String actor) {
        Errors errors = new Errors();
        if (request.kind() == null) {
            errors.add("kind", "required: ORGANISATION or INDIVIDUAL");
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.add("name", "required");
        }
        String uscc = IdentityCodes.normalise(request.uscc());
        String citizenId = IdentityCodes.normalise(request.citizenId());
        if (request.kind() == Holder.Kind.ORGANISATION) {
            IdentityCodes.usccProblem(uscc).ifPresent(m -> errors.add("uscc", m));
            if (citizenId != null) {
                errors.add("citizenId", "only for individuals");
            }
        } else if (request.kind() == Holder.Kind.INDIVIDUAL) {
            IdentityCodes.citizenIdProblem(citizenId).ifPresent(m -> errors.add("citizenId", m));
            if (uscc != null) {
                errors.add("uscc", "only for organisations");
            }
        }
        String compensationRegion = compensationRegion(request.compensationRegionCode(), errors);
        errors.throwIfAny();
        Optional<Holder> existing = uscc != null ? Holder.find("uscc", uscc).firstResultOptional()
                : Holder.find("citizenId", citizenId).firstResultOptional();
        if (existing.isPresent()) {
            throw new ConflictException("holder-exists", "this legal entity already has registry account " + existing.get().id);
        }
        Holder holder = new Holder();
        holder.id = UUID.randomUUID();
        holder.number = ((Number) Holder.getEntityManager().createNativeQuery("select nextval('holder_number_seq')").getSingleResult()).longValue();
        holder.kind = request.kind();
        holder.name = request.name().strip();
        holder.uscc = uscc;
        holder.citizenId = citizenId;
        holder.status = Holder.Status.ACTIVE;
        holder.compensationRegionCode = compensationRegion;
        holder.createdBy = actor;
        holder.createdAt = OffsetDateTime.now();
        holder.updatedAt = holder.createdAt;
        // flushed here so that a registration of the same code at the same moment fails on the unique index as a 409
        holder.persistAndFlush();
        return holder;
    }

    public Optional<Holder> find(UUID id) {
        return Holder.findByIdOptional(id);
    }

    /** Holders in registration order after the cursor (a holder number), optionally by status or code. */
    public List<Holder> list(long after, int limit, Holder.Status status, String uscc) {
        StringBuilder query = new StringBuilder("number > ?1");
        List<Object> parameters = new ArrayList<>(List.of(after));
        if (status != null) {
            parameters.add(status);
            query.append(" and status = ?").append(parameters.size());
        }
        if (uscc != null) {
            parameters.add(IdentityCodes.normalise(uscc));
            query.append(" and uscc = ?").append(parameters.size());
        }
        return Holder.<Holder>find(query + " order by number", parameters.toArray()).page(0, limit).list();
    }

    /** Sets (or, with null, clears) the region whose compensation the holder receives. */
    @Transactional
    public Optional<Holder> setCompensationRegion(UUID id, String regionCode) {
        Errors errors = new Errors();
        String region = compensationRegion(regionCode, errors);
        errors.throwIfAny();
        Optional<Holder> found = Holder.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        found.ifPresent(h -> {
            h.compensationRegionCode = region;
            h.updatedAt = OffsetDateTime.now();
        });
        return found;
    }

    /** The region code if the accounting service knows it (an error is recorded if not); null stays null. */
    private String compensationRegion(String code, Errors errors) {
        if (code == null) {
            return null;
        }
        if (!RegionCodes.isWellFormed(code)) {
            errors.add("compensationRegionCode", RegionCodes.RULE);
        } else if (accounting.region(code).isEmpty()) {
            errors.add("compensationRegionCode", "gep-accounting-service knows no region " + code);
        }
        return code;
    }

    @Transactional
    public Optional<Holder> changeStatus(UUID id, StatusChange change) {
        Errors errors = new Errors();
        if (change.status() == null) {
            errors.add("status", "required: ACTIVE or SUSPENDED");
        }
        if (change.status() == Holder.Status.SUSPENDED && (change.reason() == null || change.reason().isBlank())) {
            errors.add("reason", "required to suspend a holder");
        }
        errors.throwIfAny();
        Optional<Holder> found = Holder.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        found.ifPresent(h -> {
            h.status = change.status();
            h.statusReason = change.reason();
            h.updatedAt = OffsetDateTime.now();
        });
        return found;
    }
}
