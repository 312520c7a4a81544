package org.reportplatform.dashboard.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.period.PeriodCode;

/** The periods a form is reported for that make up a period completeness is asked for: a year of a quarterly form. */
public final class FormPeriods {

    private FormPeriods() {
    }

    /**
     * The form's periods that make up {@code period} exactly, in order: the period itself when it is of the form's
     * type; empty when they do not make it up (a quarter of a yearly form, an academic year of a quarterly one).
     */
    public static Optional<List<PeriodCode>> makingUp(Dataset form, PeriodCode period) {
        if (period.type() == form.periodType()) {
            return Optional.of(List.of(period));
        }
        // subPeriods() holds only periods that tile it, so the form's own ones, if any, make it up exactly
        List<PeriodCode> parts = period.subPeriods().stream().filter(sub -> sub.type() == form.periodType()).toList();
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts);
    }

    /**
     * The periods completeness counts, of those making up a longer one: while it is in progress, those that have
     * ended by {@code today}, since nobody can have reported a quarter still running (2026 in December: Q1 to Q3); all
     * of them once it has ended, or while none has (then, like a single period not yet over, nothing is due yet).
     */
    static List<PeriodCode> counted(List<PeriodCode> parts, LocalDate today) {
        List<PeriodCode> ended = parts.stream().filter(part -> part.end().isBefore(today)).toList();
        return ended.isEmpty() ? parts : ended;
    }
}
