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

    public Optional<InputSpec> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<QuantitySpec> quantity(String code) {
        return quantities.stream().filter(q -> q.code().equals(code)).findFirst();
    }

    public Optional<LineSpec> line(String code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst();
    }
}
