package org.reportplatform.indicators.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueStatus;

/**
 * Random submissions, revisions, repeats, late older versions and withheld values over ten units of two cities: after
 * every record, each county, city and province figure must equal a recomputation written out here from the latest
 * version of every form of every unit, without the production code's tallies.
 */
class AggregationPropertyTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final Map<String, List<String>> UNITS_BY_CITY = Map.of(
            "360700", List.of("360702", "360703", "360704", "360722", "360723"),
            "360100", List.of("360102", "360103", "360104", "360111", "360190"));
    private static final List<String> UNITS = UNITS_BY_CITY.values().stream().flatMap(List::stream).sorted().toList();
    private static final String JIANGXI = "360000";
    private static final int EVENTS = 200;

    private static final String SCHOOLS = "edu_school_count";
    private static final String ENROLLED = "pre_enrolled_children";
    private static final String CHILDREN_3_5 = "pop_age_3_5";
    private static final String ENROLMENT_RATE = "pre_gross_enrolment_rate";
    private static final List<String> SUMS = List.of(SCHOOLS, ENROLLED, CHILDREN_3_5);
    /** Which indicators each form may state: pop_age_3_5 is in both. */
    private static final Map<String, List<String>> FORMS = Map.of(
            "edu_annual", List.of(SCHOOLS, ENROLLED, CHILDREN_3_5, ENROLMENT_RATE),
            "sci_annual", List.of(CHILDREN_3_5));

    private record Expected(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int reporting, int withheld) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2024, 90210})
    void everyFigureEqualsARecomputationFromTheLatestVersions(long seed) {
        Random random = new Random(seed);
        Map<String, List<SubmissionEvent>> generated = new HashMap<>();
        Map<String, SubmissionEvent> latestPerForm = new HashMap<>();
        int replays = 0;
        try (AggregationDriver driver = new AggregationDriver(CATALOGUE)) {
            for (int i = 0; i < EVENTS; i++) {
                String unit = UNITS.get(random.nextInt(UNITS.size()));
                String form = random.nextInt(4) == 0 ? "sci_annual" : "edu_annual";
                List<SubmissionEvent> history = generated.computeIfAbsent(unit + form, k -> new ArrayList<>());
                int roll = random.nextInt(10);
                SubmissionEvent event;
                if (history.isEmpty() || roll < 5) {
                    event = randomSubmission(unit, form, history.size() + 1, random);
                    history.add(event);
                } else if (roll < 7) {
                    // two revisions at once, the newer sent first: the older one may arrive later, and must not count
                    history.add(randomSubmission(unit, form, history.size() + 1, random));
                    event = randomSubmission(unit, form, history.size() + 1, random);
                    history.add(event);
                } else {
                    event = history.get(random.nextInt(history.size()));
                    replays++;
                }
                driver.submit(event);
                latestPerForm.merge(unit + form, event, (stored, sent) -> sent.version() > stored.version() ? sent : stored);

                assertEveryFigure(driver.latest(), latestPerForm, "after record " + i + " (seed " + seed + ")");
            }
            Map<String, AggregateEvent> published = driver.latest();
            assertThat(replays).as("repeats and late versions sent").isGreaterThan(EVENTS / 10);
            assertThat(published.values()).as("figures with reporting units").anyMatch(e -> e != null && e.reportingUnits() > 1);
            assertThat(published.values()).as("figures with withheld units").anyMatch(e -> e != null && e.withheldUnits() > 0);
        }
    }

    private static SubmissionEvent randomSubmission(String unit, String form, int version, Random random) {
        Submission submission = Submission.of(unit, form).version(version)
                .submittedAt(Submission.BASE.plusSeconds(60L * version + random.nextInt(120)));
        for (String indicator : FORMS.get(form)) {
            int roll = random.nextInt(20);
            if (roll < 5) {
                continue;
            }
            if (roll < 7) {
                submission.redacted(indicator);
            } else if (roll < 9) {
                submission.missing(indicator);
            } else if (roll == 9) {
                submission.reported(indicator, "0");
            } else {
                submission.reported(indicator, BigDecimal.valueOf(random.nextInt(50_000), random.nextInt(3)).toPlainString());
            }
        }
        return submission.event();
    }

    private static void assertEveryFigure(Map<String, AggregateEvent> published, Map<String, SubmissionEvent> latestPerForm,
                                          String when) {
        Map<String, Map<String, ReportedValue>> statements = new HashMap<>();
        UNITS.forEach(unit -> statements.put(unit, statementsOf(unit, latestPerForm)));
        Map<String, List<String>> regions = new HashMap<>();
        UNITS.forEach(unit -> regions.put(unit, List.of(unit)));
        regions.putAll(UNITS_BY_CITY);
        regions.put(JIANGXI, UNITS);

        regions.forEach((region, units) -> {
            List<Map<String, ReportedValue>> stated = units.stream().map(statements::get).toList();
            SUMS.forEach(indicator -> assertFigure(published, indicator, region, expectedSum(indicator, stated), when));
            assertFigure(published, ENROLMENT_RATE, region, expectedEnrolmentRate(stated), when);
        });
    }

    /** The unit's statement of each indicator: from the most recently submitted form that states it. */
    private static Map<String, ReportedValue> statementsOf(String unit, Map<String, SubmissionEvent> latestPerForm) {
        Map<String, ReportedValue> statements = new HashMap<>();
        for (String indicator : List.of(SCHOOLS, ENROLLED, CHILDREN_3_5, ENROLMENT_RATE)) {
            FORMS.keySet().stream()
                    .map(form -> latestPerForm.get(unit + form))
                    .filter(event -> event != null && statedValue(event, indicator) != null)
                    .max(Comparator.comparing(SubmissionEvent::submittedAt).thenComparing(e -> e.dataset().value()))
                    .ifPresent(event -> statements.put(indicator, statedValue(event, indicator)));
        }
        return statements;
    }

    private static ReportedValue statedValue(SubmissionEvent event, String indicator) {
        return event.values().stream().filter(v -> v.indicator().value().equals(indicator)).findFirst().orElse(null);
    }

    private static Expected expectedSum(String indicator, List<Map<String, ReportedValue>> units) {
        BigDecimal sum = BigDecimal.ZERO;
        int reporting = 0;
        int withheld = 0;
        for (Map<String, ReportedValue> unit : units) {
            ReportedValue value = unit.get(indicator);
            if (value == null) {
                continue;
            }
            if (value.status() == ValueStatus.REPORTED) {
                sum = sum.add(value.value());
                reporting++;
            } else {
                withheld++;
            }
        }
        if (reporting + withheld == 0) {
            return null;
        }
        return new Expected(reporting == 0 ? null : sum, null, null, reporting, withheld);
    }

    private static Expected expectedEnrolmentRate(List<Map<String, ReportedValue>> units) {
        BigDecimal enrolled = BigDecimal.ZERO;
        BigDecimal children = BigDecimal.ZERO;
        int reporting = 0;
        int withheld = 0;
        for (Map<String, ReportedValue> unit : units) {
            ReportedValue numerator = unit.get(ENROLLED);
            ReportedValue denominator = unit.get(CHILDREN_3_5);
            ReportedValue rate = unit.get(ENROLMENT_RATE);
            if (isReported(numerator) && isReported(denominator)) {
                enrolled = enrolled.add(numerator.value());
                children = children.add(denominator.value());
                reporting++;
            } else if (numerator != null || (rate != null && !isReported(rate))) {
                withheld++;
            }
        }
        if (reporting + withheld == 0) {
            return null;
        }
        BigDecimal value = reporting == 0 || children.signum() == 0
                ? null
                : enrolled.multiply(BigDecimal.valueOf(100)).divide(children, MathContext.DECIMAL64);
        return new Expected(value, enrolled, children, reporting, withheld);
    }

    private static boolean isReported(ReportedValue value) {
        return value != null && value.status() == ValueStatus.REPORTED;
    }

    private static void assertFigure(Map<String, AggregateEvent> published, String indicator, String region,
                                     Expected expected, String when) {
        String key = indicator + "|" + region + "|2023";
        AggregateEvent actual = published.get(key);
        if (expected == null) {
            assertThat(actual).as(key + " is absent or tombstoned " + when).isNull();
            return;
        }
        assertThat(actual).as(key + " " + when).isNotNull();
        assertThat(actual.reportingUnits()).as(key + " reporting units " + when).isEqualTo(expected.reporting());
        assertThat(actual.withheldUnits()).as(key + " withheld units " + when).isEqualTo(expected.withheld());
        assertSameNumber(actual.value(), expected.value(), key + " value " + when);
        assertSameNumber(actual.numerator(), expected.numerator(), key + " numerator " + when);
        assertSameNumber(actual.denominator(), expected.denominator(), key + " denominator " + when);
    }

    private static void assertSameNumber(BigDecimal actual, BigDecimal expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull().isEqualByComparingTo(expected);
        }
    }
}
