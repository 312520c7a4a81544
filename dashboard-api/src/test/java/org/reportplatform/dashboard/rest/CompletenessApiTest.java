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
import static org.reportplatform.dashboard.support.Reports.full;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.dashboard.listener.SubmissionListener;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.LogCapture;
import org.reportplatform.dashboard.support.Reports;
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

    @Test
    void aCityCountsItsUnitsOnTimeLateAndMissing() {
        // 2024 is due 2025-01-31, China time
        publisher.publish(full("360723", "sci_annual", "2024", 1, "2025-01-10T02:00:00Z"));
        publisher.publish(full("360102", "edu_annual", "2024", 1, "2025-01-10T02:00:00Z"));
        publisher.publish(full("360702", "edu_annual", "2024", 1, "2025-01-10T02:00:00Z"));
        publisher.publish(full("360703", "edu_annual", "2024", 1, "2025-01-31T15:59:59Z"));
        publisher.publish(full("360704", "edu_annual", "2024", 1, "2025-01-31T16:30:00Z"));
        publisher.publish(full("360722", "edu_annual", "2024", 1, "2025-02-10T03:00:00Z"));

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("edu_annual", "2024", "360700")
                .body("received", equalTo(4)));
        completeness("edu_annual", "2024", "360700")
                .body("dataset", equalTo("edu_annual"))
                .body("period", equalTo("2024"))
                .body("region", equalTo("360700"))
                .body("regionName", equalTo("赣州市"))
                .body("dueDate", equalTo("2025-01-31"))
                .body("expected", equalTo(18))
                // 23:59:59 in China on the due date is on time; half past midnight the next day is late
                .body("onTime", equalTo(2))
                .body("late", equalTo(2))
                .body("missing", equalTo(14))
                .body("partialUnits", equalTo(0))
                .body("heldUnits", equalTo(0))
                .body("returnedUnits", equalTo(0))
                .body("reportingRate", sameNumber("22.22222222222222"))
                .body("timelyRate", sameNumber("11.11111111111111"))
                .body("periods", contains("2024"))
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
                .body("lateUnits.period", contains("2024", "2024"))
                .body("lateUnits[1].submittedAt", equalTo("2025-01-31T16:30:00Z"));
    }

    @Test
    void aRevisionDoesNotChangeWhenAUnitFirstSubmittedAndARepeatChangesNothing() {
        // 2013 is due 2014-01-31
        publisher.publish(full(Events.submission("360302", "edu_annual", "2013", 1, "2014-01-20T00:00:00Z")));
        publisher.publish(full(Events.submission("360302", "edu_annual", "2013", 2, "2014-03-01T00:00:00Z")));
        // the relay may reorder revisions: the second version arrives first
        publisher.publish(full(Events.submission("360313", "edu_annual", "2013", 2, "2014-02-15T00:00:00Z")));
        publisher.publish(full(Events.submission("360313", "edu_annual", "2013", 1, "2014-01-25T00:00:00Z")));
        SubmissionEvent repeated = full(Events.submission("360321", "edu_annual", "2013", 1, "2014-01-22T00:00:00Z"));
        publisher.publish(repeated);
        publisher.publish(repeated);
        publisher.publish(full("360322", "edu_annual", "2013", 1, "2014-02-01T00:00:00Z"));

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
    }

    @Test
    void theCitiesOfAProvinceAreRankedByReportingRateThenByCode() {
        // neither a unit of another province nor a code the registry does not know counts
        publisher.publish(full("110101", "edu_annual", "2023", 1, "2024-01-10T00:00:00Z"));
        publisher.publish(full("369999", "edu_annual", "2023", 1, "2024-01-10T00:00:00Z"));
        for (String unit : new String[] {"360302", "360502", "360521", "360602", "360603", "360681"}) {
            publisher.publish(full(unit, "edu_annual", "2023", 1, "2024-01-10T00:00:00Z"));
        }

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("edu_annual", "2023", "360000")
                .body("children.find { it.region == '360600' }.received", equalTo(3)));
        completeness("edu_annual", "2023", "360000")
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
        SubmissionEvent fine = full(Events.submission("360721", "edu_annual", "2015", 1, "2016-01-10T00:00:00Z"));
        try (LogCapture log = LogCapture.of(SubmissionListener.class)) {
            long notJson = publisher.sendRaw("360000", "{not json");
            long otherRegion = publisher.sendRaw("360703", EventJson.write(
                    Events.submission("360702", "edu_annual", "2015", 1, "2016-01-10T00:00:00Z")));
            SubmissionEvent timeless = Events.submission("360722", "edu_annual", "2015", 1, "2016-01-10T00:00:00Z");
            long noTime = publisher.sendRaw("360000", EventJson.write(new SubmissionEvent(timeless.submissionId(),
                    timeless.submissionKey(), timeless.region(), timeless.dataset(), timeless.period(), 1, null, List.of(), null)));
            publisher.publish(fine);

            await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("edu_annual", "2015", "360700")
                    .body("received", equalTo(1))
                    .body("children[0].region", equalTo("360721")));
            String skipped = "Skipping unreadable record test-dashboard-report-submissions-0@";
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith(skipped + notJson + " (key 360000)").contains("not a SubmissionEvent"));
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith(skipped + otherRegion + " (key 360703)").contains("carries a submission of region 360702, keyed by its province 360000"));
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith(skipped + noTime + " (key 360000)").contains("no submittedAt"));
        }
    }

    @Test
    void onlyTheUnitsAFormIsAssignedToAreExpected() {
        publisher.publish(full("360102", "spt_annual", "2016", 1, "2017-01-10T00:00:00Z"));

        // Nanchang has 11 units, two of them development zones, which the sports form is not assigned to
        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("spt_annual", "2016", "360100")
                .body("received", equalTo(1)));
        completeness("spt_annual", "2016", "360100")
                .body("expected", equalTo(9))
                .body("missingUnits.code", not(hasItem("360190")))
                .body("missingUnits", hasSize(8));
        completeness("sci_annual", "2016", "360100").body("expected", equalTo(11));
    }

    @Test
    void eachUnitIsReceivedPartialHeldReturnedOrMissingAndOnlyFullReportsAreReceived() {
        // spt_annual 2021 is due 2022-01-31
        publisher.publish(full("360702", "spt_annual", "2021", 1, "2022-01-10T02:00:00Z"));
        publisher.publish(full("360703", "spt_annual", "2021", 1, "2022-02-05T02:00:00Z"));
        // three values of a full report, a target-only report, a single value stated missing: partial, not received
        publisher.publish(Reports.firstValuesOf(Events.submission("360704", "spt_annual", "2021", 1, "2022-01-10T02:00:00Z"), 3));
        SubmissionEvent targets = full("360722", "spt_annual", "2021", 1, "2022-01-10T02:00:00Z");
        publisher.publish(Events.withValues(targets, targets.values().stream()
                .map(value -> new ReportedValue(value.indicator(), value.value(), ValueStatus.REPORTED, ValueKind.TARGET))
                .toArray(ReportedValue[]::new)));
        publisher.publish(Events.withValues(Events.submission("360723", "spt_annual", "2021", 1, "2022-01-10T02:00:00Z"),
                new ReportedValue(IndicatorCode.of("spt_venue_area"), null, ValueStatus.MISSING)));
        // returned by the city: not received until sent again, and then on time by its first version
        SubmissionEvent returned = full("360724", "spt_annual", "2021", 1, "2022-01-10T02:00:00Z");
        publisher.publish(returned);
        publisher.publish(returned.withReviewStatus(ReviewStatus.RETURNED));
        SubmissionEvent sentAgainLater = full("360725", "spt_annual", "2021", 1, "2022-01-10T02:00:00Z");
        publisher.publish(sentAgainLater);
        publisher.publish(sentAgainLater.withReviewStatus(ReviewStatus.RETURNED));
        publisher.publish(full("360725", "spt_annual", "2021", 2, "2022-02-20T02:00:00Z"));
        // withheld as redacted is stated: a full report
        SubmissionEvent redacted = full("360729", "spt_annual", "2021", 1, "2022-01-10T02:00:00Z");
        publisher.publish(Events.withValues(redacted, redacted.values().stream()
                .map(value -> new ReportedValue(value.indicator(), null, ValueStatus.REDACTED))
                .toArray(ReportedValue[]::new)));
        // held for an explanation (待说明), never 未报: alone, and after a full version that still counts in the figures
        publisher.publish(Reports.held(full("360726", "spt_annual", "2021", 1, "2022-01-10T02:00:00Z")));
        publisher.publish(full("360728", "spt_annual", "2021", 1, "2022-01-10T02:00:00Z"));
        // a target the city sets for itself (下达) is no report of a unit: the city is not expected
        SubmissionEvent cityTarget = Events.submission("360700", "spt_annual", "2021", 1, "2021-03-01T02:00:00Z");
        publisher.publish(Events.withValues(cityTarget, new ReportedValue(IndicatorCode.of("spt_venue_area"),
                new BigDecimal("1000"), ValueStatus.REPORTED, ValueKind.TARGET)));
        publisher.publish(Reports.held(full("360728", "spt_annual", "2021", 2, "2022-01-20T02:00:00Z")));

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("spt_annual", "2021", "360700")
                .body("heldUnits", equalTo(2)));
        completeness("spt_annual", "2021", "360700")
                .body("expected", equalTo(18))
                .body("received", equalTo(4))
                .body("partialUnits", equalTo(3))
                .body("heldUnits", equalTo(2))
                .body("returnedUnits", equalTo(1))
                .body("missing", equalTo(8))
                .body("onTime", equalTo(3))
                .body("late", equalTo(1))
                .body("reportingRate", sameNumber("22.22222222222222"))
                .body("timelyRate", sameNumber("16.66666666666667"))
                .body("partialReports.code", contains("360704", "360722", "360723"))
                .body("partialReports[0].periods", contains("2021"))
                .body("heldReports.code", contains("360726", "360728"))
                .body("heldReports[1].name", equalTo("定南县"))
                .body("returnedReports.code", contains("360724"))
                .body("missingUnits.code", contains("360730", "360731", "360732", "360733", "360734", "360735",
                        "360781", "360783"))
                .body("lateUnits.code", contains("360703"))
                .body("lateUnits[0].daysLate", equalTo(5))
                .body("children.region", not(hasItem("360700")))
                .body("children.find { it.region == '360704' }.partialUnits", equalTo(1))
                .body("children.find { it.region == '360704' }.received", equalTo(0))
                .body("children.find { it.region == '360704' }.missing", equalTo(0))
                .body("children.find { it.region == '360726' }.heldUnits", equalTo(1))
                .body("children.find { it.region == '360724' }.returnedUnits", equalTo(1))
                .body("children.find { it.region == '360725' }.onTime", equalTo(1))
                .body("children.find { it.region == '360703' }.late", equalTo(1))
                .body("children.find { it.region == '360703' }.reportingRate", sameNumber("100"))
                .body("children.find { it.region == '360703' }.timelyRate", sameNumber("0"));
    }

    @Test
    void aYearOfAQuarterlyFormCountsEveryQuarterEachByItsOwnDueDate() {
        // each quarter of sci_quarterly is due 15 days after it ends: 2021-04-15, 07-15, 10-15, 2022-01-15
        String[] sent = {"2021-04-05T02:00:00Z", "2021-07-05T02:00:00Z", "2021-10-05T02:00:00Z", "2022-01-05T02:00:00Z"};
        for (int quarter = 1; quarter <= 4; quarter++) {
            String period = "2021Q" + quarter;
            String at = sent[quarter - 1];
            publisher.publish(full("360302", "sci_quarterly", period, 1, at));
            publisher.publish(full("360313", "sci_quarterly", period, 1, quarter == 2 ? "2021-07-25T02:00:00Z" : at));
            if (quarter < 4) {
                publisher.publish(full("360321", "sci_quarterly", period, 1, at));
            }
            SubmissionEvent shangli = full("360322", "sci_quarterly", period, 1, at);
            publisher.publish(quarter == 3 ? shangli.withReviewStatus(ReviewStatus.RETURNED) : shangli);
        }
        publisher.publish(Reports.held(full("360323", "sci_quarterly", "2021Q1", 1, sent[0])));

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("sci_quarterly", "2021", "360300")
                .body("heldUnits", equalTo(1)));
        completeness("sci_quarterly", "2021", "360300")
                .body("period", equalTo("2021"))
                .body("periods", contains("2021Q1", "2021Q2", "2021Q3", "2021Q4"))
                .body("dueDate", equalTo("2022-01-15"))
                .body("expected", equalTo(5))
                .body("received", equalTo(2))
                .body("partialUnits", equalTo(1))
                .body("returnedUnits", equalTo(1))
                .body("missing", equalTo(0))
                .body("onTime", equalTo(1))
                .body("late", equalTo(1))
                .body("reportingRate", sameNumber("40"))
                .body("timelyRate", sameNumber("20"))
                .body("partialReports.code", contains("360321"))
                .body("partialReports[0].periods", contains("2021Q4"))
                .body("returnedReports[0].periods", contains("2021Q3"))
                .body("heldReports[0].periods", contains("2021Q1"))
                .body("lateUnits.code", contains("360313"))
                .body("lateUnits[0].period", equalTo("2021Q2"))
                .body("lateUnits[0].daysLate", equalTo(10))
                .body("lateUnits[0].submittedAt", equalTo("2021-07-25T02:00:00Z"));
        // the first half-year has neither 莲花县's missing fourth quarter nor 上栗县's returned third
        completeness("sci_quarterly", "2021S1", "360300")
                .body("periods", contains("2021Q1", "2021Q2"))
                .body("dueDate", equalTo("2021-07-15"))
                .body("received", equalTo(4))
                .body("heldUnits", equalTo(1))
                .body("onTime", equalTo(3));
        completeness("sci_quarterly", "2021YTD09", "360300").body("periods", hasSize(3)).body("returnedUnits", equalTo(1));
        completeness("sci_quarterly", "2021Q3", "360300").body("periods", contains("2021Q3")).body("received", equalTo(3));
        // no run of quarters makes up an academic year
        given().queryParam("dataset", "sci_quarterly").queryParam("period", "2021AY").queryParam("region", "360300")
                .when().get("/api/v1/completeness")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"));
    }

    @Test
    void backfilledHistoryIsOnTimeOrLateByItsOriginalReportDateWhateverComesLater() {
        // edu_annual 2022 is due 2023-01-31. The province loads history with the date it was first reported
        // (reportedAt), which reaches this service as the version's submittedAt.
        publisher.publish(full("360602", "edu_annual", "2022", 1, "2023-01-20T02:00:00Z"));
        publisher.publish(full(Events.submission("360602", "edu_annual", "2022", 2, Instant.now().toString())));
        publisher.publish(full("360603", "edu_annual", "2022", 1, "2023-03-02T02:00:00Z"));
        // a held version is not a submission the unit is timely by: its explained version came ten days late
        publisher.publish(Reports.held(full("360681", "edu_annual", "2022", 1, "2023-01-10T02:00:00Z")));
        publisher.publish(full("360681", "edu_annual", "2022", 2, "2023-02-10T02:00:00Z"));

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> completeness("edu_annual", "2022", "360600")
                .body("received", equalTo(3)));
        completeness("edu_annual", "2022", "360600")
                .body("onTime", equalTo(1))
                .body("late", equalTo(2))
                .body("timelyRate", sameNumber("33.33333333333333"))
                .body("lateUnits.code", contains("360603", "360681"))
                .body("lateUnits.daysLate", contains(30, 10))
                .body("lateUnits[0].submittedAt", equalTo("2023-03-02T02:00:00Z"));
    }

    private static ValidatableResponse completeness(String dataset, String period, String region) {
        return given().config(exactNumbers())
                .queryParam("dataset", dataset).queryParam("period", period).queryParam("region", region)
                .when().get("/api/v1/completeness")
                .then().statusCode(200).contentType("application/json");
    }
}
