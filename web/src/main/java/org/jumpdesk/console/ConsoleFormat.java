package org.jumpdesk.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times, durations and sizes; pure functions of their arguments. */
@Named("fmt")
@ApplicationScoped
public class ConsoleFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** Days, hours and minutes, e.g. {@code 3d 4h 5m}. */
    public String uptime(Long seconds) {
        if (seconds == null) {
            return "";
        }
        Duration uptime = Duration.ofSeconds(seconds);
        return uptime.toDays() + "d " + uptime.toHoursPart() + "h " + uptime.toMinutesPart() + "m";
    }

    /** Used of total in GiB with one decimal, and the share used. */
    public String usage(Long used, Long total) {
        if (used == null || total == null || total == 0) {
            return "";
        }
        return String.format(
                Locale.ROOT, "%.1f / %.1f GiB (%d%%)", used / GIB, total / GIB, Math.round(100.0 * used / total));
    }

    public String load(Double cpuLoad) {
        return cpuLoad == null ? "" : String.format(Locale.ROOT, "%.2f", cpuLoad);
    }

    private static final double GIB = 1024.0 * 1024 * 1024;
}
