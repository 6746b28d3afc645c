package org.opengep.trading.ledger;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What time ends: units valid until a day expire the day after it (green certificates after two years, pollutant
 * rights and withdrawal permits at their end); a two-phase trade lapses at its expiry time, and is given one of 1
 * second to 30 days (default an hour).
 */
public final class ExpiryRules {

    public static final Duration DEFAULT_TWO_PHASE = Duration.ofHours(1);
    public static final Duration LONGEST_TWO_PHASE = Duration.ofDays(30);

    private ExpiryRules() {}

    /** Whether units valid until {@code validUntil} (null: no end) have expired on {@code today}. */
    public static boolean expired(LocalDate validUntil, LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }

    /** Whether a reservation that expires at {@code expiresAt} (null: never) has lapsed at {@code now}. */
    public static boolean lapsed(OffsetDateTime expiresAt, OffsetDateTime now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** What is wrong with a trade's expiry, if anything: only two-phase trades have one. */
    public static Optional<String> checkTwoPhase(boolean twoPhase, Long expiresInSeconds) {
        if (expiresInSeconds == null) {
            return Optional.empty();
        }
        if (!twoPhase) {
            return Optional.of("only for two-phase trades");
        }
        if (expiresInSeconds < 1 || expiresInSeconds > LONGEST_TWO_PHASE.toSeconds()) {
            return Optional.of("1 to " + LONGEST_TWO_PHASE.toSeconds());
        }
        return Optional.empty();
    }

    /** When a two-phase trade recorded at {@code at} lapses. */
    public static OffsetDateTime lapsesAt(OffsetDateTime at, Long expiresInSeconds) {
        return at.plusSeconds(expiresInSeconds == null ? DEFAULT_TWO_PHASE.toSeconds() : expiresInSeconds);
    }
}
