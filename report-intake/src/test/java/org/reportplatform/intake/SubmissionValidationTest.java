package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.reportplatform.intake.Submissions.explained;
import static org.reportplatform.intake.Submissions.post;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.target;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Year;
import java.time.ZoneId;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.intake.Submissions.StoredRows;

/** Every rule of SubmissionValidator: 422 problem+json naming the bad fields, and nothing stored. */
@QuarkusTest
class SubmissionValidationTest {

    private static final String SCHOOLS = value("edu_school_count", "329");

    static Stream<Arguments> invalidSubmissions() {
        // the reporting calendar is China's: around New Year the server's own year would be the wrong one
        int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        String thisYear = String.valueOf(year);
        String nextYear = String.valueOf(year + 1);
        String sixYearsAhead = String.valueOf(year + 6);
        return Stream.of(
                invalid("missing key", submission(null, "360722", "edu_annual", "2020", SCHOOLS), "submissionKey", "is required"),
                invalid("blank key", submission("  ", "360722", "edu_annual", "2020", SCHOOLS), "submissionKey", "is required"),
                invalid("key too long", submission("k".repeat(129), "360722", "edu_annual", "2020", SCHOOLS), "submissionKey", "at most 128"),
                invalid("key with spaces", submission("a key/2020", "360722", "edu_annual", "2020", SCHOOLS), "submissionKey", "only letters"),
                invalid("missing region", submission("k", null, "edu_annual", "2020", SCHOOLS), "region", "is required"),
                invalid("unknown region", submission("k", "999999", "edu_annual", "2020", SCHOOLS), "region", "not a known region"),
                invalid("malformed region", submission("k", "36072", "edu_annual", "2020", SCHOOLS), "region", "not a known region"),
                invalid("actual of a city", submission("k", "360700", "edu_annual", "2020", SCHOOLS), "region",
                        "360700 is a city; actual values come from county-level units"),
                invalid("city's actual beside its target", submission("k", "360700", "edu_annual", "2020", SCHOOLS,
                        target("edu_school_count", "330")), "region", "a city or the province states only its own targets"),
                invalid("province", submission("k", "360000", "edu_annual", "2020", SCHOOLS), "region", "360000 is a province"),
                invalid("unknown dataset", submission("k", "360722", "edu_monthly", "2020", SCHOOLS), "dataset", "not a known form"),
                invalid("malformed period", submission("k", "360722", "edu_annual", "2020-01", SCHOOLS), "period", "is written 2020"),
                invalid("period before 1949", submission("k", "360722", "edu_annual", "1900", SCHOOLS), "period", "from 1949 on"),
                invalid("quarter for a yearly form", submission("k", "360722", "edu_annual", "2020Q3", SCHOOLS), "period",
                        "edu_annual is reported for yearly periods such as 2020; 2020Q3 is a quarterly period"),
                invalid("actual of a period not begun", submission("k", "360722", "edu_annual", nextYear, SCHOOLS), "period",
                        "the reporting period has not ended"),
                invalid("actual of the current period", submission("k", "360722", "edu_annual", thisYear, SCHOOLS), "period",
                        "the reporting period has not ended: " + thisYear + " ends " + thisYear + "-12-31"),
                invalid("actual beside a target of the current period", submission("k", "360722", "edu_annual", thisYear, SCHOOLS,
                        target("edu_school_count", "330")), "period", "its actual values are accepted from the day after"),
                invalid("target six years ahead", submission("k", "360722", "edu_annual", sixYearsAhead, target("edu_school_count", "330")),
                        "period", "targets are set at most 5 years ahead"),
                invalid("actual of a year of a quarterly form", submission("k", "360722", "sci_quarterly", "2023",
                        value("sci_tech_contract_count", "12")), "period",
                        "sci_quarterly is reported for quarterly periods such as 2020Q3; 2023 is a yearly period"),
                invalid("target of a period not made of the form's", submission("k", "360722", "sci_quarterly", "2023AY",
                        target("sci_tech_contract_count", "12")), "period", "2023AY is not made up of quarterly periods"),
                invalid("academic year for a yearly form", submission("k", "360722", "edu_annual", "2020AY", SCHOOLS), "period",
                        "2020AY is an academic year period"),
                invalid("no values", submission("k", "360722", "edu_annual", "2020"), "values", "at least one"),
                invalid("values missing", """
                        {"submissionKey": "k", "region": "360722", "dataset": "edu_annual", "period": "2020"}""",
                        "values", "at least one"),
                invalid("null value entry", submission("k", "360722", "edu_annual", "2020", "null"), "values[0]", "is required"),
                invalid("unknown indicator", submission("k", "360722", "edu_annual", "2020", value("edu_unicorn_count", "1")),
                        "values[0].indicator", "not a known indicator"),
                invalid("indicator of another form", submission("k", "360722", "spt_annual", "2020", SCHOOLS),
                        "values[0].indicator", "edu_school_count is not part of spt_annual"),
                invalid("indicator twice", submission("k", "360722", "edu_annual", "2020", SCHOOLS, value("edu_school_count", "330")),
                        "values[1].indicator", "the actual edu_school_count is already listed at values[0]"),
                invalid("target twice", submission("k", "360722", "edu_annual", "2020", SCHOOLS, target("edu_school_count", "330"),
                        target("edu_school_count", "340")), "values[2].indicator", "the target edu_school_count is already listed at values[1]"),
                invalid("unknown kind", submission("k", "360722", "edu_annual", "2020", """
                        {"indicator": "edu_school_count", "value": 3, "kind": "forecast"}"""), "values[0].kind", "is actual (the default) or target"),
                invalid("kind in capitals", submission("k", "360722", "edu_annual", "2020", """
                        {"indicator": "edu_school_count", "value": 3, "kind": "TARGET"}"""), "values[0].kind", "in lower case"),
                invalid("kind with a space", submission("k", "360722", "edu_annual", "2020", """
                        {"indicator": "edu_school_count", "value": 3, "kind": " target"}"""), "values[0].kind", "in lower case"),
                invalid("status capitalised", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "5", "Reported")),
                        "values[0].status", "reported, redacted or missing, in lower case"),
                invalid("number as text", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "\"12\"")),
                        "values[0].value", "is a JSON number, such as 12"),
                invalid("NaN as text", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "\"NaN\"")),
                        "values[0].value", "is a JSON number"),
                invalid("boolean value", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "true")),
                        "values[0].value", "is a JSON number"),
                invalid("object value", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "{\"n\": 1}")),
                        "values[0].value", "is a JSON number"),
                invalid("fractional count", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "12.5")),
                        "values[0].value", "is a whole number: edu_school_count is a count, and 12.5 is not"),
                invalid("fractional count target", submission("k", "360722", "edu_annual", "2020", target("edu_school_count", "0.5")),
                        "values[0].value", "is a whole number"),
                invalid("bare target weighted average", submission("k", "360722", "edu_annual", "2020", target("edu_zhongkao_avg_score", "520")),
                        "values[0].indicator", "edu_zhongkao_avg_score is an average weighted by edu_zhongkao_candidate_count"),
                invalid("target breaking a hard rule", submission("k", "360722", "edu_annual", "2020",
                        target("pre_public_enrolled_children", "1200"), target("pre_enrolled_children", "1000")), "values[0].value",
                        "pre_public_enrolled_children (1200) is above pre_enrolled_children (1000)"),
                invalid("reported without a value", submission("k", "360722", "edu_annual", "2020", """
                        {"indicator": "edu_school_count"}"""), "values[0].value", "is required"),
                invalid("redacted with a value", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "5", "redacted")),
                        "values[0].value", "must be null when the status is redacted"),
                invalid("missing with a value", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "5", "missing")),
                        "values[0].value", "must be null when the status is missing"),
                invalid("unknown status", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "5", "estimated")),
                        "values[0].status", "reported, redacted or missing"),
                invalid("negative count", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "-1")),
                        "values[0].value", "cannot be negative: edu_school_count is a count"),
                invalid("negative money", submission("k", "360722", "edu_annual", "2020", value("pty_building_fund_amount", "-0.5")),
                        "values[0].value", "cannot be negative"),
                invalid("seven decimals", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "1.0000001")),
                        "values[0].value", "more than 6 decimals"),
                invalid("21 integer digits", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "1e20")),
                        "values[0].value", "more than 20 digits"),
                invalid("absurd exponent", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "1e999999")),
                        "values[0].value", "more than 20 digits"),
                invalid("absurdly small", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "1e-999999")),
                        "values[0].value", "more than 6 decimals"),
                invalid("rate without its components", submission("k", "360722", "edu_annual", "2020", value("pre_gross_enrolment_rate", "91.5")),
                        "values[0].indicator", "pre_gross_enrolment_rate is computed from pre_enrolled_children and pop_age_3_5: send both"),
                invalid("rate with a redacted component", submission("k", "360722", "edu_annual", "2020",
                                value("pre_gross_enrolment_rate", "91.5"), value("pre_enrolled_children", "9150"), value("pop_age_3_5", "null", "redacted")),
                        "values[0].indicator", "not reported here: pop_age_3_5"),
                invalid("weighted average without its weight", submission("k", "360722", "edu_annual", "2020", value("edu_zhongkao_avg_score", "512.3")),
                        "values[0].indicator", "edu_zhongkao_avg_score is an average weighted by edu_zhongkao_candidate_count"),
                invalid("blank explanation", submission("k", "360722", "edu_annual", "2020", explained("edu_school_count", "329", " ")),
                        "values[0].explanation", "is empty"),
                invalid("explanation too long", submission("k", "360722", "edu_annual", "2020", explained("edu_school_count", "329", "说".repeat(501))),
                        "values[0].explanation", "at most 500 characters"),
                invalid("explanation with a control character", submission("k", "360722", "edu_annual", "2020", """
                        {"indicator": "edu_school_count", "value": 329, "explanation": "a\\u0000b"}"""),
                        "values[0].explanation", "no control characters"),
                invalid("too many values", submission("k", "360722", "edu_annual", "2020",
                                IntStream.range(0, 501).mapToObj(i -> SCHOOLS).collect(Collectors.joining(", "))),
                        "values", "at most 500"));
    }

    private static Arguments invalid(String rule, String body, String field, String message) {
        return Arguments.of(rule, body, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSubmissions")
    void rejectsNamingTheField(String rule, String body, String field, String message) {
        StoredRows before = StoredRows.count();

        JsonPath problem = post(body).then()
                .statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:report-platform:problem:invalid-submission"))
                .body("status", equalTo(422))
                .extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly(field);
        assertThat(problem.getString("errors[0].message")).contains(message);
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        String body = submission("bad key", "360700", "edu_annual", "2020Q3",
                value("edu_school_count", "-3"),
                value("edu_unicorn_count", "1"),
                value("pre_gross_enrolment_rate", "88"),
                value("edu_school_count", "4"));

        JsonPath problem = post(body).then().statusCode(422).contentType(Problem.MEDIA_TYPE).extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly(
                "submissionKey", "region", "period",
                "values[0].value", "values[1].indicator", "values[3].indicator", "values[2].indicator");
        assertThat(problem.getString("detail")).isEqualTo("7 fields are invalid");
    }

    @Test
    void namesEveryBadNumberOfARequest() {
        JsonPath problem = post(submission("k", "360722", "edu_annual", "2020",
                value("edu_school_count", "12.5"), value("edu_class_count", "-5"), value("edu_student_count", "\"12\"")))
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE).extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly("values[0].value", "values[1].value", "values[2].value");
        assertThat(problem.getList("errors.message", String.class)).satisfiesExactly(
                message -> assertThat(message).contains("whole number"),
                message -> assertThat(message).contains("cannot be negative"),
                message -> assertThat(message).contains("JSON number"));
    }

    @Test
    void answersInChineseWhenTheRequestPrefersIt() {
        String currentYear = String.valueOf(Year.now(ZoneId.of("Asia/Shanghai")).getValue());
        String body = submission("bad key", "360722", "edu_annual", currentYear,
                value("edu_school_count", "12.5"), value("pre_public_enrolled_children", "1201"), value("pre_enrolled_children", "1200"));

        JsonPath zh = given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").body(body)
                .post(Submissions.PATH).then().statusCode(422).contentType(Problem.MEDIA_TYPE).extract().jsonPath();
        JsonPath en = given().contentType(ContentType.JSON).header("Accept-Language", "en-US,zh;q=0.5").body(body)
                .post(Submissions.PATH).then().statusCode(422).extract().jsonPath();

        assertThat(zh.getString("title")).isEqualTo("提交内容有误");
        assertThat(zh.getString("detail")).isEqualTo("4 个字段有误");
        assertThat(zh.getList("errors.field")).containsExactly("submissionKey", "period", "values[0].value", "values[1].value");
        assertThat(zh.getList("errors.message", String.class)).satisfiesExactly(
                message -> assertThat(message).startsWith("只能含字母"),
                message -> assertThat(message).startsWith("报告期未结束：" + currentYear + " 于 " + currentYear + "-12-31 结束"),
                message -> assertThat(message).isEqualTo("须为整数：edu_school_count 是计数，12.5 不是整数"),
                message -> assertThat(message).isEqualTo("公办幼儿园在园幼儿数（1201）高于在园幼儿数（1200）：公办幼儿园在园幼儿是在园幼儿的一部分"));
        assertThat(en.getString("title")).isEqualTo("Invalid submission");
        assertThat(en.getString("detail")).isEqualTo("4 fields are invalid");
        assertThat(en.getString("errors[1].message")).startsWith("the reporting period has not ended");
        assertThat(en.getString("errors[3].message")).endsWith(": children in public kindergartens are part of all children enrolled");
    }

    @Test
    void aWithheldRateNeedsNoComponents() {
        post(submission("xingguo-edu-2020", "360732", "edu_annual", "2020", value("pre_gross_enrolment_rate", "null", "missing")))
                .then().statusCode(202);
    }
}
