package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.reportplatform.dashboard.support.SameNumber.sameNumber;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.dashboard.support.AggregatePublisher;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.Reports;
import org.reportplatform.dashboard.support.SubmissionPublisher;
import org.reportplatform.dashboard.support.TestTopicsResource;

/** The trend endpoint and the CSV export, over figures sent through the real broker; periods of their own. */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class ExportAndTrendApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Inject
    AggregatePublisher aggregates;

    @Inject
    SubmissionPublisher submissions;

    @Test
    void aTrendListsEveryPeriodOldestFirstWithGapsAsNull() {
        aggregates.publish(Events.city("edu_school_count", "360700", "2005", "100", 18, 18));
        aggregates.publish(Events.city("edu_school_count", "360700", "2007", "120", 17, 18));

        await().atMost(WAIT).untilAsserted(() -> trend("360700", "2005", "2007").statusCode(200)
                .body("unit", equalTo("所"))
                .body("regionName", equalTo("赣州市"))
                .body("figures.period", contains("2005", "2006", "2007"))
                .body("figures[0].value", sameNumber("100"))
                .body("figures[1].value", nullValue())
                .body("figures[2].value", sameNumber("120"))
                .body("figures[2].reportingUnits", equalTo(17))
                .body("figures.partial", contains(false, false, true)));
        given().queryParam("region", "360700").queryParam("from", "2020Q3").queryParam("to", "2021Q2")
                .get("/api/v1/aggregates/sci_tech_contract_count/trend").then().statusCode(200)
                .body("figures.period", contains("2020Q3", "2020Q4", "2021Q1", "2021Q2"));
    }

    @Test
    void aTrendRefusesABadRange() {
        trend("360700", "2007", "2005").statusCode(400).body("errors[0].field", equalTo("to"));
        trend("360700", "2005", "2005Q1").statusCode(400).body("errors[0].field", equalTo("to"));
        trend("360700", "1960", "2020").statusCode(400).body("errors[0].field", equalTo("to"));
        trend("360700", null, "2020").statusCode(400).body("errors[0].field", equalTo("from"));
        trend(null, "2019", "2020").statusCode(400).body("errors[0].field", equalTo("region"));
    }

    @Test
    void childrenExportIsExcelReadyCsvOfTheRankedTable() {
        aggregates.publish(Events.city("edu_school_count", "360700", "2004", "30", 2, 18));
        aggregates.publish(Events.county("edu_school_count", "360702", "2004", "10"));
        aggregates.publish(Events.county("edu_school_count", "360782", "2004", "20"));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", "360700").queryParam("period", "2004")
                .get("/api/v1/aggregates/edu_school_count/children").then().body("children[1].value", sameNumber("10")));

        Response csv = export("type", "children", "indicator", "edu_school_count", "region", "360700", "period", "2004");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualToIgnoringCase("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"children-edu_school_count-360700-2004.csv\"");
        List<String> lines = lines(csv);
        assertThat(lines.get(0)).startsWith("排名 (rank),地区代码 (region),地区 (regionName),数值/所 (value),已报单位 (reportingUnits)");
        assertThat(lines.get(0)).endsWith("目标 (target),完成率% (completion)");
        // the share is 66.666…% in JSON; four decimals in a sheet
        assertThat(lines.get(1)).startsWith("1,360782,南康市,20,1,1,0,0,false,66.6667,");
        assertThat(lines.get(2)).startsWith("2,360702,");
        // every district and county of Ganzhou, reported or not
        assertThat(lines).hasSize(1 + 18);
    }

    @Test
    void completenessExportListsEachChildThenTheRegion() {
        submissions.publish(Reports.full("360702", "edu_annual", "2003", 1, "2004-01-10T02:00:00Z"));
        submissions.publish(Reports.held(Reports.full("360782", "edu_annual", "2003", 1, "2004-01-10T02:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("dataset", "edu_annual").queryParam("period", "2003")
                .queryParam("region", "360000").get("/api/v1/completeness").then().body("heldUnits", equalTo(1)));

        List<String> lines = lines(export("type", "completeness", "dataset", "edu_annual", "region", "360000", "period", "2003"));
        assertThat(lines.get(0)).isEqualTo("地区代码 (region),地区 (regionName),应报 (expected),已报 (received),"
                + "部分 (partialUnits),待说明 (heldUnits),已退回 (returnedUnits),未报 (missing),按时 (onTime),迟报 (late),"
                + "报送率% (reportingRate),及时率% (timelyRate)");
        assertThat(lines).hasSize(1 + 11 + 1);
        assertThat(lines.get(1)).isEqualTo("360700,赣州市,18,1,0,1,0,16,1,0,5.5556,5.5556");
        assertThat(lines.get(lines.size() - 1)).startsWith("360000,江西省,");
    }

    @Test
    void sourcesExportListsTheCountySubmissionsOfTheFigure() {
        SubmissionEvent counted = Events.withValues(Events.submission("360782", "edu_annual", "2002", 2, "2003-01-10T02:00:00Z"),
                Events.reported("edu_school_count", "41"));
        submissions.publish(counted);
        aggregates.publish(Events.madeOf(Events.county("edu_school_count", "360782", "2002", "41"), counted));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", "360700").queryParam("period", "2002")
                .get("/api/v1/aggregates/edu_school_count/sources").then().body("sources", hasSize(1)));

        List<String> lines = lines(export("type", "sources", "indicator", "edu_school_count", "region", "360700", "period", "2002"));
        assertThat(lines.get(0)).isEqualTo("报送编号 (submissionId),地区代码 (region),地区 (regionName),报表 (dataset),期别 (period),"
                + "版本 (version),审核状态 (reviewStatus),报送时间 (submittedAt),数值 (values)");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",360782,南康市,edu_annual,2002,2,SUBMITTED,2003-01-10T02:00:00Z,edu_school_count=41");
    }

    @Test
    void trendExportHasOneLinePerPeriod() {
        List<String> lines = lines(export("type", "trend", "indicator", "edu_school_count", "region", "360000",
                "from", "2001", "to", "2002"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("期别 (period),数值/所 (value)");
        assertThat(lines.get(1)).startsWith("2001,,0,");
    }

    @Test
    void badExportParametersAreProblemsNamingTheField() {
        given().get("/api/v1/export").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"));
        given().queryParam("type", "pie").get("/api/v1/export").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().queryParam("type", "children").queryParam("region", "360000").queryParam("period", "2020")
                .get("/api/v1/export").then().statusCode(400).body("errors[0].field", equalTo("indicator"));
        given().queryParam("type", "children").queryParam("indicator", "edu_school_count").queryParam("region", "360000")
                .get("/api/v1/export").then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().queryParam("type", "children").queryParam("indicator", "nope").queryParam("region", "360000")
                .queryParam("period", "2020").get("/api/v1/export").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("type", "completeness").queryParam("dataset", "edu_annual").queryParam("region", "360000")
                .queryParam("period", "2020Q1").get("/api/v1/export").then().statusCode(400)
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("period"));
        given().queryParam("type", "trend").queryParam("indicator", "edu_school_count").queryParam("region", "360000")
                .queryParam("from", "2020").get("/api/v1/export").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    private static io.restassured.response.ValidatableResponse trend(String region, String from, String to) {
        var request = given();
        if (region != null) {
            request.queryParam("region", region);
        }
        if (from != null) {
            request.queryParam("from", from);
        }
        return request.queryParam("to", to).get("/api/v1/aggregates/edu_school_count/trend").then();
    }

    private static Response export(String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/api/v1/export");
    }

    /** The CSV's lines, after checking that it starts with the byte order mark. */
    private static List<String> lines(Response csv) {
        byte[] body = csv.asByteArray();
        assertThat(Arrays.copyOf(body, 3)).isEqualTo(BOM);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }
}
