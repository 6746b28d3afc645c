package org.opengep.trading.market;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A continuous session of a trading day in market time, e.g. 09:30-11:30. */
public record Session(LocalTime opens, LocalTime closes) {

    public boolean contains(LocalTime t) {
        return !t.isBefore(opens) && t.isBefore(closes);
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }

    /** The sessions of {@code text} ("09:30-11:30,13:00-15:00"), in order and not overlapping; empty when that is not what it says. */
    public static Optional<List<Session>> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 200) {
            return Optional.empty();
        }
        List<Session> sessions = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] ends = part.trim().split("-", -1);
            if (ends.length != 2) {
                return Optional.empty();
            }
            try {
                Session s = new Session(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
                if (!s.opens.isBefore(s.closes) || (!sessions.isEmpty() && s.opens.isBefore(sessions.get(sessions.size() - 1).closes))) {
                    return Optional.empty();
                }
                sessions.add(s);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(sessions));
    }

    public static String format(List<Session> sessions) {
        return String.join(",", sessions.stream().map(Session::toString).toList());
    }
}
