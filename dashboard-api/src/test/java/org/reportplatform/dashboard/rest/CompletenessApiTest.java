package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.reportplatform.dashboard.support.SameNumber.exactNumbers;
import static org.reportplatform.dashboard.support.SameNumber.sameNumber;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.dashboard.domain.SubmissionReceipt;
import org.reportplatform.dashboard.domain.SubmissionReceiptId;
import org.reportplatform.dashboard.domain.SubmissionReceiptRepository;
import org.reportplatform.dashboard.listener.SubmissionListener;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.LogCapture;
import org.reportplatform.dashboard.support.SubmissionPublisher;
import org.reportplatform.dashboard.support.TestTopicsResource;

/**
 * Submissions go through the real broker and the real database. The submissions topic has one partition, so a test
 * that sees its last event counted knows every earlier one was consumed. Each test uses its own period; report-intake's
 * tests, which share the topic, submit 2019 and 2020.
 */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class CompletenessApiTest {

    private static final Duration CONSUMPTION_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    SubmissionPublisher publisher;

    @Inject
    SubmissionReceiptRepository receipts;

    @Test
    void aCityCountsItsUnitsOnTimeLateAndMissing() {
        // 2011 is due 2012-01-31, China time
        publisher.publish(Events.submission("360723", "sci_annual", "2011", 1, "2012-01-10T02:00:00Z"));
        publisher.publish(Events.submission("360102", "edu_annual", "2011", 1, "2012-01-10T02:00:00Z"));
        publisher.publish(Events.submission("360702", "edu_annual", "2011", 1, "2012-01-10T02:00:00Z"));
        publisher.publish(Events.submission("360703", "edu_annual", "2011", 1, "2012-01-31T15:59:59Z"));
        publisher.publish(Events.submission("360704", "edu_annual", "2011", 1, "2012-01-31T16:30:00Z"));
        publisher.publish(Events.submission("360722", "edu_annual", "2011", 1, "2012-02-10T03:00:00Z"));

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("edu_annual", "2011", "360700")
                .body("received", equalTo(4)));
        completeness("edu_annual", "2011", "360700")
                .body("dataset", equalTo("edu_annual"))
                .body("period", equalTo("2011"))
                .body("region", equalTo("360700"))
                .body("regionName", equalTo("赣州市"))
                .body("dueDate", equalTo("2012-01-31"))
                .body("expected", equalTo(18))
                // 23:59:59 in China on the due date is on time; half past midnight the next day is late
                .body("onTime", equalTo(2))
                .body("late", equalTo(2))
                .body("missing", equalTo(14))
                .body("reportingRate", sameNumber("22.22222222222222"))
                .body("children", hasSize(18))
                .body("children[0..4].region", contains("360702", "360703", "360704", "360722", "360723"))
                .body("children[0].regionName", equalTo("章贡区"))
                .body("children[0].expected", equalTo(1))
                .body("children[0].received", equalTo(1))
                .body("children[0].onTime", equalTo(1))
                .body("children[0].reportingRate", sameNumber("100"))
                .body("children[2].late", equalTo(1))
                .body("children[2].onTime", equalTo(0))
                .body("children[4].received", equalTo(0))
                .body("children[4].missing", equalTo(1))
                .body("children[4].reportingRate", sameNumber("0"))
                .body("missingUnits", hasSize(14))
                .body("missingUnits[0..1].code", contains("360723", "360724"))
                .body("missingUnits[0].name", equalTo("大余县"))
                .body("lateUnits.code", contains("360722", "360704"))
                .body("lateUnits.name", contains("信丰县", "赣县区"))
                .body("lateUnits.daysLate", contains(10, 1))
                .body("lateUnits[1].submittedAt", equalTo("2012-01-31T16:30:00Z"));
    }

    @Test
    void aRevisionDoesNotChangeWhenAUnitFirstSubmittedAndARepeatChangesNothing() {
        // 2013 is due 2014-01-31
        SubmissionEvent onTime = Events.submission("360302", "edu_annual", "2013", 1, "2014-01-20T00:00:00Z");
        SubmissionEvent lateRevision = Events.submission("360302", "edu_annual", "2013", 2, "2014-03-01T00:00:00Z");
        publisher.publish(onTime);
        publisher.publish(lateRevision);
        // the relay may reorder revisions: the second version arrives first
        SubmissionEvent revisionFirst = Events.submission("360313", "edu_annual", "2013", 2, "2014-02-15T00:00:00Z");
        SubmissionEvent firstVersionLater = Events.submission("360313", "edu_annual", "2013", 1, "2014-01-25T00:00:00Z");
        publisher.publish(revisionFirst);
        publisher.publish(firstVersionLater);
        SubmissionEvent repeated = Events.submission("360321", "edu_annual", "2013", 1, "2014-01-22T00:00:00Z");
        publisher.publish(repeated);
        publisher.publish(repeated);
        publisher.publish(Events.submission("360322", "edu_annual", "2013", 1, "2014-02-01T00:00:00Z"));

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("edu_annual", "2013", "360300")
                .body("received", equalTo(4)));
        completeness("edu_annual", "2013", "360300")
                .body("expected", equalTo(5))
                .body("onTime", equalTo(3))
                .body("late", equalTo(1))
                .body("missing", equalTo(1))
                .body("lateUnits.code", contains("360322"))
                .body("missingUnits.code", contains("360323"));
        completeness("edu_annual", "2013", "360302")
                .body("regionName", equalTo("安源区"))
                .body("expected", equalTo(1))
                .body("received", equalTo(1))
                .body("onTime", equalTo(1))
                .body("reportingRate", sameNumber("100"))
                .body("children", empty())
                .body("missingUnits", empty())
                .body("lateUnits", empty());

        assertThat(receipt("360302")).satisfies(receipt -> {
            assertThat(receipt.firstSubmittedAt).isEqualTo(onTime.submittedAt());
            assertThat(receipt.latestVersion).isEqualTo(2);
            assertThat(receipt.latestSubmissionId).isEqualTo(lateRevision.submissionId());
            assertThat(receipt.latestSubmittedAt).isEqualTo(lateRevision.submittedAt());
        });
        assertThat(receipt("360313")).satisfies(receipt -> {
            assertThat(receipt.firstSubmittedAt).isEqualTo(firstVersionLater.submittedAt());
            assertThat(receipt.latestVersion).isEqualTo(2);
            assertThat(receipt.latestSubmissionId).isEqualTo(revisionFirst.submissionId());
            assertThat(receipt.latestSubmittedAt).isEqualTo(revisionFirst.submittedAt());
        });
        assertThat(receipt("360321")).satisfies(receipt -> {
            assertThat(receipt.firstSubmittedAt).isEqualTo(repeated.submittedAt());
            assertThat(receipt.latestVersion).isEqualTo(1);
            assertThat(receipt.latestSubmissionId).isEqualTo(repeated.submissionId());
        });
    }

    @Test
    void theCitiesOfAProvinceAreRankedByReportingRateThenByCode() {
        // neither a unit of another province nor a code the registry does not know counts
        publisher.publish(Events.submission("110101", "edu_annual", "2014", 1, "2015-01-10T00:00:00Z"));
        publisher.publish(Events.submission("369999", "edu_annual", "2014", 1, "2015-01-10T00:00:00Z"));
        for (String unit : new String[] {"360302", "360502", "360521", "360602", "360603", "360681"}) {
            publisher.publish(Events.submission(unit, "edu_annual", "2014", 1, "2015-01-10T00:00:00Z"));
        }

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("edu_annual", "2014", "360000")
                .body("children.find { it.region == '360600' }.received", equalTo(3)));
        completeness("edu_annual", "2014", "360000")
                .body("regionName", equalTo("江西省"))
                .body("expected", equalTo(103))
                .body("received", equalTo(6))
                .body("reportingRate", sameNumber("5.825242718446602"))
                .body("children.region", contains("360500", "360600", "360300", "360100", "360200", "360400",
                        "360700", "360800", "360900", "361000", "361100"))
                .body("children[0..1].reportingRate", everyItem(sameNumber("100")))
                .body("children[2].reportingRate", sameNumber("20"))
                .body("children[2].expected", equalTo(5))
                .body("children[3..10].reportingRate", everyItem(sameNumber("0")))
                .body("children.find { it.region == '360100' }.expected", equalTo(11))
                .body("missingUnits", hasSize(97))
                .body("lateUnits", empty());
    }

    @Test
    void unreadableSubmissionsAreLoggedAndSkippedAndTheNextOneLands() {
        SubmissionEvent fine = Events.submission("360704", "edu_annual", "2015", 1, "2016-01-10T00:00:00Z");
        try (LogCapture log = LogCapture.of(SubmissionListener.class)) {
            long notJson = publisher.sendRaw("360702", "{not json");
            long otherRegion = publisher.sendRaw("360703", EventJson.write(
                    Events.submission("360702", "edu_annual", "2015", 1, "2016-01-10T00:00:00Z")));
            SubmissionEvent timeless = Events.submission("360722", "edu_annual", "2015", 1, "2016-01-10T00:00:00Z");
            long noTime = publisher.sendRaw("360722", EventJson.write(new SubmissionEvent(timeless.submissionId(),
                    timeless.submissionKey(), timeless.region(), timeless.dataset(), timeless.period(), 1, null, List.of(), null)));
            publisher.publish(fine);

            await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("edu_annual", "2015", "360700")
                    .body("received", equalTo(1))
                    .body("children[0].region", equalTo("360704")));
            String skipped = "Skipping unreadable record test-dashboard-report-submissions-0@";
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith(skipped + notJson + " (key 360702)").contains("not a SubmissionEvent"));
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith(skipped + otherRegion + " (key 360703)").contains("carries a submission of region 360702"));
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith(skipped + noTime + " (key 360722)").contains("no submittedAt"));
        }
    }

    private SubmissionReceipt receipt(String region) {
        return receipts.findByIdOptional(new SubmissionReceiptId(region, "edu_annual", "2013")).orElseThrow();
    }

    @Test
    void onlyTheUnitsAFormIsAssignedToAreExpected() {
        publisher.publish(Events.submission("360102", "spt_annual", "2016", 1, "2017-01-10T00:00:00Z"));

        // Nanchang has 11 units, two of them development zones, which the sports form is not assigned to
        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("spt_annual", "2016", "360100")
                .body("received", equalTo(1)));
        completeness("spt_annual", "2016", "360100")
                .body("expected", equalTo(9))
                .body("missingUnits.code", not(hasItem("360190")))
                .body("missingUnits", hasSize(8));
        completeness("sci_annual", "2016", "360100").body("expected", equalTo(11));
    }

    private static ValidatableResponse completeness(String dataset, String period, String region) {
        return given().config(exactNumbers())
                .queryParam("dataset", dataset).queryParam("period", period).queryParam("region", region)
                .when().get("/api/v1/completeness")
                .then().statusCode(200).contentType("application/json");
    }
}
