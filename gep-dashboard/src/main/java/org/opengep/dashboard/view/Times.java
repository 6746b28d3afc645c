package org.opengep.dashboard.view;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as a bureau in China reads them: Beijing time to the minute. */
public final class Times {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    private Times() {}

    public static String minute(OffsetDateTime time) {
        return time == null ? "" : MINUTE.format(time);
    }
}
