package org.reportplatform.indicators.streams;

import static org.reportplatform.indicators.streams.TestRegions.JIANGXI;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;

/**
 * Random submissions, revisions, repeats, late older versions, review steps, targets and withheld values over ten
 * units of two cities, in three yearly forms that share an indicator and a quarterly form whose quarters arrive in
 * any order and not all of them (partial years), with targets set for longer periods too: after every record, each
 * county, city and province figure, of every period, kind and basis, must equal a recomputation written out here
 * from the latest version (or the latest accepted version) of every form of every unit, without the production
 * code's tallies, period logic or choice of form.
 */
class AggregationPropertyTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final Map<String, List<String>> UNITS_BY_CITY = Map.of(
            "360700", List.of("360702", "360703", "360704", "360722", "360723"),
            "360100", List.of("360102", "360103", "360104", "360111", "360190"));
    private static final List<String> UNITS = UNITS_BY_CITY.values().stream().flatMap(List::stream).sorted().toList();
    /** Four units send the quarterly form, so that some send every quarter of the year and some do not. */
    private static final List<String> QUARTERLY_UNITS = List.of("360102", "360103", "360702", "360703");
    private static final int EVENTS = 240;

    private static final String SCHOOLS = "edu_school_count";
    private static final String ENROLLED = "pre_enrolled_children";
    private static final String CHILDREN_3_5 = "pop_age_3_5";
    private static final String ENROLMENT_RATE = "pre_gross_enrolment_rate";
    private static final String ZHONGKAO_SCORE = "edu_zhongkao_avg_score";
    private static final String ZHONGKAO_CANDIDATES = "edu_zhongkao_candidate_count";
    private static final String CONTRACTS = "sci_tech_contract_count";
    private static final String CONTRACT_AMOUNT = "sci_tech_contract_amount";
    private static final String CONTRACT_AVERAGE = "sci_tech_contract_avg_amount";
    private static final String PLATFORMS = "sci_innovation_platform_count";

    /** Indicators whose figure is a sum: flows and stocks alike within one period. */
    private static final List<String> SUMS = List.of(SCHOOLS, ENROLLED, CHILDREN_3_5, ZHONGKAO_CANDIDATES, CONTRACTS,
            CONTRACT_AMOUNT, PLATFORMS);
    /** Flows sum over the quarters of a longer period; the other quarterly indicator, a stock, takes the latest. */
    private static final List<String> FLOWS = List.of(CONTRACTS, CONTRACT_AMOUNT, CONTRACT_AVERAGE);

    private static final String QUARTERLY_FORM = "sci_quarterly";
    private static final String EDUCATION = "edu_annual";
    /** Which indicators each form may state: pop_age_3_5 is in three. */
    private static final Map<String, List<String>> FORMS = Map.of(
            EDUCATION, List.of(SCHOOLS, ENROLLED, CHILDREN_3_5, ENROLMENT_RATE, ZHONGKAO_SCORE, ZHONGKAO_CANDIDATES),
            "sci_annual", List.of(CHILDREN_3_5),
            "spt_annual", List.of(CHILDREN_3_5),
            QUARTERLY_FORM, List.of(CONTRACTS, CONTRACT_AMOUNT, CONTRACT_AVERAGE, PLATFORMS));
    /** The one form whose statement counts when it makes one (written out, not read from the catalogue). */
    private static final Map<String, String> OWNER_FORMS = Map.of(CHILDREN_3_5, EDUCATION);
    private static final List<String> QUARTERS = List.of("2023Q1", "2023Q2", "2023Q3", "2023Q4");
    /** Every period a figure exists for, with the quarters that make it up (written out, not derived). */
    private static final Map<String, List<String>> PERIODS = Map.of(
            "2023", QUARTERS,
            "2023S1", List.of("2023Q1", "2023Q2"),
            "2023S2", List.of("2023Q3", "2023Q4"),
            "2023YTD09", List.of("2023Q1", "2023Q2", "2023Q3"),
            "2023Q1", List.of("2023Q1"), "2023Q2", List.of("2023Q2"),
            "2023Q3", List.of("2023Q3"), "2023Q4", List.of("2023Q4"));
    /** The longer periods a unit may set targets of the quarterly form for directly (a year to date has none). */
    private static final List<String> TARGET_PERIODS = List.of("2023", "2023S1", "2023S2");

    private record Expected(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int reporting, int withheld,
                            int incomplete) {
    }

    /**
     * What a unit states of one indicator for one period, with when it said so: a value reported or withheld, or
     * null when it stated the indicator for some quarters of the period but not all.
     */
    private record Stated(ReportedValue value, Instant at, String form) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2024, 90210})
    void everyFigureEqualsARecomputationFromTheLatestVersions(long seed) {
        Random random = new Random(seed);
        Map<String, List<SubmissionEvent>> generated = new HashMap<>();
        Map<Basis, Map<String, SubmissionEvent>> latest = Map.of(Basis.RECEIVED, new HashMap<>(), Basis.ACCEPTED, new HashMap<>());
        int replays = 0;
        int accepted = 0;
        int held = 0;
        try (AggregationDriver driver = new AggregationDriver(CATALOGUE)) {
            for (int i = 0; i < EVENTS; i++) {
                String form = List.of(EDUCATION, EDUCATION, "sci_annual", "spt_annual", QUARTERLY_FORM, QUARTERLY_FORM,
                        QUARTERLY_FORM).get(random.nextInt(7));
                boolean quarterly = form.equals(QUARTERLY_FORM);
                String unit = quarterly ? QUARTERLY_UNITS.get(random.nextInt(QUARTERLY_UNITS.size()))
                        : UNITS.get(random.nextInt(UNITS.size()));
                String period = !quarterly ? "2023" : random.nextInt(6) == 0
                        ? TARGET_PERIODS.get(random.nextInt(TARGET_PERIODS.size()))
                        // later quarters less often, so that some units have not sent the whole year
                        : QUARTERS.get(Math.min(random.nextInt(QUARTERS.size()), random.nextInt(QUARTERS.size())));
                String series = unit + "|" + form + "|" + period;
                List<SubmissionEvent> history = generated.computeIfAbsent(series, k -> new ArrayList<>());
                int roll = random.nextInt(12);
                SubmissionEvent event;
                if (history.isEmpty() || roll < 5) {
                    event = randomSubmission(unit, form, period, history.size() + 1, random);
                    history.add(event);
                    if (random.nextInt(8) == 0) {
                        // first held for an explanation: it counts only once published again, released
                        driver.submit(held(event));
                        held++;
                        assertEveryFigure(driver.latest(), latest, "after a held record before " + i + " (seed " + seed + ")");
                    }
                } else if (roll < 7) {
                    // two revisions at once, the newer sent first: the older one may arrive later, and must not count
                    history.add(randomSubmission(unit, form, period, history.size() + 1, random));
                    event = randomSubmission(unit, form, period, history.size() + 1, random);
                    history.add(event);
                } else if (roll < 10) {
                    // a review step republishes a version already sent
                    ReviewStatus step = ReviewStatus.values()[random.nextInt(ReviewStatus.values().length)];
                    event = history.get(random.nextInt(history.size())).withReviewStatus(step);
                    accepted += event.isAccepted() ? 1 : 0;
                } else {
                    event = history.get(random.nextInt(history.size()));
                    replays++;
                }
                driver.submit(event);
                latest.get(Basis.RECEIVED).merge(series, event, AggregationPropertyTest::newer);
                if (event.isAccepted()) {
                    latest.get(Basis.ACCEPTED).merge(series, event, AggregationPropertyTest::newer);
                }
                assertEveryFigure(driver.latest(), latest, "after record " + i + " (seed " + seed + ")");
            }
            Map<String, AggregateEvent> published = driver.latest();
            assertThat(replays).as("repeats and late versions sent").isGreaterThan(EVENTS / 20);
            assertThat(accepted).as("acceptances sent").isGreaterThan(EVENTS / 40);
            assertThat(held).as("held versions sent").isGreaterThan(EVENTS / 40);
            assertThat(published.values()).as("figures with reporting units").anyMatch(e -> e != null && e.reportingUnits() > 1);
            assertThat(published.values()).as("figures with withheld units").anyMatch(e -> e != null && e.withheldUnits() > 0);
            assertThat(published.values()).as("figures of a year from every quarter").anyMatch(e -> e != null
                    && e.kind() == ValueKind.ACTUAL && e.period().value().equals("2023") && e.reportingUnits() > 0
                    && FLOWS.contains(e.indicator().value()));
            assertThat(published.values()).as("accepted figures of a longer period from quarters").anyMatch(e -> e != null
                    && e.basis() == Basis.ACCEPTED && PERIODS.get(e.period().value()).size() > 1
                    && FLOWS.contains(e.indicator().value()));
            assertThat(published.values()).as("figures with units that sent part of the period")
                    .anyMatch(e -> e != null && e.incompleteUnits() > 0 && e.reportingUnits() > 0);
            assertThat(latest.get(Basis.RECEIVED).keySet()).as("targets set for a longer period")
                    .anyMatch(series -> series.endsWith(QUARTERLY_FORM + "|2023"));
            assertThat(UNITS).as("units whose owner form stated pop_age_3_5 before another form did")
                    .anyMatch(unit -> ownerStatedFirst(unit, latest.get(Basis.RECEIVED)));
            assertThat(published.values()).as("targets").anyMatch(e -> e != null && e.kind() == ValueKind.TARGET);
            // every submission here is one intake would publish: none of them is a dead letter
            assertThat(driver.deadLetters()).as("dead letters").isEmpty();
        }
    }

    private static SubmissionEvent held(SubmissionEvent event) {
        return new SubmissionEvent(event.submissionId(), event.submissionKey(), event.region(), event.dataset(),
                event.period(), event.version(), event.submittedAt(), event.values(), event.reviewStatus(), true);
    }

    private static SubmissionEvent newer(SubmissionEvent stored, SubmissionEvent sent) {
        return sent.version() > stored.version() ? sent : stored;
    }

    private static boolean ownerStatedFirst(String unit, Map<String, SubmissionEvent> latest) {
        SubmissionEvent owner = latest.get(unit + "|" + EDUCATION + "|2023");
        if (owner == null || statedValue(owner, CHILDREN_3_5, ValueKind.ACTUAL) == null) {
            return false;
        }
        return Stream.of("sci_annual", "spt_annual").map(form -> latest.get(unit + "|" + form + "|2023"))
                .anyMatch(other -> other != null && other.submittedAt().isAfter(owner.submittedAt())
                        && statedValue(other, CHILDREN_3_5, ValueKind.ACTUAL) != null);
    }

    private static SubmissionEvent randomSubmission(String unit, String form, String period, int version, Random random) {
        Submission submission = Submission.of(unit, form).period(period).version(version)
                .submittedAt(Submission.BASE.plusSeconds(60L * version + random.nextInt(120)));
        if (TARGET_PERIODS.contains(period) && form.equals(QUARTERLY_FORM)) {
            // targets set for the longer period itself: intake accepts nothing else for it
            FORMS.get(form).stream().filter(indicator -> random.nextBoolean())
                    .forEach(indicator -> submission.target(indicator, randomNumber(random)));
            return submission.event();
        }
        for (String indicator : FORMS.get(form)) {
            // the quarterly form leaves out or withholds less, so that some units state a flow in every quarter
            int roll = random.nextInt(form.equals(QUARTERLY_FORM) ? 40 : 20);
            if (roll < 4) {
                continue;
            }
            if (roll < 6) {
                submission.redacted(indicator);
            } else if (roll < 8) {
                submission.missing(indicator);
            } else if (roll == 8) {
                submission.reported(indicator, "0");
            } else {
                submission.reported(indicator, randomNumber(random));
            }
            if (random.nextInt(3) == 0) {
                submission.target(indicator, randomNumber(random));
            }
        }
        return submission.event();
    }

    private static String randomNumber(Random random) {
        return BigDecimal.valueOf(random.nextInt(50_000), random.nextInt(3)).toPlainString();
    }

    private static void assertEveryFigure(Map<String, AggregateEvent> published, Map<Basis, Map<String, SubmissionEvent>> latest,
                                          String when) {
        Map<String, List<String>> regions = new HashMap<>();
        UNITS.forEach(unit -> regions.put(unit, List.of(unit)));
        regions.putAll(UNITS_BY_CITY);
        regions.put(JIANGXI, UNITS);
        Set<String> checked = new HashSet<>();
        for (Basis basis : Basis.values()) {
            for (ValueKind kind : ValueKind.values()) {
                for (String period : PERIODS.keySet()) {
                    Map<String, Map<String, ReportedValue>> statements = new HashMap<>();
                    UNITS.forEach(unit -> statements.put(unit, statementsOf(unit, period, kind, latest.get(basis))));
                    for (var region : regions.entrySet()) {
                        List<Map<String, ReportedValue>> stated = region.getValue().stream().map(statements::get).toList();
                        String suffix = "|" + region.getKey() + "|" + period + "|" + kind.json() + "|" + basis.json();
                        Map<String, Expected> expected = new HashMap<>();
                        SUMS.forEach(indicator -> expected.put(indicator, expectedSum(indicator, stated)));
                        expected.put(ENROLMENT_RATE,
                                expectedRatio(ENROLLED, CHILDREN_3_5, ENROLMENT_RATE, new BigDecimal("100"), stated));
                        expected.put(CONTRACT_AVERAGE,
                                expectedRatio(CONTRACT_AMOUNT, CONTRACTS, CONTRACT_AVERAGE, BigDecimal.ONE, stated));
                        expected.put(ZHONGKAO_SCORE, expectedWeightedAverage(stated));
                        expected.forEach((indicator, figure) -> {
                            assertFigure(published, indicator + suffix, figure, when);
                            checked.add(indicator + suffix);
                        });
                    }
                }
            }
        }
        assertThat(published.entrySet()).as("no figure beyond those recomputed " + when)
                .allMatch(figure -> figure.getValue() == null || checked.contains(figure.getKey()));
    }

    /**
     * The unit's statement of each indicator for the period: for each form, the submission for the period itself, or
     * its quarters rolled up when the unit stated the indicator in every quarter of the period (flows summed, withheld
     * if any quarter withholds; stocks the last quarter's), null when it stated it in some quarters only, and for
     * targets the target set for the period itself before any of that; across forms, the owner form's, else the one
     * stated most recently.
     */
    private static Map<String, ReportedValue> statementsOf(String unit, String period, ValueKind kind,
                                                           Map<String, SubmissionEvent> latest) {
        Map<String, Stated> statements = new HashMap<>();
        for (String form : FORMS.keySet()) {
            boolean ofQuarters = form.equals(QUARTERLY_FORM) && !QUARTERS.contains(period);
            List<SubmissionEvent> quarters = (ofQuarters ? PERIODS.get(period) : List.of(period)).stream()
                    .map(p -> latest.get(unit + "|" + form + "|" + p)).toList();
            SubmissionEvent targetsSet = ofQuarters ? latest.get(unit + "|" + form + "|" + period) : null;
            List<SubmissionEvent> sent = Stream.concat(quarters.stream(), Stream.of(targetsSet))
                    .filter(e -> e != null).toList();
            if (sent.isEmpty()) {
                continue;
            }
            Instant at = sent.stream().map(SubmissionEvent::submittedAt).max(Comparator.naturalOrder()).orElseThrow();
            for (String indicator : FORMS.get(form)) {
                ReportedValue set = targetsSet == null ? null : statedValue(targetsSet, indicator, kind);
                List<ReportedValue> byQuarter = quarters.stream()
                        .map(quarter -> quarter == null ? null : statedValue(quarter, indicator, kind)).toList();
                if (set == null && byQuarter.stream().allMatch(value -> value == null)) {
                    continue;
                }
                ReportedValue value = set != null ? set : rolledUp(indicator, byQuarter, kind);
                statements.merge(indicator, new Stated(value, at, form), (a, b) -> preferred(indicator, a, b));
            }
        }
        Map<String, ReportedValue> values = new HashMap<>();
        statements.forEach((indicator, stated) -> values.put(indicator, stated.value()));
        return values;
    }

    /** Null unless every quarter states it. */
    private static ReportedValue rolledUp(String indicator, List<ReportedValue> byQuarter, ValueKind kind) {
        if (byQuarter.stream().anyMatch(value -> value == null)) {
            return null;
        }
        if (!FLOWS.contains(indicator)) {
            return byQuarter.get(byQuarter.size() - 1);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (ReportedValue value : byQuarter) {
            if (value.status() != ValueStatus.REPORTED) {
                return value;
            }
            sum = sum.add(value.value());
        }
        return new ReportedValue(byQuarter.get(0).indicator(), sum, ValueStatus.REPORTED, kind);
    }

    private static Stated preferred(String indicator, Stated a, Stated b) {
        String owner = OWNER_FORMS.get(indicator);
        if (a.form().equals(owner) || b.form().equals(owner)) {
            return a.form().equals(owner) ? a : b;
        }
        return Comparator.comparing(Stated::at).thenComparing(Stated::form).compare(a, b) >= 0 ? a : b;
    }

    private static ReportedValue statedValue(SubmissionEvent event, String indicator, ValueKind kind) {
        return event.values().stream()
                .filter(v -> v.indicator().value().equals(indicator) && v.kind() == kind)
                .findFirst().orElse(null);
    }

    private static Expected expectedSum(String indicator, List<Map<String, ReportedValue>> units) {
        BigDecimal sum = BigDecimal.ZERO;
        int reporting = 0;
        int withheld = 0;
        int incomplete = 0;
        for (Map<String, ReportedValue> unit : units) {
            if (!unit.containsKey(indicator)) {
                continue;
            }
            ReportedValue value = unit.get(indicator);
            if (value == null) {
                incomplete++;
            } else if (value.status() == ValueStatus.REPORTED) {
                sum = sum.add(value.value());
                reporting++;
            } else {
                withheld++;
            }
        }
        if (reporting + withheld + incomplete == 0) {
            return null;
        }
        return new Expected(reporting == 0 ? null : sum, null, null, reporting, withheld, incomplete);
    }

    private static Expected expectedRatio(String numeratorCode, String denominatorCode, String rateCode, BigDecimal factor,
                                          List<Map<String, ReportedValue>> units) {
        BigDecimal numerators = BigDecimal.ZERO;
        BigDecimal denominators = BigDecimal.ZERO;
        int reporting = 0;
        int withheld = 0;
        int incomplete = 0;
        for (Map<String, ReportedValue> unit : units) {
            ReportedValue numerator = unit.get(numeratorCode);
            ReportedValue denominator = unit.get(denominatorCode);
            if (isReported(numerator) && isReported(denominator)) {
                numerators = numerators.add(numerator.value());
                denominators = denominators.add(denominator.value());
                reporting++;
            } else if (unit.containsKey(numeratorCode) || (unit.containsKey(rateCode) && !isReported(unit.get(rateCode)))) {
                if (Stream.of(numeratorCode, denominatorCode, rateCode).anyMatch(code -> isIncomplete(unit, code))) {
                    incomplete++;
                } else {
                    withheld++;
                }
            }
        }
        return quotient(numerators.multiply(factor), denominators, numerators, reporting, withheld, incomplete);
    }

    private static Expected expectedWeightedAverage(List<Map<String, ReportedValue>> units) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        int reporting = 0;
        int withheld = 0;
        int incomplete = 0;
        for (Map<String, ReportedValue> unit : units) {
            ReportedValue score = unit.get(ZHONGKAO_SCORE);
            ReportedValue candidates = unit.get(ZHONGKAO_CANDIDATES);
            if (isReported(score) && isReported(candidates)) {
                weighted = weighted.add(score.value().multiply(candidates.value()));
                weights = weights.add(candidates.value());
                reporting++;
            } else if (isIncomplete(unit, ZHONGKAO_SCORE)
                    || (score != null && isIncomplete(unit, ZHONGKAO_CANDIDATES))) {
                incomplete++;
            } else if (score != null && (!isReported(score) || candidates != null)) {
                withheld++;
            }
        }
        return quotient(weighted, weights, weighted, reporting, withheld, incomplete);
    }

    private static Expected quotient(BigDecimal dividend, BigDecimal divisor, BigDecimal numerator, int reporting, int withheld,
                                     int incomplete) {
        if (reporting + withheld + incomplete == 0) {
            return null;
        }
        BigDecimal value = reporting == 0 || divisor.signum() == 0 ? null : dividend.divide(divisor, MathContext.DECIMAL64);
        return new Expected(value, numerator, divisor, reporting, withheld, incomplete);
    }

    /** Stated for some quarters of the period but not all. */
    private static boolean isIncomplete(Map<String, ReportedValue> unit, String indicator) {
        return unit.containsKey(indicator) && unit.get(indicator) == null;
    }

    private static boolean isReported(ReportedValue value) {
        return value != null && value.status() == ValueStatus.REPORTED;
    }

    private static void assertFigure(Map<String, AggregateEvent> published, String key, Expected expected, String when) {
        AggregateEvent actual = published.get(key);
        if (expected == null) {
            assertThat(actual).as(key + " is absent or tombstoned " + when).isNull();
            return;
        }
        assertThat(actual).as(key + " " + when).isNotNull();
        assertThat(actual.reportingUnits()).as(key + " reporting units " + when).isEqualTo(expected.reporting());
        assertThat(actual.withheldUnits()).as(key + " withheld units " + when).isEqualTo(expected.withheld());
        assertThat(actual.incompleteUnits()).as(key + " incomplete units " + when).isEqualTo(expected.incomplete());
        assertSameNumber(actual.value(), expected.value(), key + " value " + when);
        if (Stream.of(ENROLMENT_RATE, CONTRACT_AVERAGE, ZHONGKAO_SCORE).anyMatch(key::startsWith)) {
            assertSameNumber(actual.numerator(), expected.numerator(), key + " numerator " + when);
            assertSameNumber(actual.denominator(), expected.denominator(), key + " denominator " + when);
        }
    }

    private static void assertSameNumber(BigDecimal actual, BigDecimal expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull().isEqualByComparingTo(expected);
        }
    }
}
