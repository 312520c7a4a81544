package org.reportplatform.contracts.region;

import java.time.Year;
import java.util.Optional;
import org.reportplatform.contracts.period.PeriodCode;

/**
 * The calendar years a region code was in use as one region, both included. The 民政部 code lists give the codes in
 * use on 31 December of each year, so a change counts from 1 January of the year whose list first shows it: 赣县
 * 360721 is in use until 2015, 赣县区 360704 from 2016. An absent end is open: {@code from} when the code is in the
 * first list (1981) or was never in the lists (a development zone), {@code to} while it is still in use.
 */
public record Validity(Optional<Year> from, Optional<Year> to) {

    public static final Validity ALWAYS = new Validity(Optional.empty(), Optional.empty());

    public Validity {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("in use from " + from.get() + " to " + to.get() + ": the end is before the start");
        }
    }

    /**
     * The year whose code list decides which codes a period is reported under: the year the period ends in. Every
     * period that ends in one year (its quarters, months and the year itself) sees the same units, so sub-periods roll
     * up into their year under the same codes.
     */
    public static Year yearOf(PeriodCode period) {
        return Year.from(period.end());
    }

    public boolean contains(Year year) {
        return from.map(first -> !year.isBefore(first)).orElse(true) && to.map(last -> !year.isAfter(last)).orElse(true);
    }

    /** Still in use: no last year. */
    public boolean isCurrent() {
        return to.isEmpty();
    }

    public boolean overlaps(Validity other) {
        return from.map(other::reachesTo).orElse(true) && other.from.map(this::reachesTo).orElse(true);
    }

    private boolean reachesTo(Year year) {
        return to.map(last -> !last.isBefore(year)).orElse(true);
    }

    @Override
    public String toString() {
        return from.map(Year::toString).orElse("…") + "–" + to.map(Year::toString).orElse("…");
    }
}
