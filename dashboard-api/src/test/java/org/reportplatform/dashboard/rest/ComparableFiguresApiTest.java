package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.reportplatform.dashboard.support.FigureRequests.children;
import static org.reportplatform.dashboard.support.FigureRequests.figure;
import static org.reportplatform.dashboard.support.SameNumber.sameNumber;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.support.AggregatePublisher;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.SubmissionPublisher;
import org.reportplatform.dashboard.support.TestTopicsResource;

/**
 * Figures that mean what their labels say (issue 13, USERS.md §2 bugs 1–3): completion over the units that set
 * targets, like-for-like year over year, partial figures marked and ranked apart, longer periods to one cut-off.
 * Through the real broker and database; periods of their own.
 */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class ComparableFiguresApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONTRACTS = "sci_tech_contract_count";

    @Inject
    AggregatePublisher aggregates;

    @Inject
    SubmissionPublisher submissions;

    @Inject
    RegionRegistry regions;

    @Test
    void completionAboveTheCountyIsOverTheUnitsThatSetATarget() {
        // bug 1: 寻乌 40 of a target of 120, 石城 50 without a target; 赣州 showed 90 / 120 = 75%
        aggregates.publish(Events.county(CONTRACTS, "360734", "2022Q1", "40"));
        aggregates.publish(Events.countyTarget(CONTRACTS, "360734", "2022Q1", "120"));
        aggregates.publish(Events.county(CONTRACTS, "360735", "2022Q1", "50"));
        aggregates.publish(Events.city(CONTRACTS, "360700", "2022Q1", "90", 2, 18));
        aggregates.publish(Events.of(Events.city(CONTRACTS, "360700", "2022Q1", "120", 1, 18), ValueKind.TARGET,
                Basis.RECEIVED));

        await().atMost(WAIT).untilAsserted(() -> figure(CONTRACTS, "360700", "2022Q1")
                .body("value", sameNumber("90"))
                .body("target", sameNumber("120"))
                .body("targetedValue", sameNumber("40"))
                .body("completion", sameNumber("33.33333333333333"))
                .body("targetUnits", equalTo(1))
                .body("targetSource", equalTo("units")));
        figure(CONTRACTS, "360000", "2022Q1")
                .body("target", sameNumber("120"))
                .body("completion", sameNumber("33.33333333333333"))
                .body("targetUnits", equalTo(1));
        children(CONTRACTS, "360700", "2022Q1")
                .body("children.find { it.region == '360734' }.completion", sameNumber("33.33333333333333"))
                .body("children.find { it.region == '360734' }.targetUnits", equalTo(1))
                .body("children.find { it.region == '360735' }.target", nullValue())
                .body("children.find { it.region == '360735' }.targetSource", nullValue())
                .body("children.find { it.region == '360735' }.targetUnits", equalTo(0));
    }

    @Test
    void aRegionsOwnTargetIsComparedWithTheFigureOfAllItsUnits() {
        aggregates.publish(Events.county(CONTRACTS, "360734", "2022Q2", "40"));
        aggregates.publish(Events.countyTarget(CONTRACTS, "360734", "2022Q2", "120"));
        aggregates.publish(Events.county(CONTRACTS, "360735", "2022Q2", "50"));
        aggregates.publish(Events.city(CONTRACTS, "360700", "2022Q2", "90", 2, 18));
        // 赣州 sets its own target (下达), then revises it: the latest version counts
        submissions.publish(Events.withValues(Events.submission("360700", "sci_quarterly", "2022Q2", 1,
                "2022-01-05T02:00:00Z"), Events.target(CONTRACTS, "300")));
        submissions.publish(Events.withValues(Events.submission("360700", "sci_quarterly", "2022Q2", 2,
                "2022-01-06T02:00:00Z"), Events.target(CONTRACTS, "200")));

        await().atMost(WAIT).untilAsserted(() -> figure(CONTRACTS, "360700", "2022Q2")
                .body("value", sameNumber("90"))
                .body("target", sameNumber("200"))
                .body("targetedValue", sameNumber("90"))
                .body("completion", sameNumber("45"))
                .body("targetSource", equalTo("region"))
                .body("targetUnits", equalTo(1)));
        // the province set none: its completion is over its units that did
        figure(CONTRACTS, "360000", "2022Q2")
                .body("targetSource", equalTo("units"))
                .body("completion", sameNumber("33.33333333333333"));
        children(CONTRACTS, "360000", "2022Q2")
                .body("children.find { it.region == '360700' }.targetSource", equalTo("region"))
                .body("children.find { it.region == '360700' }.completion", sameNumber("45"));
    }

    @Test
    void aBareRateTargetIsWeightedByTheUnitsActualDenominator() {
        String rate = "pre_gross_enrolment_rate";
        aggregates.publish(Events.countyQuotient(rate, "360702", "2012", "90", "900", "1000"));
        // 章贡 states its target as the rate only (95%), 南康 by its components (850 of 1000)
        aggregates.publish(Events.countyTarget(rate, "360702", "2012", "95"));
        aggregates.publish(Events.countyQuotient(rate, "360782", "2012", "80", "800", "1000"));
        aggregates.publish(Events.of(Events.countyQuotient(rate, "360782", "2012", "85", "850", "1000"),
                ValueKind.TARGET, Basis.RECEIVED));
        aggregates.publish(Events.countyQuotient(rate, "360721", "2012", "70", "70", "100"));

        // over the two target units: 1700 / 2000 = 85% against (950 + 850) / 2000 = 90%
        await().atMost(WAIT).untilAsserted(() -> figure(rate, "360700", "2012")
                .body("targetedValue", sameNumber("85"))
                .body("target", sameNumber("90"))
                .body("completion", sameNumber("94.44444444444444"))
                .body("targetUnits", equalTo(2)));
        figure(rate, "360702", "2012")
                .body("target", sameNumber("95"))
                .body("completion", sameNumber("94.73684210526316"))
                .body("targetUnits", equalTo(1));
    }

    @Test
    void yearOverYearComparesOnlyTheUnitsThatReportedInBothYears() {
        String students = "edu_student_count";
        List<String> counties = countiesOf("360700", "2010");
        // ten counties in both years (100 → 110), one only in 2010 (300), one only in 2011 (500)
        for (String county : counties.subList(0, 10)) {
            aggregates.publish(Events.county(students, county, "2010", "100"));
            aggregates.publish(Events.county(students, county, "2011", "110"));
        }
        aggregates.publish(Events.county(students, counties.get(10), "2010", "300"));
        aggregates.publish(Events.county(students, counties.get(11), "2011", "500"));
        aggregates.publish(Events.city(students, "360700", "2010", "1300", 11, 18));
        aggregates.publish(Events.city(students, "360700", "2011", "1600", 11, 18));

        // like for like: 1100 against 1000, not 1600 against 1300
        await().atMost(WAIT).untilAsserted(() -> figure(students, "360700", "2011")
                .body("value", sameNumber("1600"))
                .body("comparableUnits", equalTo(10))
                .body("comparableValue", sameNumber("1100"))
                .body("previousValue", sameNumber("1000"))
                .body("yoyChange", sameNumber("100"))
                .body("yoyPercent", sameNumber("10"))
                .body("yoyNote", nullValue()));
    }

    @Test
    void withFewerThanHalfTheUnitsComparableNoChangeIsGiven() {
        // bug 2: the province's 2019 against a 2018 of two units gave +1415%
        String schools = "edu_school_count";
        aggregates.publish(Events.county(schools, "360702", "2008", "260"));
        aggregates.publish(Events.county(schools, "360782", "2008", "260"));
        aggregates.publish(Events.county(schools, "360702", "2009", "270"));
        aggregates.publish(Events.county(schools, "360782", "2009", "250"));
        int units = regions.reportingUnitsUnder(RegionCode.of("360000"), PeriodCode.of("2009")).size();
        aggregates.publish(province(schools, "2008", "520", 2, units));
        aggregates.publish(province(schools, "2009", "7880", units, units));

        await().atMost(WAIT).untilAsserted(() -> figure(schools, "360000", "2009")
                .body("value", sameNumber("7880"))
                .body("previousPeriod", equalTo("2008"))
                .body("comparableUnits", equalTo(2))
                .body("comparableValue", nullValue())
                .body("previousValue", nullValue())
                .body("yoyChange", nullValue())
                .body("yoyPercent", nullValue())
                .body("yoyPoints", nullValue())
                .body("yoyNote", equalTo("too-few-comparable-units")));
        // a county is its own only unit: 270 against 260
        figure(schools, "360702", "2009").body("comparableUnits", equalTo(1)).body("yoyChange", sameNumber("10"));
    }

    @Test
    void trendPointsSayWhetherTheyArePartial() {
        String classes = "edu_class_count";
        aggregates.publish(Events.city(classes, "360700", "2006", "100", 1, 18));
        aggregates.publish(Events.city(classes, "360700", "2007", "900", 18, 18));

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", "360700").queryParam("from", "2005")
                .queryParam("to", "2007").get("/api/v1/aggregates/{indicator}/trend", classes).then().statusCode(200)
                .body("figures.partial", contains(false, true, false))
                .body("figures[1].reportingUnits", equalTo(1))
                .body("figures[1].expectedUnits", equalTo(18)));
    }

    @Test
    void partialChildrenAreListedApartFromTheRankedCompleteOnes() {
        String schools = "edu_school_count";
        aggregates.publish(Events.city(schools, "360100", "1997", "900", 5, 9));
        aggregates.publish(Events.city(schools, "360200", "1997", "300", 4, 4));
        aggregates.publish(Events.city(schools, "362100", "1997", "500", 18, 18));

        await().atMost(WAIT).untilAsserted(() -> children(schools, "360000", "1997")
                .body("children[0..2].region", contains("362100", "360200", "360100"))
                .body("children[0..2].rank", contains(1, 2, null))
                .body("children[0..2].partial", contains(false, false, true)));
    }

    @Test
    void aHalfYearCountsOnlyTheUnitsThatSentEveryQuarterAndAYearIsServedAtItsCutOff() {
        // bug 3: 寻乌 sent Q1 and Q2, 石城 only Q1; indicator-service counts 寻乌 alone in S1 and no unit in 2019
        aggregates.publish(Events.county(CONTRACTS, "360734", "2019Q1", "30"));
        aggregates.publish(Events.county(CONTRACTS, "360734", "2019Q2", "20"));
        aggregates.publish(Events.county(CONTRACTS, "360735", "2019Q1", "40"));
        aggregates.publish(Events.toDate(CONTRACTS, "360734", RegionLevel.COUNTY, "2019S1", "50", 1, 0, 1));
        aggregates.publish(Events.toDate(CONTRACTS, "360735", RegionLevel.COUNTY, "2019S1", null, 0, 1, 1));
        aggregates.publish(Events.city(CONTRACTS, "360700", "2019Q1", "70", 2, 18));
        aggregates.publish(Events.city(CONTRACTS, "360700", "2019Q2", "20", 1, 18));
        aggregates.publish(Events.toDate(CONTRACTS, "360700", RegionLevel.CITY, "2019S1", "50", 1, 1, 18));
        aggregates.publish(Events.toDate(CONTRACTS, "360700", RegionLevel.CITY, "2019", null, 0, 2, 18));
        // 寻乌's target is for the whole year: half-way, 50 of 200
        aggregates.publish(Events.countyTarget(CONTRACTS, "360734", "2019", "200"));

        await().atMost(WAIT).untilAsserted(() -> figure(CONTRACTS, "360700", "2019S1")
                .body("value", sameNumber("50"))
                .body("reportingUnits", equalTo(1))
                .body("incompleteUnits", equalTo(1))
                .body("coveredPeriod", equalTo("2019S1"))
                .body("cutOff", equalTo("2019Q2"))
                .body("partial", equalTo(true)));
        await().atMost(WAIT).untilAsserted(() -> figure(CONTRACTS, "360700", "2019")
                .body("period", equalTo("2019"))
                .body("coveredPeriod", equalTo("2019S1"))
                .body("cutOff", equalTo("2019Q2"))
                .body("value", sameNumber("50"))
                .body("incompleteUnits", equalTo(1))
                .body("target", sameNumber("200"))
                .body("completion", sameNumber("25")));
        // the children at the parent's cut-off: 石城 is incomplete there, not ranked with its Q1
        children(CONTRACTS, "360700", "2019")
                .body("period", equalTo("2019"))
                .body("parent.cutOff", equalTo("2019Q2"))
                .body("children[0].region", equalTo("360734"))
                .body("children[0].value", sameNumber("50"))
                .body("children[0].rank", equalTo(1))
                .body("children.find { it.region == '360735' }.value", nullValue())
                .body("children.find { it.region == '360735' }.incompleteUnits", equalTo(1))
                .body("children.find { it.region == '360735' }.rank", nullValue());
        // a quarter is the form's own period: no cut-off
        figure(CONTRACTS, "360700", "2019Q1").body("cutOff", nullValue()).body("coveredPeriod", equalTo("2019Q1"));
    }

    @Test
    void aYearToDateIsServedAsAskedAndAYearAtIt() {
        aggregates.publish(Events.toDate(CONTRACTS, "360700", RegionLevel.CITY, "2018YTD09", "77", 18, 0, 18));

        await().atMost(WAIT).untilAsserted(() -> figure(CONTRACTS, "360700", "2018YTD09")
                .body("period", equalTo("2018YTD09"))
                .body("coveredPeriod", equalTo("2018YTD09"))
                .body("cutOff", equalTo("2018Q3"))
                .body("value", sameNumber("77"))
                .body("previousPeriod", equalTo("2017YTD09")));
        figure(CONTRACTS, "360700", "2018").body("coveredPeriod", equalTo("2018YTD09")).body("value", sameNumber("77"));

        String csv = new String(given().queryParam("type", "trend").queryParam("indicator", CONTRACTS)
                .queryParam("region", "360700").queryParam("from", "2017").queryParam("to", "2018")
                .get("/api/v1/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\r\n2018,77,18,18,0,0,false,2018Q3,");
        given().queryParam("region", "360700").queryParam("from", "2017YTD09").queryParam("to", "2018YTD09")
                .get("/api/v1/aggregates/{indicator}/trend", CONTRACTS).then().statusCode(200)
                .body("figures.period", contains("2017YTD09", "2018YTD09"));
    }

    private List<String> countiesOf(String city, String period) {
        return regions.children(RegionCode.of(city), PeriodCode.of(period)).stream().map(Region::code).map(RegionCode::value).sorted().toList();
    }

    private static AggregateEvent province(String indicator, String period, String value, int reporting, int expected) {
        AggregateEvent city = Events.city(indicator, "360000", period, value, reporting, expected);
        return new AggregateEvent(city.indicator(), city.region(), RegionLevel.PROVINCE, city.period(), city.value(),
                null, null, reporting, 0, expected, city.updatedAt(), ValueKind.ACTUAL, Basis.RECEIVED);
    }

}
