package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.dashboard.support.TestTopicsResource;

/** Every refusal is an RFC 9457 problem that says what was wrong. */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class ProblemResponsesTest {

    @Test
    void anUnknownIndicatorIsNotFound() {
        problem(figureOf("edu_no_such_indicator", "360700", "2020"), 404)
                .body("detail", equalTo("unknown indicator edu_no_such_indicator"))
                .body("instance", equalTo("/api/v1/aggregates/edu_no_such_indicator"));
        problem(given().get("/api/v1/aggregates/NOT-A-CODE/children?region=360700&period=2020"), 404)
                .body("detail", equalTo("unknown indicator NOT-A-CODE"));
        problem(given().get("/api/v1/indicators/edu_no_such_indicator"), 404)
                .body("detail", equalTo("unknown indicator edu_no_such_indicator"));
    }

    @Test
    void anUnknownRegionIsNotFound() {
        problem(figureOf("edu_school_count", "369900", "2020"), 404)
                .body("detail", equalTo("unknown region 369900"));
        problem(given().get("/api/v1/aggregates/edu_school_count/children?region=369900&period=2020"), 404)
                .body("detail", equalTo("unknown region 369900"));
        problem(given().get("/api/v1/regions/369900"), 404)
                .body("detail", equalTo("unknown region 369900"));
    }

    @Test
    void aMissingOrMalformedParameterIsABadRequestNamingIt() {
        problem(given().queryParam("period", "2020").get("/api/v1/aggregates/edu_school_count"), 400)
                .body("detail", equalTo("invalid parameter region: is required"))
                .body("errors[0].field", equalTo("region"))
                .body("errors[0].message", equalTo("is required"));
        problem(figureOf("edu_school_count", "36070", "2020"), 400)
                .body("errors[0].field", equalTo("region"));
        problem(given().queryParam("region", "360700").get("/api/v1/aggregates/edu_school_count/children"), 400)
                .body("errors[0].field", equalTo("period"));
        problem(figureOf("edu_school_count", "360700", "2020X"), 400)
                .body("detail", startsWith("invalid parameter period: "))
                .body("errors[0].field", equalTo("period"));
        problem(given().get("/api/v1/regions/12345"), 400)
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void theDashboardsRefusalsAreInChineseWhenTheRequestPrefersIt() {
        problem(given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").queryParam("period", "2020")
                .get("/api/v1/aggregates/edu_school_count"), 400)
                .body("title", equalTo("参数有误"))
                .body("detail", equalTo("参数 region 有误：必填"))
                .body("errors[0].field", equalTo("region"))
                .body("errors[0].message", equalTo("必填"));
        problem(given().header("Accept-Language", "zh-CN").get("/api/v1/regions/369900"), 404)
                .body("detail", equalTo("未知地区 369900"));
        problem(given().header("Accept-Language", "zh-CN")
                .get("/api/v1/completeness?dataset=edu_annual&period=2020Q1&region=360000"), 400)
                .body("errors[0].message", containsString("按 YEARLY 期别报送"));
        // English stays the default
        problem(given().queryParam("period", "2020").get("/api/v1/aggregates/edu_school_count"), 400)
                .body("title", equalTo("Invalid parameter"));
    }

    @Test
    void completenessOfAnUnknownDatasetOrRegionIsNotFound() {
        problem(completenessOf("edu_monthly", "2020", "360000"), 404)
                .body("detail", equalTo("unknown dataset edu_monthly"))
                .body("instance", equalTo("/api/v1/completeness"));
        problem(completenessOf("edu_annual", "2020", "369900"), 404)
                .body("detail", equalTo("unknown region 369900"));
    }

    @Test
    void completenessNeedsEveryParameterAndAPeriodOfTheFormsType() {
        problem(given().queryParam("period", "2020").queryParam("region", "360000").get("/api/v1/completeness"), 400)
                .body("errors[0].field", equalTo("dataset"))
                .body("errors[0].message", equalTo("is required"));
        problem(completenessOf("EDU-ANNUAL", "2020", "360000"), 400)
                .body("errors[0].field", equalTo("dataset"));
        problem(completenessOf("edu_annual", "2020X", "360000"), 400)
                .body("detail", startsWith("invalid parameter period: "))
                .body("errors[0].field", equalTo("period"));
        problem(completenessOf("edu_annual", "2020Q3", "360000"), 400)
                .body("detail", equalTo("invalid parameter period: edu_annual is reported per YEARLY period, not QUARTERLY"))
                .body("errors[0].field", equalTo("period"));
        problem(completenessOf("edu_annual", "2020", "36000"), 400)
                .body("errors[0].field", equalTo("region"));
        problem(given().queryParam("dataset", "edu_annual").queryParam("period", "2020").get("/api/v1/completeness"), 400)
                .body("errors[0].field", equalTo("region"));
    }

    @Test
    void anUnknownPathIsNotFound() {
        problem(given().get("/api/v1/no-such-resource"), 404);
        problem(given().get("/no-such-page"), 404);
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        problem(given().contentType("application/json").body("{}").post("/api/v1/indicators"), 405);
        problem(given().delete("/api/v1/regions/360000"), 405);
    }

    private static Response figureOf(String indicator, String region, String period) {
        return given().queryParam("region", region).queryParam("period", period)
                .get("/api/v1/aggregates/{indicator}", indicator);
    }

    private static Response completenessOf(String dataset, String period, String region) {
        return given().queryParam("dataset", dataset).queryParam("period", period).queryParam("region", region)
                .get("/api/v1/completeness");
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then()
                .statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", containsString("urn:report-platform:problem:"));
    }
}
