package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.Errors;
import org.opengep.common.rights.RightType;
import org.opengep.common.security.Caller;
import org.opengep.trading.config.MarketRules;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.ledger.MovementKind;
import org.opengep.trading.ledger.SurrenderRules.Part;
import org.opengep.trading.ledger.SurrenderRules;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.rest.Requests.NewRetirement;
import org.opengep.trading.rest.Requests.NewSurrender;
import org.opengep.trading.rest.Requests.SurrenderPart;

/** Units retired for good: a retirement with purpose and beneficiary, or a compliance surrender of several parts (all or none). */
@ApplicationScoped
public class RetirementService {

    @Inject
    LedgerWriter writer;

    @Inject
    RegistryFacts registry;

    @Inject
    MarketRules rules;

    public Response retire(NewRetirement r, Caller caller, KeyedRequest key, Function<Movement, Object> view) {
        Errors errors = new Errors();
        errors.required("holderId", r.holderId());
        if (r.purpose() == null || r.purpose().isBlank()) {
            errors.add("purpose", "required");
        }
        if (r.beneficiary() == null || r.beneficiary().isBlank()) {
            errors.add("beneficiary", "required");
        }
        Instrument instrument = Instrument.from(errors, r.rightType(), r.vintage(), r.pollutant(), r.waterRightKind(), r.permitValidUntil());
        long units = Units.from(errors, r.quantity(), r.rightType());
        errors.throwIfAny();
        caller.requireActsFor(r.holderId());
        registry.requireActiveHolder(r.holderId(), "holder");
        RetirementCommand command = new RetirementCommand(MovementKind.RETIREMENT, r.holderId(), List.of(new Part(instrument, units)), r.purpose(),
                r.beneficiary(), caller.name());
        return writer.submit(command, key, 201, retired -> view.apply(retired.get(0)));
    }

    /**
     * A compliance surrender: every part is retired in one transaction (all or nothing); together they meet the
     * obligation exactly, and CCER covers at most the configured share of it.
     */
    public Response surrender(NewSurrender r, Caller caller, KeyedRequest key, Function<List<Movement>, Object> view) {
        Errors errors = new Errors();
        errors.required("holderId", r.holderId());
        errors.required("complianceYear", r.complianceYear());
        Units.check(r.obligation(), RightType.CARBON_ALLOWANCE).ifPresent(p -> errors.add("obligation", p));
        if (r.parts() == null || r.parts().isEmpty()) {
            errors.add("parts", "at least one");
        }
        errors.throwIfAny();
        List<Part> parts = new ArrayList<>();
        for (int n = 0; n < r.parts().size(); n++) {
            SurrenderPart part = r.parts().get(n);
            String at = "parts[" + n + "]";
            if (part == null || !SurrenderRules.surrenderable(part.rightType())) {
                errors.add(at + ".rightType", "CARBON_ALLOWANCE or CCER");
                continue;
            }
            errors.required(at + ".vintage", part.vintage());
            var problem = Units.check(part.quantity(), part.rightType());
            problem.ifPresent(p -> errors.add(at + ".quantity", p));
            if (problem.isEmpty() && part.vintage() != null) {
                parts.add(new Part(Instrument.of(part.rightType(), part.vintage()), Units.of(part.quantity(), part.rightType())));
            }
        }
        errors.throwIfAny();
        SurrenderRules.check(errors, Units.of(r.obligation(), RightType.CARBON_ALLOWANCE), parts, rules.ccerSurrenderShare());
        errors.throwIfAny();
        caller.requireActsFor(r.holderId());
        registry.requireActiveHolder(r.holderId(), "holder");
        RetirementCommand command = new RetirementCommand(MovementKind.SURRENDER, r.holderId(), parts, "compliance surrender " + r.complianceYear(),
                r.holderId().toString(), caller.name());
        return writer.submit(command, key, 201, view);
    }
}
