package org.opengep.trading.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's issuances against the registry's, one by one (the registry is the authority on what was issued): each
 * must be on both sides with the same holder and the same serials. What the registry issued after the ledger's feed
 * position is not drift yet, only not imported. Pure: both lists in, the drift out.
 */
public final class RegistryComparison {

    /** An issuance as either side records it: to whom, which serials, at which feed position. */
    public record IssuedBlock(UUID issuanceId, long position, UUID holderId, long serialStart, long serialEnd) {

        long units() {
            return serialEnd - serialStart + 1;
        }

        String describe() {
            return units() + " units (serials " + serialStart + ".." + serialEnd + ") to holder " + holderId;
        }
    }

    private RegistryComparison() {}

    public static List<String> compare(List<IssuedBlock> ledger, List<IssuedBlock> registry, long feedPosition) {
        Map<UUID, IssuedBlock> imported = new HashMap<>();
        ledger.forEach(b -> imported.put(b.issuanceId(), b));
        List<String> drift = new ArrayList<>();
        long waiting = 0;
        for (IssuedBlock issued : registry) {
            IssuedBlock held = imported.remove(issued.issuanceId());
            if (held == null) {
                if (issued.position() > feedPosition) {
                    waiting++;
                } else {
                    drift.add("issuance " + issued.issuanceId() + " (feed position " + issued.position() + "): the registry issued "
                            + issued.describe() + "; the ledger has no such issuance");
                }
            } else if (!held.holderId().equals(issued.holderId()) || held.serialStart() != issued.serialStart()
                    || held.serialEnd() != issued.serialEnd()) {
                drift.add("issuance " + issued.issuanceId() + " (feed position " + issued.position() + "): the registry issued "
                        + issued.describe() + ", the ledger imported " + held.describe());
            }
        }
        imported.values().stream().sorted((a, b) -> Long.compare(a.position(), b.position())).forEach(held ->
                drift.add("issuance " + held.issuanceId() + " (feed position " + held.position() + "): the ledger imported "
                        + held.describe() + "; the registry has no such issuance"));
        if (waiting > 0) {
            drift.add("the registry has " + waiting + " issuance(s) after feed position " + feedPosition
                    + " not imported yet (POST /api/v1/feed/sync)");
        }
        return drift;
    }
}
