package org.opengep.trading.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The platform_member table: the participants whose matched trades a platform may report. */
@ApplicationScoped
public class MembershipStore {

    /** A membership: the platform, the participant, and when it was granted. */
    public record Membership(String platform, UUID participantId, OffsetDateTime grantedAt) {}

    public Membership grant(Connection c, String platform, UUID participant, OffsetDateTime at, String by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into platform_member (platform, participant_id, granted_at, granted_by) values (?, ?, ?, ?) "
                + "on conflict do nothing")) {
            s.setString(1, platform);
            s.setObject(2, participant);
            s.setObject(3, at);
            s.setString(4, by);
            s.executeUpdate();
        }
        return list(c, platform).stream().filter(m -> m.participantId().equals(participant)).findFirst().orElseThrow();
    }

    public List<Membership> list(Connection c, String platform) throws SQLException {
        List<Membership> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select platform, participant_id, granted_at from platform_member where platform = ? "
                + "order by granted_at, participant_id")) {
            s.setString(1, platform);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new Membership(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, OffsetDateTime.class)));
                }
            }
        }
        return result;
    }

    public boolean isMember(Connection c, String platform, UUID participant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from platform_member where platform = ? and participant_id = ?")) {
            s.setString(1, platform);
            s.setObject(2, participant);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether the platform reported a trade with this reference already. */
    public boolean referenceUsed(Connection c, String platform, String reference) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from fill where platform = ? and platform_reference = ?")) {
            s.setString(1, platform);
            s.setString(2, reference);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Locks platform references ((platform, reference) pairs) for the transaction, in one order, and returns those
     * that a committed fill uses: two reports of one reference under different keys are then decided one after the
     * other, never by the unique constraint failing a whole batch.
     */
    public Set<List<String>> lockReferences(Connection c, Collection<List<String>> references) throws SQLException {
        Set<List<String>> used = new HashSet<>();
        if (references.isEmpty()) {
            return used;
        }
        List<List<String>> sorted = references.stream().sorted(Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> r.get(1))).toList();
        String[] platforms = sorted.stream().map(r -> r.get(0)).toArray(String[]::new);
        String[] ids = sorted.stream().map(r -> r.get(1)).toArray(String[]::new);
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended('platform-reference' || chr(10) || platform "
                + "|| chr(10) || reference, 0)) from unnest(?::text[], ?::text[]) with ordinality as r(platform, reference, n) order by n")) {
            s.setArray(1, c.createArrayOf("text", platforms));
            s.setArray(2, c.createArrayOf("text", ids));
            s.executeQuery().close();
        }
        // a statement of its own: its snapshot is taken once the locks are held, so it sees fills committed while this waited
        try (PreparedStatement s = c.prepareStatement("select f.platform, f.platform_reference from fill f join unnest(?::text[], ?::text[]) "
                + "as r(platform, reference) on f.platform = r.platform and f.platform_reference = r.reference")) {
            s.setArray(1, c.createArrayOf("text", platforms));
            s.setArray(2, c.createArrayOf("text", ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    used.add(List.of(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return used;
    }
}
