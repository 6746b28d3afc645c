package org.opengep.accounting.engine.catalogue;

import java.util.List;
import java.util.Optional;

/** The versioned indicator catalogue of one accounting method. */
public record IndicatorCatalogue(MethodVersion method, List<EcosystemType> ecosystemTypes, List<Indicator> indicators) {

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<EcosystemType> ecosystemType(String code) {
        return ecosystemTypes.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
