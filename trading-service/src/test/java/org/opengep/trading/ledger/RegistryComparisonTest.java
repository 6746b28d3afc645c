package org.opengep.trading.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengep.trading.ledger.RegistryComparison.IssuedBlock;

class RegistryComparisonTest {

    private static final UUID HOLDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static IssuedBlock block(int id, long position, UUID holder, long start, long end) {
        return new IssuedBlock(new UUID(0, id), position, holder, start, end);
    }

    @Test
    void theSameIssuancesOnBothSidesAreNoDrift() {
        List<IssuedBlock> both = List.of(block(1, 1, HOLDER, 1, 100), block(2, 2, OTHER, 1, 5));
        assertThat(RegistryComparison.compare(both, both, 2)).isEmpty();
    }

    @Test
    void eachDifferenceIsNamedWithBothSides() {
        List<IssuedBlock> ledger = List.of(block(1, 1, HOLDER, 1, 100), block(2, 2, HOLDER, 1, 50), block(3, 3, HOLDER, 1, 7));
        List<IssuedBlock> registry = List.of(block(1, 1, HOLDER, 1, 90), block(2, 2, OTHER, 1, 50), block(4, 4, HOLDER, 1, 3),
                block(5, 5, HOLDER, 1, 2), block(6, 6, HOLDER, 1, 2));
        assertThat(RegistryComparison.compare(ledger, registry, 4)).containsExactly(
                "issuance " + new UUID(0, 1) + " (feed position 1): the registry issued 90 units (serials 1..90) to holder " + HOLDER
                        + ", the ledger imported 100 units (serials 1..100) to holder " + HOLDER,
                "issuance " + new UUID(0, 2) + " (feed position 2): the registry issued 50 units (serials 1..50) to holder " + OTHER
                        + ", the ledger imported 50 units (serials 1..50) to holder " + HOLDER,
                "issuance " + new UUID(0, 4) + " (feed position 4): the registry issued 3 units (serials 1..3) to holder " + HOLDER
                        + "; the ledger has no such issuance",
                "issuance " + new UUID(0, 3) + " (feed position 3): the ledger imported 7 units (serials 1..7) to holder " + HOLDER
                        + "; the registry has no such issuance",
                "the registry has 2 issuance(s) after feed position 4 not imported yet (POST /api/v1/feed/sync)");
    }
}
