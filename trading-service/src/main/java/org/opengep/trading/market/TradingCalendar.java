package org.opengep.trading.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Trading days: the days of the week the market trades (Monday to Friday as a rule), except the holidays. */
public record TradingCalendar(Set<DayOfWeek> days, Set<LocalDate> holidays) {

    public static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);

    public boolean isTradingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    public LocalDate next(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** How many trading days lie after {@code from} up to and including {@code to} (0 for the same day). */
    public int tradingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
