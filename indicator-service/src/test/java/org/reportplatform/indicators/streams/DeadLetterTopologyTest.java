package org.reportplatform.indicators.streams;

import static org.reportplatform.indicators.streams.TestRegions.DAYU;
import static org.reportplatform.indicators.streams.TestRegions.GANZHOU;
import static org.reportplatform.indicators.streams.TestRegions.JIANGXI;
import static org.reportplatform.indicators.streams.TestRegions.XINFENG;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.event.EventJson;

/**
 * Records of the submissions topic that cannot be applied go to the dead-letter topic as they came, with why and
 * where in headers, and the records after them are applied as usual.
 */
class DeadLetterTopologyTest {

    private static final String SCHOOLS = "edu_school_count";
    private static final String EDUCATION = "edu_annual";

    /** A record sent, and what its dead letter says: the category and a part of the reason. */
    private record Poison(String key, String value, String category, String reasonPart) {
    }

    private AggregationDriver driver;

    @BeforeEach
    void startDriver() {
        driver = new AggregationDriver(Catalogue.load());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void everyKindOfUnusableRecordIsADeadLetterWithItsReasonAndTheStreamGoesOn() {
        String miskeyed = EventJson.write(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "999").event());
        String unknownForm = EventJson.write(Submission.of(XINFENG, "edu_monthly").reported(SCHOOLS, "999").event());
        String quarterOfAYearlyForm = EventJson.write(
                Submission.of(XINFENG, EDUCATION).period("2023Q1").reported(SCHOOLS, "999").event());
        String cityAsUnit = EventJson.write(Submission.of(GANZHOU, EDUCATION).reported(SCHOOLS, "999").event());
        String reportedWithoutValue = "{\"region\":\"360722\",\"dataset\":\"edu_annual\",\"period\":\"2023\","
                + "\"version\":1,\"submittedAt\":\"2024-01-15T02:01:00Z\","
                + "\"values\":[{\"indicator\":\"edu_school_count\",\"status\":\"REPORTED\"}]}";
        List<Poison> poison = List.of(
                new Poison(XINFENG, "{not json", "unreadable", "an unreadable submission (not a SubmissionEvent"),
                new Poison(XINFENG, null, "empty", "an empty record"),
                new Poison(XINFENG, "{}", "unreadable", "an unreadable submission"),
                new Poison(XINFENG, reportedWithoutValue, "unreadable",
                        "a value is given exactly when the status is reported"),
                new Poison(XINFENG, "{\"region\":\"360722\",\"dataset\":\"edu_annual\",\"version\":1,\"values\":[]}",
                        "incomplete", "without region, dataset, period or time"),
                new Poison(GANZHOU, cityAsUnit, "not-a-reporting-unit", "360700 is not a county-level reporting unit"),
                new Poison(XINFENG, miskeyed, "miskeyed", "keyed 360722 instead of by its province 360000"),
                new Poison(JIANGXI, unknownForm, "unknown-form", "the catalogue has no form edu_monthly"),
                new Poison(JIANGXI, quarterOfAYearlyForm, "wrong-period-type",
                        "edu_annual is reported per YEARLY period; 2023Q1 is QUARTERLY"));
        poison.forEach(record -> driver.pipeRaw(record.key(), record.value()));
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "120"));

        List<TestRecord<String, String>> deadLetters = driver.deadLetters();
        assertThat(deadLetters).hasSize(poison.size());
        for (int offset = 0; offset < poison.size(); offset++) {
            Poison sent = poison.get(offset);
            TestRecord<String, String> deadLetter = deadLetters.get(offset);
            assertThat(deadLetter.key()).isEqualTo(sent.key());
            assertThat(deadLetter.value()).isEqualTo(sent.value());
            assertThat(header(deadLetter, DeadLetters.CATEGORY)).isEqualTo(sent.category());
            assertThat(header(deadLetter, DeadLetters.REASON)).contains(sent.reasonPart());
            assertThat(header(deadLetter, DeadLetters.SOURCE_TOPIC)).isEqualTo("report-submissions");
            assertThat(header(deadLetter, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(deadLetter, DeadLetters.SOURCE_OFFSET)).isEqualTo(String.valueOf(offset));
            assertThat(header(deadLetter, DeadLetters.FAILED_AT)).isEqualTo(AggregationDriver.NOW.toString());
        }
        assertThat(driver.meters().counter(DeadLetters.COUNTER, "reason", "unreadable").count()).isEqualTo(3);
        assertThat(driver.meters().counter(DeadLetters.COUNTER, "reason", "wrong-period-type").count()).isEqualTo(1);

        // nothing of the poison reached a figure, and the submission after it is applied
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).value()).isEqualByComparingTo("120");
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).reportingUnits()).isEqualTo(1);
    }

    @Test
    void aRecordWithoutKeyIsADeadLetterWithoutKeyAndKeepsItsOwnHeaders() {
        String submission = EventJson.write(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "120").event());
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        driver.pipeRaw(new TestRecord<>(null, submission, headers));

        TestRecord<String, String> deadLetter = driver.deadLetters().get(0);
        assertThat(deadLetter.key()).isNull();
        assertThat(deadLetter.value()).isEqualTo(submission);
        assertThat(header(deadLetter, DeadLetters.CATEGORY)).isEqualTo("miskeyed");
        assertThat(header(deadLetter, "traceparent")).startsWith("00-0af7651916cd43dd");
        assertThat(driver.latest()).isEmpty();
    }

    @Test
    void indicatorsTheCatalogueDoesNotKnowAreLeftOutAndTheRestIsApplied() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "120").reported("edu_robot_count", "7"));

        assertThat(driver.deadLetters()).isEmpty();
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).value()).isEqualByComparingTo("120");
        assertThat(driver.latest().keySet()).noneMatch(key -> key.startsWith("edu_robot_count|"));
    }

    @Test
    void aHeldSubmissionCountsInNoFigureAndIsNoDeadLetterUntilItIsReleased() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "120"));
        driver.submit(Submission.of(XINFENG, EDUCATION).version(2).reported(SCHOOLS, "150").held());
        driver.submit(Submission.of(DAYU, EDUCATION).reported(SCHOOLS, "80").held());

        assertThat(driver.deadLetters()).isEmpty();
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).value()).as("Xinfeng's version 1 still counts").isEqualByComparingTo("120");
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).reportingUnits()).isEqualTo(1);
        assertThat(driver.latest()).doesNotContainKey(SCHOOLS + "|" + DAYU + "|2023|actual|received");

        // explained and released, the same versions are published again without the hold, and count
        driver.submit(Submission.of(XINFENG, EDUCATION).version(2).reported(SCHOOLS, "150"));
        driver.submit(Submission.of(DAYU, EDUCATION).reported(SCHOOLS, "80"));
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).value()).isEqualByComparingTo("230");
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).reportingUnits()).isEqualTo(2);
    }

    @Test
    void targetsACityOrTheProvinceSetForItselfAreSkippedNotDeadLettersAndInNoFigure() {
        driver.submit(Submission.of(GANZHOU, EDUCATION).target(SCHOOLS, "900"));
        driver.submit(Submission.of(JIANGXI, EDUCATION).target(SCHOOLS, "5000"));
        driver.submit(Submission.of(GANZHOU, EDUCATION).version(2).target(SCHOOLS, "900").reported(SCHOOLS, "850"));

        List<TestRecord<String, String>> deadLetters = driver.deadLetters();
        assertThat(deadLetters).as("only the one with an actual value").hasSize(1);
        assertThat(header(deadLetters.get(0), DeadLetters.CATEGORY)).isEqualTo("not-a-reporting-unit");
        assertThat(driver.latest()).isEmpty();
    }

    private static String header(TestRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
