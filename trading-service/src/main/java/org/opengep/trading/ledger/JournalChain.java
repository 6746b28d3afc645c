package org.opengep.trading.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The hash chain of a balance's journal: each entry's hash is SHA-256 over the previous entry's hash and the entry's
 * fields (times to the microsecond, as PostgreSQL keeps them). Changing, inserting or removing any entry changes every later hash of that chain, and the balance keeps
 * the head (the last hash and the count), so even the last entries cannot be dropped unseen.
 */
public final class JournalChain {

    /** The fields of an entry that its hash covers. */
    public record Entry(UUID movementId, UUID holderId, Instrument instrument, String bucket, long units, long chainSeq, OffsetDateTime at) {}

    private JournalChain() {}

    public static byte[] hash(byte[] previous, Entry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (previous != null) {
                sha.update(previous);
            }
            String fields = e.movementId() + "|" + e.holderId() + "|" + e.instrument().rightType() + "|" + e.instrument().vintage() + "|"
                    + e.instrument().variant() + "|" + e.bucket() + "|" + e.units() + "|" + e.chainSeq() + "|"
                    + ChronoUnit.MICROS.between(Instant.EPOCH, e.at().toInstant());
            sha.update(fields.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
