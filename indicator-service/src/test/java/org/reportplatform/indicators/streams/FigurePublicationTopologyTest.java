package org.reportplatform.indicators.streams;

import static org.reportplatform.indicators.streams.TestRegions.DAYU;
import static org.reportplatform.indicators.streams.TestRegions.GANZHOU;
import static org.reportplatform.indicators.streams.TestRegions.JIANGXI;
import static org.reportplatform.indicators.streams.TestRegions.XINFENG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;

/**
 * How figures are published (docs/adr/0018): each changed figure once per emission, however many submissions changed
 * it; county figures name the submission versions they are made of; the marks of what is still to be published are
 * state like the tallies, in the changelog and kept over a restart.
 */
class FigurePublicationTopologyTest {

    private static final Catalogue CATALOGUE = Catalogue.load();

    private static final String SCHOOLS = "edu_school_count";
    private static final String ENROLMENT_RATE = "pre_gross_enrolment_rate";
    private static final String ENROLLED = "pre_enrolled_children";
    private static final String CHILDREN_3_5 = "pop_age_3_5";
    private static final String CONTRACTS = "sci_tech_contract_count";
    private static final String EDUCATION = "edu_annual";
    private static final String SCIENCE = "sci_annual";
    private static final String QUARTERLY = "sci_quarterly";

    private AggregationDriver driver;

    @BeforeEach
    void startDriver() {
        driver = new AggregationDriver(CATALOGUE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void eachChangedFigureIsPublishedOncePerEmissionWithItsLatestValue() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "120"));
        driver.submit(Submission.of(DAYU, EDUCATION).reported(SCHOOLS, "80"));
        driver.submit(Submission.of(XINFENG, EDUCATION).version(2).reported(SCHOOLS, "125"));
        driver.emit();

        List<KeyValue<String, String>> published = driver.published();
        Map<String, Long> perKey = published.stream()
                .collect(Collectors.groupingBy(record -> record.key, Collectors.counting()));
        assertThat(perKey).containsOnlyKeys(key(SCHOOLS, XINFENG), key(SCHOOLS, DAYU), key(SCHOOLS, GANZHOU),
                key(SCHOOLS, JIANGXI));
        assertThat(perKey.values()).as("three submissions touched the city and the province, each published once")
                .containsOnly(1L);
        Map<String, AggregateEvent> figures = parsed(published);
        assertThat(figures.get(key(SCHOOLS, GANZHOU)).value()).isEqualByComparingTo("205");
        assertThat(figures.get(key(SCHOOLS, XINFENG)).value()).isEqualByComparingTo("125");
        assertThat(figures.get(key(SCHOOLS, JIANGXI)).reportingUnits()).isEqualTo(2);

