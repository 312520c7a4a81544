package org.reportplatform.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.SplittableRandom;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * When the demo's units originally reported each form, so that its history shows timeliness as it was, not thousands
 * of days late: most units on a working hour within the form's due days after the period (China time), one in seven a
 * few days to six weeks late, and a revision three to twenty days after the version it revises. Deterministic per
 * (unit, form, period), so a rerun replays the same dates.
 */
final class DemoReportDates {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final double LATE_SHARE = 1.0 / 7;
    private static final int MOST_DAYS_LATE = 42;
    private static final LocalTime OFFICE_OPENS = LocalTime.of(8, 30);
    private static final int OFFICE_MINUTES = 9 * 60;

    private DemoReportDates() {
    }

    /** When {@code version} of the unit's submission of {@code form} for {@code period} was reported. */
    static Instant reportedAt(RegionCode unit, Dataset form, PeriodCode period, int version) {
        SplittableRandom random = new SplittableRandom(Objects.hash(unit.value(), form.code().value(), period.value()));
        LocalDate due = form.dueDate(period);
        LocalDate day = random.nextDouble() < LATE_SHARE
                ? due.plusDays(1 + random.nextInt(MOST_DAYS_LATE))
                : period.end().plusDays(1 + random.nextInt(Math.max(1, form.dueDaysAfterPeriodEnd())));
        for (int revision = 2; revision <= version; revision++) {
            day = day.plusDays(3 + random.nextInt(18));
        }
        return day.atTime(OFFICE_OPENS.plusMinutes(random.nextInt(OFFICE_MINUTES))).atZone(CHINA).toInstant();
    }
}
