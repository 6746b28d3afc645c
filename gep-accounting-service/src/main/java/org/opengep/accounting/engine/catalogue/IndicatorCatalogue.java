package org.opengep.accounting.engine.catalogue;

import java.util.List;
import java.util.Optional;

/** The versioned indicator catalogue of one accounting method. */
public record IndicatorCatalogue(MethodVersion method, List<EcosystemType> ecosystemTypes, List<Indicator> indicators) {

    // plain loops, as in Indicator: looked up for every account

    public Optional<Indicator> indicator(String code) {
        for (Indicator i : indicators) {
            if (i.code().equals(code)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public Optional<EcosystemType> ecosystemType(String code) {
        for (EcosystemType t : ecosystemTypes) {
            if (t.code().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
