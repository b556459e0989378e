package dev.turnpike.samples;

import dev.turnpike.spi.RequestPredicate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Passes during office hours, as the injected {@link Clock} tells: from {@code open} (inclusive)
 * to {@code close} (exclusive), in {@code zone} (the clock's zone when not given).
 *
 * <pre>{@code
 * <resin:Forbidden regexp="^/payroll/" xmlns:office="urn:java:dev.turnpike.samples">
 *   <resin:Not><office:OfficeHours open="09:00" close="17:00" zone="Europe/Berlin"/></resin:Not>
 * </resin:Forbidden>
 * }</pre>
 *
 * <p>Both times are required and checked when the configuration loads; so is the zone.
 */
@Dependent
public class OfficeHours implements RequestPredicate {

    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    private static final String TIME_MESSAGE = "must be a time of day as HH:mm, such as 09:00";

    @Inject
    Clock clock;

    @NotNull
    @Pattern(regexp = TIME, message = TIME_MESSAGE)
    private String open;

    @NotNull
    @Pattern(regexp = TIME, message = TIME_MESSAGE)
    private String close;

    private String zone;

    private LocalTime opens;
    private LocalTime closes;
    private ZoneId zoneId;

    public void setOpen(String open) {
        this.open = open;
    }

    public void setClose(String close) {
        this.close = close;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    /** Runs after validation: the times are well-formed, so only their order and the zone are left to check. */
    @PostConstruct
    void compile() {
        opens = LocalTime.parse(open);
        closes = LocalTime.parse(close);
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("open (" + open + ") must be before close (" + close + ")");
        }
        zoneId = zone == null ? clock.getZone() : ZoneId.of(zone);
    }

    @Override
    public boolean isMatch(HttpServletRequest request) {
        LocalTime now = ZonedDateTime.now(clock).withZoneSameInstant(zoneId).toLocalTime();
        return !now.isBefore(opens) && now.isBefore(closes);
    }

    @Override
    public String toString() {
        return "<office:OfficeHours open=\"" + open + "\" close=\"" + close + "\""
                + (zone == null ? "" : " zone=\"" + zone + "\"") + "/>";
    }
}
