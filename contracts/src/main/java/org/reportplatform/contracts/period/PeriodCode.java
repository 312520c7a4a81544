package org.reportplatform.contracts.period;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A reporting period such as {@code 2020}, {@code 2020S1}, {@code 2020Q3}, {@code 202009}, {@code 2020AY} or
 * {@code 2020T1}, or a part of a year to date such as {@code 2020YTD09} (January to September 2020, 1–9月累计).
 */
public final class PeriodCode implements Comparable<PeriodCode> {

    /** Years before the founding of the reporting system make no sense as periods. */
    public static final int FIRST_YEAR = 1949;

    private static final Pattern FORMAT =
            Pattern.compile("(\\d{4})(?:(S[12])|(Q[1-4])|(0[1-9]|1[0-2])|(AY)|(T[12])|YTD(0[1-9]|1[01]))?");

    /** Year-to-date spans that another code already names: January is 202001, to March Q1, to June S1. */
    private static final Set<Integer> NAMED_YEAR_TO_DATE_MONTHS = Set.of(1, 3, 6);

    private final String value;
    private final PeriodType type;
    private final LocalDate start;
    private final LocalDate end;

    private PeriodCode(String value, PeriodType type, LocalDate start, LocalDate end) {
        this.value = value;
        this.type = type;
        this.start = start;
        this.end = end;
    }

