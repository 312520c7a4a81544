package org.reportplatform.dashboard.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.period.PeriodCode;

/**
 * When a form is due. Due dates are calendar days in China: a submission is on time through the whole due date,
 * China time, whatever the UTC date of the instant it was stored.
 */
record Deadline(LocalDate dueDate) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static Deadline of(Dataset form, PeriodCode period) {
        return new Deadline(form.dueDate(period));
    }

    /** Calendar days in China from the due date to the day of the submission; 0 when on time. */
    long daysLate(Instant submittedAt) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, submittedAt.atZone(CHINA).toLocalDate()));
    }
}
