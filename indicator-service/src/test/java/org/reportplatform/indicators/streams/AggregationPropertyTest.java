package org.reportplatform.indicators.streams;

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
 * units of two cities, in a yearly and a quarterly form: after every record, each county, city and province figure,
 * of every period, kind and basis, must equal a recomputation written out here from the latest version (or the
 * latest accepted version) of every form of every unit, without the production code's tallies or period logic.
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
    /** Which indicators each form may state: pop_age_3_5 is in two. */
    private static final Map<String, List<String>> FORMS = Map.of(
            "edu_annual", List.of(SCHOOLS, ENROLLED, CHILDREN_3_5, ENROLMENT_RATE, ZHONGKAO_SCORE, ZHONGKAO_CANDIDATES),
            "sci_annual", List.of(CHILDREN_3_5),
            QUARTERLY_FORM, List.of(CONTRACTS, CONTRACT_AMOUNT, CONTRACT_AVERAGE, PLATFORMS));
    private static final List<String> QUARTERS = List.of("2023Q1", "2023Q2", "2023Q3", "2023Q4");
    /** Every period a figure exists for, with the quarters that make it up (written out, not derived). */
    private static final Map<String, List<String>> PERIODS = Map.of(
            "2023", QUARTERS,
            "2023S1", List.of("2023Q1", "2023Q2"),
            "2023S2", List.of("2023Q3", "2023Q4"),
            "2023Q1", List.of("2023Q1"), "2023Q2", List.of("2023Q2"),
            "2023Q3", List.of("2023Q3"), "2023Q4", List.of("2023Q4"));

    private record Expected(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int reporting, int withheld) {
    }

    /** What a unit states of one indicator for one period, with when it said so. */
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
        try (AggregationDriver driver = new AggregationDriver(CATALOGUE)) {
            for (int i = 0; i < EVENTS; i++) {
                String unit = UNITS.get(random.nextInt(UNITS.size()));
                String form = List.of("edu_annual", "edu_annual", "sci_annual", QUARTERLY_FORM, QUARTERLY_FORM)
                        .get(random.nextInt(5));
                String period = form.equals(QUARTERLY_FORM) ? QUARTERS.get(random.nextInt(QUARTERS.size())) : "2023";
                String series = unit + "|" + form + "|" + period;
                List<SubmissionEvent> history = generated.computeIfAbsent(series, k -> new ArrayList<>());
                int roll = random.nextInt(12);
                SubmissionEvent event;
                if (history.isEmpty() || roll < 5) {
                    event = randomSubmission(unit, form, period, history.size() + 1, random);
                    history.add(event);
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
            assertThat(published.values()).as("figures with reporting units").anyMatch(e -> e != null && e.reportingUnits() > 1);
            assertThat(published.values()).as("figures with withheld units").anyMatch(e -> e != null && e.withheldUnits() > 0);
            assertThat(published.values()).as("accepted figures of a year from quarters").anyMatch(e -> e != null
                    && e.basis() == Basis.ACCEPTED && e.period().value().equals("2023") && e.reportingUnits() > 0
                    && FLOWS.contains(e.indicator().value()));
            assertThat(published.values()).as("targets").anyMatch(e -> e != null && e.kind() == ValueKind.TARGET);
            // every submission here is one intake would publish: none of them is a dead letter
            assertThat(driver.deadLetters()).as("dead letters").isEmpty();
        }
    }

    private static SubmissionEvent newer(SubmissionEvent stored, SubmissionEvent sent) {
        return sent.version() > stored.version() ? sent : stored;
    }

    private static SubmissionEvent randomSubmission(String unit, String form, String period, int version, Random random) {
        Submission submission = Submission.of(unit, form).period(period).version(version)
                .submittedAt(Submission.BASE.plusSeconds(60L * version + random.nextInt(120)));
        for (String indicator : FORMS.get(form)) {
            int roll = random.nextInt(20);
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
     * its quarters rolled up (flows summed, withheld if any quarter withholds; stocks from the latest quarter); across
     * forms, the one stated most recently.
     */
    private static Map<String, ReportedValue> statementsOf(String unit, String period, ValueKind kind,
                                                           Map<String, SubmissionEvent> latest) {
        Map<String, Stated> statements = new HashMap<>();
        for (String form : FORMS.keySet()) {
            List<String> periods = form.equals(QUARTERLY_FORM) ? PERIODS.get(period) : List.of(period);
            List<SubmissionEvent> sent = periods.stream()
                    .map(p -> latest.get(unit + "|" + form + "|" + p)).filter(e -> e != null).toList();
            if (sent.isEmpty()) {
                continue;
            }
            Instant at = sent.stream().map(SubmissionEvent::submittedAt).max(Comparator.naturalOrder()).orElseThrow();
            for (String indicator : FORMS.get(form)) {
                ReportedValue rolled = null;
                for (SubmissionEvent quarter : sent) {
                    ReportedValue value = statedValue(quarter, indicator, kind);
                    if (value == null) {
                        continue;
                    }
                    if (rolled == null || !FLOWS.contains(indicator)) {
                        rolled = value;
                    } else if (rolled.status() == ValueStatus.REPORTED) {
                        rolled = value.status() == ValueStatus.REPORTED
                                ? new ReportedValue(value.indicator(), rolled.value().add(value.value()), ValueStatus.REPORTED, kind)
                                : value;
                    }
                }
                if (rolled != null) {
                    Stated candidate = new Stated(rolled, at, form);
                    statements.merge(indicator, candidate, (a, b) ->
                            Comparator.comparing(Stated::at).thenComparing(Stated::form).compare(a, b) >= 0 ? a : b);
                }
            }
        }
        Map<String, ReportedValue> values = new HashMap<>();
        statements.forEach((indicator, stated) -> values.put(indicator, stated.value()));
        return values;
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

    private static Expected expectedRatio(String numeratorCode, String denominatorCode, String rateCode, BigDecimal factor,
                                          List<Map<String, ReportedValue>> units) {
        BigDecimal numerators = BigDecimal.ZERO;
        BigDecimal denominators = BigDecimal.ZERO;
        int reporting = 0;
        int withheld = 0;
        for (Map<String, ReportedValue> unit : units) {
            ReportedValue numerator = unit.get(numeratorCode);
            ReportedValue denominator = unit.get(denominatorCode);
            ReportedValue rate = unit.get(rateCode);
            if (isReported(numerator) && isReported(denominator)) {
                numerators = numerators.add(numerator.value());
                denominators = denominators.add(denominator.value());
                reporting++;
            } else if (numerator != null || (rate != null && !isReported(rate))) {
                withheld++;
            }
        }
        return quotient(numerators.multiply(factor), denominators, numerators, reporting, withheld);
    }

    private static Expected expectedWeightedAverage(List<Map<String, ReportedValue>> units) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        int reporting = 0;
        int withheld = 0;
        for (Map<String, ReportedValue> unit : units) {
            ReportedValue score = unit.get(ZHONGKAO_SCORE);
            ReportedValue candidates = unit.get(ZHONGKAO_CANDIDATES);
            if (isReported(score) && isReported(candidates)) {
                weighted = weighted.add(score.value().multiply(candidates.value()));
                weights = weights.add(candidates.value());
                reporting++;
            } else if (score != null && (!isReported(score) || candidates != null)) {
                withheld++;
            }
        }
        return quotient(weighted, weights, weighted, reporting, withheld);
    }

    private static Expected quotient(BigDecimal dividend, BigDecimal divisor, BigDecimal numerator, int reporting, int withheld) {
        if (reporting + withheld == 0) {
            return null;
        }
        BigDecimal value = reporting == 0 || divisor.signum() == 0 ? null : dividend.divide(divisor, MathContext.DECIMAL64);
        return new Expected(value, numerator, divisor, reporting, withheld);
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
