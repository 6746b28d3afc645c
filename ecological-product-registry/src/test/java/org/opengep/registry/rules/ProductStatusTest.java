package org.opengep.registry.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengep.registry.rules.ProductStatus.DRAFT;
import static org.opengep.registry.rules.ProductStatus.EXPIRED;
import static org.opengep.registry.rules.ProductStatus.REGISTERED;
import static org.opengep.registry.rules.ProductStatus.REJECTED;
import static org.opengep.registry.rules.ProductStatus.RETIRED;
import static org.opengep.registry.rules.ProductStatus.SUBMITTED;
import static org.opengep.registry.rules.ProductStatus.SUSPENDED;
import static org.opengep.registry.rules.ProductStatus.VERIFIED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductStatusTest {

    /** The lifecycle of rights-and-trading.md, written out once more as the expectation. */
    private static final Map<ProductStatus, Set<ProductStatus>> LEGAL = Map.of(
            DRAFT, Set.of(SUBMITTED),
            SUBMITTED, Set.of(VERIFIED, REJECTED),
            VERIFIED, Set.of(REGISTERED),
            REGISTERED, Set.of(SUSPENDED, RETIRED, EXPIRED),
            SUSPENDED, Set.of(REGISTERED));

    @Test
    void everyPairOfStatusesIsLegalExactlyWhenTheLifecycleSaysSo() {
        for (ProductStatus from : ProductStatus.values()) {
            for (ProductStatus to : ProductStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.getOrDefault(from, Set.of()).contains(to));
            }
        }
    }

    @Test
    void rejectedRetiredAndExpiredAreTerminal() {
        for (ProductStatus terminal : EnumSet.of(REJECTED, RETIRED, EXPIRED)) {
            assertThat(terminal.next()).isEmpty();
        }
    }
}
