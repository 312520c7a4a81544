package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.reportplatform.dashboard.support.SameNumber.exactNumbers;
import static org.reportplatform.dashboard.support.SameNumber.sameNumber;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.dashboard.support.AggregatePublisher;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.Reports;
import org.reportplatform.dashboard.support.SubmissionPublisher;
import org.reportplatform.dashboard.support.TestTopicsResource;

/**
 * Lineage through the real broker and database: the submissions of Yichun (宜春) in 2022 and 2023, quarterly and
 * yearly, and of Ji'an (吉安) in 2022, where several forms state the population, with the county figures that name
 * them as their sources the way indicator-service does.
 */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class LineageApiTest {

    private static final Duration CONSUMPTION_TIMEOUT = Duration.ofSeconds(30);
    private static final String YICHUN = "360900";
    private static final String YUANZHOU = "360902";
    private static final String FENGXIN = "360921";
    private static final String JIAN = "360800";
    private static final String JIZHOU = "360802";
    private static final String QINGYUAN = "360803";
    private static final String JIAN_COUNTY = "360821";
    private static final String WANZAI = "360922";
    private static final String AVERAGE_AMOUNT = "sci_tech_contract_avg_amount";

    @Inject
    SubmissionPublisher publisher;

    @Inject
    AggregatePublisher figures;

    @Test
    void aFigureListsTheVersionsItsCountyFiguresAreMadeOf() {
        SubmissionEvent firstQuarter = quarterly(YUANZHOU, "2023Q1", 1, "10", "100");
        SubmissionEvent revised = quarterly(YUANZHOU, "2023Q1", 2, "12", "130");
        SubmissionEvent secondQuarter = Events.withValues(
                Events.submission(FENGXIN, "sci_quarterly", "2023Q2", 1, "2023-07-05T02:00:00Z"),
                Events.reported("sci_tech_contract_count", "5"));
        publisher.publish(firstQuarter);
        publisher.publish(firstQuarter.withReviewStatus(ReviewStatus.ACCEPTED));
        publisher.publish(revised);
        publisher.publish(secondQuarter);
        publisher.publish(Events.withValues(Events.submission(FENGXIN, "edu_annual", "2023", 1, "2024-01-10T02:00:00Z"),
                Events.reported("edu_school_count", "3")));
        AggregateEvent yuanzhou = Events.countyQuotient(AVERAGE_AMOUNT, YUANZHOU, "2023", "10.8333", "130", "12");
        figures.publish(Events.madeOf(yuanzhou, revised));
        figures.publish(Events.madeOf(Events.of(yuanzhou, ValueKind.ACTUAL, Basis.ACCEPTED), firstQuarter));
        figures.publish(Events.madeOf(Events.countyQuotient(AVERAGE_AMOUNT, FENGXIN, "2023", "0", "0", "5"), secondQuarter));

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> sources(YICHUN, "2023", null)
                .body("sources", hasSize(2)));
        sources(YICHUN, "2023", null)
                .body("indicator", equalTo(AVERAGE_AMOUNT))
                .body("regionName", equalTo("宜春市"))
                .body("status", equalTo("received"))
                .body("components", contains("sci_tech_contract_avg_amount", "sci_tech_contract_amount", "sci_tech_contract_count"))
                .body("sources.region", contains(YUANZHOU, FENGXIN))
                .body("sources.regionName", contains("袁州区", "奉新县"))
                .body("sources.period", contains("2023Q1", "2023Q2"))
                .body("sources.version", contains(2, 1))
                .body("sources.reviewStatus", contains("SUBMITTED", "SUBMITTED"))
                .body("sources[0].values.indicator", contains("sci_tech_contract_count", "sci_tech_contract_amount"))
                .body("sources[0].values[1].value", sameNumber("130"))
                .body("sources[0].submissionId", equalTo(quarterly(YUANZHOU, "2023Q1", 2, "12", "130").submissionId().toString()));

        sources(YICHUN, "2023", "accepted")
                .body("status", equalTo("accepted"))
                .body("sources.version", contains(1))
                .body("sources[0].reviewStatus", equalTo("ACCEPTED"))
                .body("sources[0].values[0].value", sameNumber("10"));
        sources(FENGXIN, "2023Q1", null).body("sources", empty());
    }

    /** The held version and the one indicator-service dead-lettered are stored, but no figure names them. */
    @Test
    void aVersionNoCountyFigureNamesIsNeverASource() {
        SubmissionEvent counted = Events.withValues(
                Events.submission(YUANZHOU, "sci_quarterly", "2022Q1", 1, "2022-04-05T02:00:00Z"),
                Events.reported("sci_tech_contract_count", "10"));
        SubmissionEvent other = Events.withValues(
                Events.submission(FENGXIN, "sci_quarterly", "2022Q1", 1, "2022-04-09T02:00:00Z"),
                Events.reported("sci_tech_contract_count", "7"));
        publisher.publish(counted);
        publisher.publish(Reports.held(Events.withValues(
                Events.submission(YUANZHOU, "sci_quarterly", "2022Q1", 2, "2022-04-08T02:00:00Z"),
                Events.reported("sci_tech_contract_count", "99"))));
        publisher.publish(other);
        publisher.publish(Events.withValues(Events.submission(WANZAI, "sci_quarterly", "2022Q1", 1, "2022-04-09T02:00:00Z"),
                Events.reported("sci_tech_contract_count", "-3")));
        figures.publish(Events.madeOf(Events.county("sci_tech_contract_count", YUANZHOU, "2022Q1", "10"), counted));
        figures.publish(Events.madeOf(Events.county("sci_tech_contract_count", FENGXIN, "2022Q1", "7"), other));

        // stored: completeness counts it
        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> given().queryParam("dataset", "sci_quarterly")
                .queryParam("period", "2022Q1").queryParam("region", WANZAI)
                .when().get("/api/v1/completeness")
                .then().statusCode(200).body("expected", equalTo(1)).body("missing", equalTo(0)));
        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> sourcesOf("sci_tech_contract_count", YICHUN, "2022Q1")
                .body("sources.region", contains(YUANZHOU, FENGXIN)));
        sourcesOf("sci_tech_contract_count", YICHUN, "2022Q1")
                .body("sources[0].version", equalTo(1))
                .body("sources[0].values[0].value", sameNumber("10"))
                .body("sources[0].values[0].used", equalTo(true))
                .body("sources[0].values[0].conflict", equalTo(false));
    }

    @Test
    void whereSeveralFormsStateAValueTheFigureUsesTheOwnersOrElseTheLatestAndMarksConflicts() {
        // pop_resident is in edu_annual (its owner form), sci_annual and spt_annual
        SubmissionEvent jizhouOwner = Events.withValues(Events.submission(JIZHOU, "edu_annual", "2022", 1, "2023-01-10T02:00:00Z"),
                Events.reported("pop_resident", "475410"));
        SubmissionEvent jizhouSci = Events.withValues(Events.submission(JIZHOU, "sci_annual", "2022", 1, "2023-01-20T02:00:00Z"),
                Events.reported("pop_resident", "438582"));
        // 0.5% away from the owner's: no conflict
        SubmissionEvent jizhouSpt = Events.withValues(Events.submission(JIZHOU, "spt_annual", "2022", 1, "2023-01-25T02:00:00Z"),
                Events.reported("pop_resident", "477787"));
        // without the owner, the form submitted last stands in; the other conflicts with it
        SubmissionEvent qingyuanSci = Events.withValues(Events.submission(QINGYUAN, "sci_annual", "2022", 1, "2023-01-10T02:00:00Z"),
                Events.reported("pop_resident", "200000"));
        SubmissionEvent qingyuanSpt = Events.withValues(Events.submission(QINGYUAN, "spt_annual", "2022", 1, "2023-01-20T02:00:00Z"),
                Events.reported("pop_resident", "210000"));
        // an owner stating it withheld is what the figure takes: nothing stands in for a redacted value
        SubmissionEvent jianOwner = Events.withValues(Events.submission(JIAN_COUNTY, "edu_annual", "2022", 1, "2023-01-10T02:00:00Z"),
                new ReportedValue(IndicatorCode.of("pop_resident"), null, ValueStatus.REDACTED));
        SubmissionEvent jianSpt = Events.withValues(Events.submission(JIAN_COUNTY, "spt_annual", "2022", 1, "2023-01-20T02:00:00Z"),
                Events.reported("pop_resident", "300000"));
        List.of(jizhouOwner, jizhouSci, jizhouSpt, qingyuanSci, qingyuanSpt, jianOwner, jianSpt).forEach(publisher::publish);
        figures.publish(Events.madeOf(Events.county("pop_resident", JIZHOU, "2022", "475410"), jizhouOwner, jizhouSci, jizhouSpt));
        figures.publish(Events.madeOf(Events.county("pop_resident", QINGYUAN, "2022", "210000"), qingyuanSci, qingyuanSpt));
        figures.publish(Events.madeOf(Events.withheldCounty("pop_resident", JIAN_COUNTY, "2022"), jianOwner, jianSpt));

        await().atMost(CONSUMPTION_TIMEOUT).untilAsserted(() -> sourcesOf("pop_resident", JIAN, "2022")
                .body("sources", hasSize(7)));
        sourcesOf("pop_resident", JIAN, "2022")
                .body("sources.region", contains(JIZHOU, JIZHOU, JIZHOU, QINGYUAN, QINGYUAN, JIAN_COUNTY, JIAN_COUNTY))
                .body("sources.dataset", contains("edu_annual", "sci_annual", "spt_annual", "sci_annual", "spt_annual",
                        "edu_annual", "spt_annual"))
                .body("sources.collect { it.values[0].used }", contains(true, false, false, false, true, true, false))
                .body("sources.collect { it.values[0].conflict }", contains(false, true, false, true, false, false, false));

        List<String> csv = List.of(given().queryParam("type", "sources").queryParam("indicator", "pop_resident")
                .queryParam("region", JIAN).queryParam("period", "2022")
                .when().get("/api/v1/export").then().statusCode(200).extract().asString().split("\r?\n"));
        assertThat(csv.get(1)).endsWith(",pop_resident=475410");
        assertThat(csv.get(2)).endsWith(",pop_resident=438582 (not used) (conflict)");
        assertThat(csv.get(3)).endsWith(",pop_resident=477787 (not used)");
    }

    @Test
    void anUnknownIndicatorIsNotFoundAndTheRegionIsRequired() {
        given().queryParam("region", YICHUN).queryParam("period", "2023")
                .when().get("/api/v1/aggregates/{indicator}/sources", "sci_unicorn_count")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("period", "2023")
                .when().get("/api/v1/aggregates/{indicator}/sources", "sci_tech_contract_count")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("region"));
    }

    private static SubmissionEvent quarterly(String region, String period, int version, String contracts, String amount) {
        return Events.withValues(Events.submission(region, "sci_quarterly", period, version, "2023-04-0%dT02:00:00Z".formatted(version)),
                Events.reported("sci_tech_contract_count", contracts), Events.reported("sci_tech_contract_amount", amount),
                new ReportedValue(IndicatorCode.of("sci_innovation_platform_count"), new BigDecimal("4"), ValueStatus.REPORTED,
                        ValueKind.ACTUAL));
    }

    private static ValidatableResponse sourcesOf(String indicator, String region, String period) {
        return given().config(exactNumbers()).queryParam("region", region).queryParam("period", period)
                .when().get("/api/v1/aggregates/{indicator}/sources", indicator)
                .then().statusCode(200).contentType("application/json");
    }

    private static ValidatableResponse sources(String region, String period, String status) {
        var request = given().config(exactNumbers()).queryParam("region", region).queryParam("period", period);
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.when().get("/api/v1/aggregates/{indicator}/sources", AVERAGE_AMOUNT)
                .then().statusCode(200).contentType("application/json");
    }
}
