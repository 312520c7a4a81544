package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.reportplatform.dashboard.support.FigureRequests.children;
import static org.reportplatform.dashboard.support.FigureRequests.figure;
import static org.reportplatform.dashboard.support.SameNumber.exactNumbers;
import static org.reportplatform.dashboard.support.SameNumber.sameNumber;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.listener.AggregateListener;
import org.reportplatform.dashboard.support.AggregatePublisher;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.LogCapture;
import org.reportplatform.dashboard.support.TestTopicsResource;

/**
 * Events go through the real broker and the real database; each test uses its own indicator and period, so the
 * tests do not see each other's rows.
 */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class AggregatesApiTest {

    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AggregatePublisher publisher;

    @Inject
    RegionRegistry regions;

    @Test
    void aRegionFigureCarriesEveryField() {
        Instant updatedAt = Instant.parse("2021-02-03T04:05:06Z");
        publisher.publish(new AggregateEvent(IndicatorCode.of("pre_gross_enrolment_rate"), RegionCode.of("360700"),
                RegionLevel.CITY, PeriodCode.of("2020"), new BigDecimal("87.50"), new BigDecimal("17500"),
                new BigDecimal("20000"), 16, 1, 18, updatedAt, ValueKind.ACTUAL, Basis.RECEIVED));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("pre_gross_enrolment_rate", "360700", "2020")
                .body("indicator", equalTo("pre_gross_enrolment_rate"))
                .body("region", equalTo("360700"))
                .body("regionName", equalTo("赣州市"))
                .body("level", equalTo("CITY"))
                .body("period", equalTo("2020"))
                .body("unit", equalTo("%"))
                .body("value", sameNumber("87.5"))
                .body("numerator", sameNumber("17500"))
                .body("denominator", sameNumber("20000"))
                .body("reportingUnits", equalTo(16))
                .body("withheldUnits", equalTo(1))
                .body("expectedUnits", equalTo(18))
                .body("updatedAt", equalTo("2021-02-03T04:05:06Z"))
                .body("coveredPeriod", equalTo("2020"))
                .body("cutOff", nullValue())
                .body("incompleteUnits", equalTo(0))
                .body("partial", equalTo(true))
                .body("previousPeriod", equalTo("2019"))
                .body("comparableUnits", equalTo(0))
                .body("comparableValue", nullValue())
                .body("previousValue", nullValue())
                .body("yoyChange", nullValue())
                .body("yoyPercent", nullValue())
                .body("yoyPoints", nullValue())
                .body("yoyNote", equalTo("no-comparable-units"))
                .body("target", nullValue())
                .body("completion", nullValue())
                .body("targetedValue", nullValue())
                .body("targetUnits", equalTo(0))
                .body("targetSource", nullValue()));
    }

    @Test
    void aKnownRegionWithoutAFigureHasNoValueYet() {
        int unitsInJiangxi = regions.reportingUnitsUnder(RegionCode.of("360000"), PeriodCode.of("1999")).size();
        assertThat(unitsInJiangxi).isGreaterThan(100);

        figure("edu_school_count", "360000", "1999")
                .body("regionName", equalTo("江西省"))
                .body("level", equalTo("PROVINCE"))
                .body("unit", equalTo("所"))
                .body("value", nullValue())
                .body("numerator", nullValue())
                .body("denominator", nullValue())
                .body("reportingUnits", equalTo(0))
                .body("withheldUnits", equalTo(0))
                .body("expectedUnits", equalTo(unitsInJiangxi))
                .body("updatedAt", nullValue())
                .body("previousPeriod", equalTo("1998"))
                .body("previousValue", nullValue())
                .body("yoyChange", nullValue())
                .body("partial", equalTo(false));
        // periods start in 1949: nothing to compare with, but still an answer
        figure("edu_school_count", "360000", "1949")
                .body("period", equalTo("1949"))
                .body("previousPeriod", nullValue())
                .body("yoyChange", nullValue())
                .body("yoyNote", equalTo("no-previous-period"));
    }

    @Test
    void yearOverYearOfASumIsAChangeInPercentOverTheUnitsOfBothYears() {
        publisher.publish(Events.city("edu_school_count", "360700", "2014", "200", 18, 18));
        publisher.publish(Events.county("edu_school_count", "360702", "2014", "50"));
        publisher.publish(Events.county("edu_school_count", "360721", "2014", "0"));
        publisher.publish(Events.county("edu_school_count", "360723", "2014", "7"));
        publisher.publish(Events.city("edu_school_count", "360700", "2015", "240", 3, 18));
        publisher.publish(Events.county("edu_school_count", "360702", "2015", "80"));
        publisher.publish(Events.county("edu_school_count", "360703", "2015", "50"));
        publisher.publish(Events.county("edu_school_count", "360721", "2015", "10"));

        // 240 against 200 would compare different units: only 2 of the city's 18 reported in both years
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("edu_school_count", "360700", "2015")
                .body("value", sameNumber("240"))
                .body("previousPeriod", equalTo("2014"))
                .body("comparableUnits", equalTo(2))
                .body("previousValue", nullValue())
                .body("yoyChange", nullValue())
                .body("yoyPercent", nullValue())
                .body("yoyNote", equalTo("too-few-comparable-units")));
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> children("edu_school_count", "360700", "2015")
                .body("parent.yoyChange", nullValue())
                .body("children[0..2].region", contains("360702", "360703", "360721"))
                .body("children[0].previousPeriod", equalTo("2014"))
                .body("children[0].previousValue", sameNumber("50"))
                .body("children[0].yoyChange", sameNumber("30"))
                .body("children[0].yoyPercent", sameNumber("60"))
                .body("children[0].yoyPoints", nullValue())
                // no figure a year earlier
                .body("children[1].previousValue", nullValue())
                .body("children[1].yoyChange", nullValue())
                .body("children[1].yoyPercent", nullValue())
                .body("children[1].yoyNote", equalTo("no-comparable-units"))
                // up from 0: a change, but no percentage of nothing
                .body("children[2].previousValue", sameNumber("0"))
                .body("children[2].yoyChange", sameNumber("10"))
                .body("children[2].yoyPercent", nullValue())
                // a figure a year earlier but none now: no change
                .body("children.find { it.region == '360723' }.value", nullValue())
                .body("children.find { it.region == '360723' }.comparableUnits", equalTo(0))
                .body("children.find { it.region == '360723' }.yoyChange", nullValue()));
    }

    @Test
    void yearOverYearOfARateIsAChangeInPercentagePoints() {
        publisher.publish(rateOfGanzhou("2015", "80", "1600", "2000"));
        publisher.publish(Events.countyQuotient("pre_gross_enrolment_rate", "360702", "2015", "91", "910", "1000"));
        publisher.publish(Events.countyQuotient("pre_gross_enrolment_rate", "360703", "2015", "69", "690", "1000"));
        publisher.publish(rateOfGanzhou("2016", "87.5", "1750", "2000"));
        publisher.publish(Events.countyQuotient("pre_gross_enrolment_rate", "360702", "2016", "90.25", "902.5", "1000"));
        publisher.publish(Events.countyQuotient("pre_gross_enrolment_rate", "360703", "2016", "84.75", "847.5", "1000"));

        // recomputed over the two units of both years, from their components
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("pre_gross_enrolment_rate", "360700", "2016")
                .body("comparableUnits", equalTo(2))
                .body("comparableValue", sameNumber("87.5"))
                .body("previousValue", sameNumber("80"))
                .body("yoyChange", sameNumber("7.5"))
                .body("yoyPoints", sameNumber("7.5"))
                .body("yoyPercent", nullValue()));
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> children("pre_gross_enrolment_rate", "360700", "2016")
                .body("parent.yoyPoints", sameNumber("7.5"))
                .body("children[0].region", equalTo("360702"))
                .body("children[0].yoyChange", sameNumber("-0.75"))
                .body("children[0].yoyPoints", sameNumber("-0.75"))
                .body("children[0].yoyPercent", nullValue())
                // a county's rate is no part of the city's
                .body("children[0].shareOfParent", nullValue()));
    }

    @Test
    void eachChildOfASumHasItsShareOfTheParent() {
        publisher.publish(Events.city("edu_class_count", "360700", "2015", "240", 4, 18));
        publisher.publish(Events.county("edu_class_count", "360702", "2015", "80"));
        publisher.publish(Events.county("edu_class_count", "360703", "2015", "50"));
        publisher.publish(Events.county("edu_class_count", "360721", "2015", "100"));
        publisher.publish(Events.county("edu_class_count", "360722", "2015", "10"));
        publisher.publish(Events.withheldCounty("edu_class_count", "360723", "2015"));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> children("edu_class_count", "360700", "2015")
                .body("children[0..4].region", contains("360721", "360702", "360703", "360722", "360723"))
                .body("children[0].shareOfParent", sameNumber("41.66666666666667"))
                .body("children[1].shareOfParent", sameNumber("33.33333333333333"))
                .body("children[2].shareOfParent", sameNumber("20.83333333333333"))
                .body("children[3].shareOfParent", sameNumber("4.166666666666667"))
                .body("children[4].shareOfParent", nullValue())
                .body("children[5..17].shareOfParent", everyItem(nullValue())));
    }

    @Test
    void withoutAParentFigureNoChildHasAShare() {
        publisher.publish(Events.county("edu_class_count", "360702", "2016", "80"));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> children("edu_class_count", "360700", "2016")
                .body("children[0].value", sameNumber("80"))
                .body("parent.value", nullValue())
                .body("children[0].shareOfParent", nullValue()));
    }

    @Test
    void aCitysChildrenAndExpectedUnitsAreThoseInUseInThePeriod() {
        // 赣县 360721 became 赣县区 360704 in 2016, 龙南县 360727 became 龙南市 360783 in 2020
        children("pty_new_member_count", "360700", "2015")
                .body("children.region", hasItems("360721", "360727"))
                .body("children.region", not(hasItems("360704")))
                .body("children.region", not(hasItems("360783")))
                .body("parent.expectedUnits", equalTo(18));
        children("pty_new_member_count", "360700", "2020")
                .body("children.region", hasItems("360704", "360783"))
                .body("children.region", not(hasItems("360721")))
                .body("children.region", not(hasItems("360727")));
        // Jiangxi had 102 county-level units in 2009 and 103 in 2010
        figure("pty_new_member_count", "360000", "2009").body("expectedUnits", equalTo(102));
        figure("pty_new_member_count", "360000", "2010").body("expectedUnits", equalTo(103));
    }

    @Test
    void childrenAreRankedWithTiesAndEveryChildIsListed() {
        publisher.publish(new AggregateEvent(IndicatorCode.of("edu_school_count"), RegionCode.of("360700"),
                RegionLevel.CITY, PeriodCode.of("2021"), new BigDecimal("240"), null, null, 4, 1, 18, Events.UPDATED_AT, ValueKind.ACTUAL, Basis.RECEIVED));
        publisher.publish(Events.county("edu_school_count", "360702", "2021", "80"));
        publisher.publish(Events.county("edu_school_count", "360703", "2021", "50"));
        publisher.publish(Events.county("edu_school_count", "360704", "2021", "80.0"));
        publisher.publish(Events.county("edu_school_count", "360722", "2021", "30"));
        publisher.publish(Events.withheldCounty("edu_school_count", "360723", "2021"));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> children("edu_school_count", "360700", "2021")
                .body("indicator", equalTo("edu_school_count"))
                .body("region", equalTo("360700"))
                .body("period", equalTo("2021"))
                .body("parent.value", sameNumber("240"))
                .body("parent.reportingUnits", equalTo(4))
                .body("children", hasSize(18))
                .body("children[0..4].region", contains("360702", "360704", "360703", "360722", "360723"))
                .body("children[0..4].rank", contains(1, 1, 3, 4, null))
                .body("children[0].regionName", equalTo("章贡区"))
                .body("children[0].reportingUnits", equalTo(1))
                .body("children[0].expectedUnits", equalTo(1))
                .body("children[4].value", nullValue())
                .body("children[4].withheldUnits", equalTo(1))
                .body("children[5..17].value", everyItem(nullValue()))
                .body("children[5..17].rank", everyItem(nullValue()))
                .body("children[5..17].reportingUnits", everyItem(equalTo(0)))
                .body("children[5..17].expectedUnits", everyItem(equalTo(1)))
                .body("children.find { it.region == '360783' }.regionName", equalTo("龙南市")));
    }

    @Test
    void aLowerIsBetterIndicatorRanksTheSmallestFirst() {
        publisher.publish(Events.county("edu_cmp_dropout_rate", "360702", "2022", "0.50"));
        publisher.publish(Events.county("edu_cmp_dropout_rate", "360703", "2022", "1.20"));
        publisher.publish(Events.county("edu_cmp_dropout_rate", "360704", "2022", "0.30"));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> children("edu_cmp_dropout_rate", "360700", "2022")
                .body("children[0..2].region", contains("360704", "360702", "360703"))
                .body("children[0..2].rank", contains(1, 2, 3)));
    }

    @Test
    void anUpdatedEventReplacesTheFigure() {
        publisher.publish(Events.county("edu_student_count", "360702", "2020", "1000"));
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("edu_student_count", "360702", "2020")
                .body("value", sameNumber("1000")));

        Instant later = Events.UPDATED_AT.plusSeconds(3600);
        publisher.publish(new AggregateEvent(IndicatorCode.of("edu_student_count"), RegionCode.of("360702"),
                RegionLevel.COUNTY, PeriodCode.of("2020"), new BigDecimal("1200"), null, null, 1, 0, 1, later, ValueKind.ACTUAL, Basis.RECEIVED));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("edu_student_count", "360702", "2020")
                .body("value", sameNumber("1200"))
                .body("updatedAt", equalTo(later.toString())));
    }

    @Test
    void aTombstoneDeletesTheFigure() {
        AggregateEvent event = Events.county("edu_student_count", "360703", "2020", "500");
        publisher.publish(event);
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("edu_student_count", "360703", "2020")
                .body("value", sameNumber("500")));

        publisher.tombstone(event.key());

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("edu_student_count", "360703", "2020")
                .body("value", nullValue())
                .body("reportingUnits", equalTo(0))
                .body("expectedUnits", equalTo(1))
                .body("updatedAt", nullValue()));
    }

    @Test
    void aBurstOfRecordsEndsWithTheLastChangeOfEachKey() {
        AggregateEvent deleted = Events.county("edu_student_count", "360722", "2020", "1");
        publisher.publish(deleted);
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("edu_student_count", "360722", "2020")
                .body("value", sameNumber("1")));

        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        burst.add(publisher.record(Events.county("edu_student_count", "360722", "2020", "2")));
        burst.add(publisher.tombstoneOf(deleted.key()));
        for (int value = 1; value <= 50; value++) {
            burst.add(publisher.record(Events.county("edu_student_count", "360723", "2020", String.valueOf(value))));
        }
        publisher.sendTogether(burst);

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("edu_student_count", "360723", "2020")
                .body("value", sameNumber("50")));
        figure("edu_student_count", "360722", "2020")
                .body("value", nullValue())
                .body("updatedAt", nullValue());
    }

    @Test
    void unreadableRecordsAreLoggedAndSkippedAndTheNextOneLands() {
        String key = "edu_student_count|360704|2020|actual|received";
        try (LogCapture log = LogCapture.of(AggregateListener.class)) {
            // one partition, so that the good record is known to come after the bad ones
            long notJson = publisher.sendRaw(0, key, "{not json");
            long badKey = publisher.sendRaw(0, "not-a-key", "{}");
            long otherEvent = publisher.sendRaw(0, key,
                    EventJson.write(Events.county("edu_student_count", "360702", "2020", "1")));
            publisher.sendRaw(0, key, EventJson.write(Events.county("edu_student_count", "360704", "2020", "777")));

            await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure("edu_student_count", "360704", "2020")
                    .body("value", sameNumber("777")));
            String skipped = "Skipping unreadable record test-dashboard-indicator-aggregates-0@";
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith(skipped + notJson + " (key " + key + ")").contains("not a AggregateEvent"));
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith(skipped + badKey + " (key not-a-key)").contains("indicator|region|period|kind|basis"));
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith(skipped + otherEvent).contains("carries the event of edu_student_count|360702|2020|actual|received"));
        }
    }

    @Test
    void targetsGiveCompletionAndAcceptedFiguresAreServedApart() {
        String indicator = "edu_class_count";
        publisher.publish(Events.county(indicator, "360702", "2020", "600"));
        publisher.publish(Events.county(indicator, "360703", "2020", "600"));
        publisher.publish(Events.countyTarget(indicator, "360702", "2020", "750"));
        publisher.publish(Events.countyTarget(indicator, "360703", "2020", "750"));
        publisher.publish(Events.city(indicator, "360700", "2020", "1200", 2, 18));
        publisher.publish(Events.of(Events.city(indicator, "360700", "2020", "1500", 2, 18), ValueKind.TARGET, Basis.RECEIVED));
        publisher.publish(Events.of(Events.city(indicator, "360700", "2020", "1100", 9, 18), ValueKind.ACTUAL, Basis.ACCEPTED));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> figure(indicator, "360700", "2020")
                .body("status", equalTo("received"))
                .body("value", sameNumber("1200"))
                .body("target", sameNumber("1500"))
                .body("targetUnits", equalTo(2))
                .body("completion", sameNumber("80")));
        given().config(exactNumbers())
                .queryParam("region", "360700").queryParam("period", "2020").queryParam("status", "accepted")
                .when().get("/api/v1/aggregates/{indicator}", indicator)
                .then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("value", sameNumber("1100"))
                .body("reportingUnits", equalTo(9))
                .body("target", nullValue())
                .body("completion", nullValue())
                .body("previousValue", nullValue());
        given().queryParam("region", "360000").queryParam("period", "2020").queryParam("status", "official")
                .when().get("/api/v1/aggregates/{indicator}/children", indicator)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("is received (the default) or accepted"));
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> children(indicator, "360000", "2020")
                .body("children.find { it.region == '360700' }.completion", sameNumber("80")));
    }

    /**
     * Ganzhou's gross preschool enrolment rate (Σ enrolled children / Σ children aged 3-5 × 100) from its two units
     * expected to report it in this test, both reporting.
     */
    private static AggregateEvent rateOfGanzhou(String period, String value, String numerator, String denominator) {
        return new AggregateEvent(IndicatorCode.of("pre_gross_enrolment_rate"), RegionCode.of("360700"), RegionLevel.CITY,
                PeriodCode.of(period), new BigDecimal(value), new BigDecimal(numerator), new BigDecimal(denominator),
                2, 0, 2, Events.UPDATED_AT, ValueKind.ACTUAL, Basis.RECEIVED);
    }

}
