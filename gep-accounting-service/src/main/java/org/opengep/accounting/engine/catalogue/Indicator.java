package org.opengep.accounting.engine.catalogue;

import java.util.List;
import java.util.Optional;

/** One indicator of the catalogue: what it is, which formula computes it and what that formula needs. */
public record Indicator(
        String code,
        String nameZh,
        String nameEn,
        Category category,
        boolean optional,
        List<String> ecosystemTypes,
        String model,
        String formula,
        String valuationMethod,
        List<InputSpec> inputs,
        List<QuantitySpec> quantities,
        List<LineSpec> lines) {

    // Plain loops over these short lists: the engine looks names up for every input of every account, and a stream per
    // lookup was a tenth of a national job's computation.

    public Optional<InputSpec> input(String name) {
        for (InputSpec i : inputs) {
            if (i.name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public Optional<QuantitySpec> quantity(String code) {
        for (QuantitySpec q : quantities) {
            if (q.code().equals(code)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    public Optional<LineSpec> line(String code) {
        for (LineSpec l : lines) {
            if (l.code().equals(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