    @JsonCreator
    public static PeriodCode of(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(
                    "a period is written 2020, 2020S1, 2020Q3, 202009, 2020AY, 2020T1 or 2020YTD09: " + value);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("periods start in " + FIRST_YEAR + ": " + value);
        }
        if (m.group(2) != null) {
            int half = m.group(2).charAt(1) - '0';
            return months(value, PeriodType.HALF_YEARLY, YearMonth.of(year, half * 6 - 5), 6);
        }
        if (m.group(3) != null) {
            int quarter = m.group(3).charAt(1) - '0';
            return months(value, PeriodType.QUARTERLY, YearMonth.of(year, quarter * 3 - 2), 3);
        }
        if (m.group(4) != null) {
            return months(value, PeriodType.MONTHLY, YearMonth.of(year, Integer.parseInt(m.group(4))), 1);
        }
        if (m.group(5) != null) {
            return months(value, PeriodType.ACADEMIC_YEAR, YearMonth.of(year, 9), 12);
        }
        if (m.group(6) != null) {
            int term = m.group(6).charAt(1) - '0';
            return months(value, PeriodType.SEMESTER, YearMonth.of(year, 9).plusMonths((term - 1) * 6L), 6);
        }
        if (m.group(7) != null) {
            int lastMonth = Integer.parseInt(m.group(7));
            if (NAMED_YEAR_TO_DATE_MONTHS.contains(lastMonth)) {
                // one code per span, so that a figure is stored and asked for under one key
                throw new IllegalArgumentException(value + " is written " + yearToDate(year, lastMonth).value);
            }
            return months(value, PeriodType.YEAR_TO_DATE, YearMonth.of(year, 1), lastMonth);
        }
        return months(value, PeriodType.YEARLY, YearMonth.of(year, 1), 12);
    }

    /** The year from January to the end of {@code lastMonth}, under the one code that names that span. */
    private static PeriodCode yearToDate(int year, int lastMonth) {
        return of(switch (lastMonth) {
            case 1 -> year + "01";
            case 3 -> year + "Q1";
            case 6 -> year + "S1";
            case 12 -> String.valueOf(year);
            default -> "%dYTD%02d".formatted(year, lastMonth);
        });
    }

    private static PeriodCode months(String value, PeriodType type, YearMonth first, int count) {
        return new PeriodCode(value, type, first.atDay(1), first.plusMonths(count - 1L).atEndOfMonth());
    }

    /**
     * The period of the given type that the day falls in; empty before {@link #FIRST_YEAR}, and for
     * {@link PeriodType#YEAR_TO_DATE}, whose periods overlap.
     */
    public static Optional<PeriodCode> containing(LocalDate day, PeriodType type) {
        if (type == PeriodType.YEAR_TO_DATE) {
            return Optional.empty();
        }
        int year = day.getYear();
        int month = day.getMonthValue();
        // the academic year and its semesters start in September: January to August belong to the year before
        int academicYear = month >= 9 ? year : year - 1;
        String code = switch (type) {
            case YEARLY -> String.valueOf(year);
            case HALF_YEARLY -> year + (month <= 6 ? "S1" : "S2");
            case QUARTERLY -> year + "Q" + ((month - 1) / 3 + 1);
            case MONTHLY -> "%d%02d".formatted(year, month);
            case ACADEMIC_YEAR -> academicYear + "AY";
            case SEMESTER -> academicYear + (month >= 9 || month <= 2 ? "T1" : "T2");
            case YEAR_TO_DATE -> throw new IllegalStateException("unreachable");
        };
        return Integer.parseInt(code.substring(0, 4)) < FIRST_YEAR ? Optional.empty() : Optional.of(of(code));
    }

    /** True when every day of {@code other} is a day of this period. */
    public boolean contains(PeriodCode other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    /**
     * The longer periods this one rolls up into, shortest first (calendar types before academic ones): those of another type that contain it and are
     * made up exactly of periods of its type. 202009 rolls into 2020Q3, 2020S2, 2020T1, 2020 and 2020AY; 2020Q3
     * into 2020S2 and 2020 only, as no run of quarters makes up an academic year.
     */
    public List<PeriodCode> enclosingPeriods() {
        return Stream.concat(
                        Arrays.stream(PeriodType.values()).filter(other -> other != type)
                                .flatMap(other -> containing(start, other).stream()),
                        yearsToDateEnding(end.getMonthValue(), 11))
                .filter(longer -> longer.contains(this) && isTiledBy(longer, type))
                .sorted(Comparator.comparingLong(PeriodCode::monthCount).thenComparing(PeriodCode::type))
                .toList();
    }

    /** The year-to-date periods of this period's year that end in the months {@code from}..{@code to}. */
    private Stream<PeriodCode> yearsToDateEnding(int from, int to) {
        if (start.getYear() != end.getYear()) {
            return Stream.empty();
        }
        int year = start.getYear();
        return IntStream.rangeClosed(from, to)
                .filter(month -> !NAMED_YEAR_TO_DATE_MONTHS.contains(month))
                .mapToObj(month -> of("%dYTD%02d".formatted(year, month)));
    }

    /**
     * This period to date at each of its sub-periods of {@code subType}, latest first: what a figure of this period
     * covers when the units have reported up to that sub-period. 2020 of a quarterly form: 2020, 2020YTD09, 2020S1,
     * 2020Q1; 2020S2: 2020S2, 2020Q3. Spans no code names (July to August of 2020Q3) are left out; a period its
     * sub-periods do not make up exactly has only itself.
     */
    public List<PeriodCode> toDate(PeriodType subType) {
        if (subType == type || !isTiledBy(this, subType)) {
            return List.of(this);
        }
        List<PeriodCode> toDate = new ArrayList<>();
        for (PeriodCode sub = containing(start, subType).orElseThrow(); !sub.end.isAfter(end);
             sub = containing(sub.end.plusDays(1), subType).orElseThrow()) {
            LocalDate last = sub.end;
            spanning(start, last).ifPresent(toDate::add);
        }
        Collections.reverse(toDate);
        return List.copyOf(toDate);
    }

    /** The one period, of whatever type, that runs from {@code first} to {@code last}. */
    private static Optional<PeriodCode> spanning(LocalDate first, LocalDate last) {
        if (first.getDayOfYear() == 1 && first.getYear() == last.getYear() && last.equals(YearMonth.from(last).atEndOfMonth())) {
            return Optional.of(yearToDate(first.getYear(), last.getMonthValue()));
        }
        return Arrays.stream(PeriodType.values())
                .flatMap(type -> containing(first, type).stream())
                .filter(period -> period.start.equals(first) && period.end.equals(last))
                .findFirst();
    }

    /**
     * The shorter periods that roll up into this one, in order: the inverse of {@link #enclosingPeriods()}. 2020
     * is made of its months, quarters and half-years; 2020AY of its months and semesters.
     */
    public List<PeriodCode> subPeriods() {
        SortedSet<PeriodCode> shorter = new TreeSet<>();
        for (YearMonth month = YearMonth.from(start); !month.isAfter(YearMonth.from(end)); month = month.plusMonths(1)) {
            for (PeriodType other : PeriodType.values()) {
                containing(month.atDay(1), other)
                        .filter(candidate -> candidate.enclosingPeriods().contains(this))
                        .ifPresent(shorter::add);
            }
        }
        return List.copyOf(shorter);
    }

    private long monthCount() {
        return ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
    }

    private static boolean isTiledBy(PeriodCode longer, PeriodType type) {
        return containing(longer.start, type).map(first -> first.start.equals(longer.start)).orElse(false)
                && containing(longer.end, type).map(last -> last.end.equals(longer.end)).orElse(false);
    }

    /** The same kind of period one year earlier, what year-over-year figures compare with; none before {@link #FIRST_YEAR}. */
    public Optional<PeriodCode> previousYear() {
        int year = start.getYear() - 1;
        return year < FIRST_YEAR ? Optional.empty() : Optional.of(of(year + value.substring(4)));
    }

    @JsonValue
    public String value() {
        return value;
    }

    public PeriodType type() {
        return type;
    }

    /** The first day of the period. */
    public LocalDate start() {
        return start;
    }

    /** The last day of the period. */
    public LocalDate end() {
        return end;
    }

    @Override
    public int compareTo(PeriodCode other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end.compareTo(other.end);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeriodCode p && p.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