        driver.emit();
        assertThat(driver.published()).as("nothing changed since").isEmpty();
    }

    @Test
    void aCountyFigureNamesTheVersionsOfEveryFormStatingItsValue() {
        Submission science = Submission.of(XINFENG, SCIENCE).submittedAt(Submission.BASE.plusSeconds(7200))
                .reported(CHILDREN_3_5, "4100");
        Submission education = Submission.of(XINFENG, EDUCATION).version(2)
                .reported(ENROLLED, "3000").reported(CHILDREN_3_5, "4000");
        driver.submit(science);
        assertThat(driver.aggregate(CHILDREN_3_5, XINFENG).sources()).containsExactly(counted(science));

        driver.submit(education);

        assertThat(driver.aggregate(CHILDREN_3_5, XINFENG).sources())
                .as("the owner form's, whose value counts, and the later other form's it overrides")
                .containsExactly(counted(education), counted(science));
        assertThat(driver.aggregate(CHILDREN_3_5, XINFENG).value()).isEqualByComparingTo("4000");
        assertThat(driver.aggregate(ENROLMENT_RATE, XINFENG).sources()).as("the forms stating its components")
                .containsExactly(counted(education), counted(science));
        assertThat(driver.aggregate(CHILDREN_3_5, GANZHOU).sources()).isEmpty();
        assertThat(driver.aggregate(CHILDREN_3_5, JIANGXI).sources()).isEmpty();
    }

    @Test
    void aYearOfQuartersNamesEachQuartersCountingVersion() {
        Submission q1 = quarter("2024Q1", 1, "10");
        Submission q1Revised = quarter("2024Q1", 2, "12");
        Submission q2 = quarter("2024Q2", 1, "20");
        Submission q3 = quarter("2024Q3", 1, "30");
        Submission q4 = quarter("2024Q4", 1, "40");
        List.of(q1, q2, q3, q1Revised, q4).forEach(driver::submit);

        AggregateEvent year = driver.aggregate(CONTRACTS, XINFENG, "2024");
        assertThat(year.value()).isEqualByComparingTo("102");
        assertThat(year.sources()).containsExactly(counted(q1Revised), counted(q2), counted(q3), counted(q4));
        assertThat(driver.aggregate(CONTRACTS, XINFENG, "2024S1").sources())
                .containsExactly(counted(q1Revised), counted(q2));
        assertThat(driver.aggregate(CONTRACTS, GANZHOU, "2024").sources()).isEmpty();
    }

    @Test
    void figuresOfAcceptedDataNameTheAcceptedVersionsAndAHeldVersionIsInNone() {
        Submission accepted = Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "120")
                .reviewStatus(ReviewStatus.ACCEPTED);
        Submission revised = Submission.of(XINFENG, EDUCATION).version(2).reported(SCHOOLS, "125");
        Submission held = Submission.of(XINFENG, EDUCATION).version(3).reported(SCHOOLS, "999").held();
        driver.submit(accepted);
        driver.submit(revised);
        driver.submit(held);

        assertThat(driver.aggregate(SCHOOLS, XINFENG, "2023", ValueKind.ACTUAL, Basis.ACCEPTED).sources())
                .containsExactly(counted(accepted));
        assertThat(driver.aggregate(SCHOOLS, XINFENG).sources()).as("the latest version not held")
                .containsExactly(counted(revised));
    }

    @Test
    void theMarksOfUnpublishedFiguresCommitWithTheTalliesAndAreClearedByThePublication() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "120"));

        List<String> figureKeys = List.of(key(SCHOOLS, XINFENG), key(SCHOOLS, GANZHOU), key(SCHOOLS, JIANGXI));
        Map<String, byte[]> marked = lastPerKey(driver.changelog(SubmissionProcessor.CHANGED_FIGURES));
        assertThat(marked).containsOnlyKeys(figureKeys);
        assertThat(marked.values()).doesNotContainNull();
        assertThat(lastPerKey(driver.changelog(SubmissionProcessor.FIGURES))).containsOnlyKeys(figureKeys);

        driver.emit();

        assertThat(driver.published()).hasSize(3);
        Map<String, byte[]> cleared = lastPerKey(driver.changelog(SubmissionProcessor.CHANGED_FIGURES));
        assertThat(cleared).containsOnlyKeys(figureKeys);
        assertThat(cleared.values()).as("tombstones").containsOnlyNulls();
    }

    @Test
    void figuresCommittedButNotYetPublishedWhenAnInstanceFailsArePublishedOnceByTheNext() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "120"));
        driver.emit();
        assertThat(driver.published()).hasSize(3);
        driver.submit(Submission.of(DAYU, EDUCATION).reported(SCHOOLS, "80"));

        driver.failOver();
        driver.emit();

        Map<String, AggregateEvent> published = parsed(driver.published());
        assertThat(published).as("what was published before the failure is not published again")
                .containsOnlyKeys(key(SCHOOLS, DAYU), key(SCHOOLS, GANZHOU), key(SCHOOLS, JIANGXI));
        assertThat(published.get(key(SCHOOLS, GANZHOU)).value()).isEqualByComparingTo("200");

        // the restored tallies are whole: a revision after the failover moves the city by exactly its difference
        driver.submit(Submission.of(DAYU, EDUCATION).version(2).reported(SCHOOLS, "70"));
        assertThat(driver.aggregate(SCHOOLS, GANZHOU).value()).isEqualByComparingTo("190");
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).reportingUnits()).isEqualTo(2);
    }

    private Submission quarter(String quarter, int version, String contracts) {
        return Submission.of(XINFENG, QUARTERLY).period(quarter).version(version).reported(CONTRACTS, contracts);
    }

    private static CountedSubmission counted(Submission submission) {
        SubmissionEvent event = submission.event();
        return new CountedSubmission(event.submissionId(), event.dataset(), event.period(), event.version());
    }

    private static String key(String indicator, String region) {
        return indicator + "|" + region + "|2023|actual|received";
    }

    private static Map<String, AggregateEvent> parsed(List<KeyValue<String, String>> published) {
        return published.stream().collect(Collectors.toMap(record -> record.key,
                record -> EventJson.read(record.value, AggregateEvent.class)));
    }

    private static Map<String, byte[]> lastPerKey(List<KeyValue<String, byte[]>> changelog) {
        Map<String, byte[]> last = new HashMap<>();
        changelog.forEach(record -> last.put(record.key, record.value));
        return last;
    }
}
