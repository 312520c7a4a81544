package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.problem.Problem;

/** POST /api/v1/extractions and its drafts: facts with offsets into the posted text, and every refusal as problem+json. */
@QuarkusTest
class ExtractionApiTest {

    private static final String PATH = "/api/v1/extractions";
    private static final String TEXT_UTF8 = "text/plain; charset=utf-8";
    private static final String SHORT_REPORT = """
            X县教育局2020年工作总结
            一、主要成绩
            1.办学条件。全年累计投入3.3亿元，新增学位3866个，在园幼儿1.2万人。全县义务教育学校XX所。
            2.教师队伍。全年招录新任教师194人，培训教师5423人次，列全市第3。
            """;

    @Test
    void factsPointIntoThePostedText() throws IOException {
        String text = seed("004_7d4591389bb67c36.txt");

        JsonPath answer = postText(text).then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> facts = answer.getList("facts");
        assertThat(facts).hasSizeGreaterThan(100);
        for (Map<String, Object> fact : facts) {
            int start = (Integer) fact.get("start");
            int end = (Integer) fact.get("end");
            assertThat(text.substring(start, end)).isEqualTo(fact.get("text"));
        }
        assertThat(answer.getList("reports")).hasSizeGreaterThan(1);
        assertThat(answer.getString("id")).isNotBlank();
    }

    @Test
    void aShortReportReadsAsItIsWritten() {
        JsonPath answer = postText(SHORT_REPORT).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("facts.unit")).containsExactly("亿元", "个", "万人", "人", "人次", "");
        assertThat(answer.getList("facts.kind")).containsExactly("actual", "actual", "actual", "actual", "actual", "rank");
        assertThat(answer.getList("facts.indicator")).containsExactly(
                "fin_edu_investment_amount", "pre_new_place_count", "pre_enrolled_children", "tch_new_recruited_count",
                "tch_training_person_times", null);
        assertThat(answer.getString("facts[0].normalizedValue")).isEqualTo("330000000");
        assertThat(answer.getList("redactions.placeholder")).containsExactly("XX");
        assertThat(answer.getString("reports[0].period")).isEqualTo("2020");
        assertThat(answer.getString("facts[1].section")).isEqualTo("一、/1.");
    }

    @Test
    void aStoredExtractionCanBeReadAgain() {
        String id = postText(SHORT_REPORT).then().statusCode(200).extract().path("id");

        given().get(PATH + "/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("facts[0].value", equalTo(3.3f));
    }

    @Test
    void aDraftHoldsTheFormsActualValuesInCatalogueUnits() {
        String id = postText(SHORT_REPORT).then().statusCode(200).extract().path("id");

        JsonPath draft = draft(id, "360722", "edu_annual", "2020").then().statusCode(200).extract().jsonPath();

        assertThat(draft.getString("dataset")).isEqualTo("edu_annual");
        assertThat(draft.getString("submissionKey")).isEqualTo("extraction-" + id);
        assertThat(draft.getList("values.indicator")).containsExactly("fin_edu_investment_amount", "pre_new_place_count",
                "pre_enrolled_children", "tch_new_recruited_count", "tch_training_person_times", "edu_school_count");
        // 3.3亿元 for an indicator the catalogue keeps in 万元
        assertThat(draft.getString("values[0].value")).isEqualTo("33000");
        assertThat(draft.getString("values[2].value")).isEqualTo("12000");
        assertThat(draft.getString("values[5].status")).isEqualTo("redacted");
        assertThat(draft.getString("values[0].source.text")).contains("3.3亿元");
        Catalogue catalogue = Catalogue.load();
        var form = catalogue.dataset(DatasetCode.of("edu_annual")).orElseThrow();
        draft.getList("values.indicator", String.class).forEach(code -> assertThat(form.contains(IndicatorCode.of(code))).isTrue());
    }

    @Test
    void aDraftForAnotherFormLeavesOutWhatItDoesNotAsk() {
        String id = postText(SHORT_REPORT).then().statusCode(200).extract().path("id");

        draft(id, "360722", "spt_annual", "2020").then().statusCode(200).body("values.size()", equalTo(0));
    }

    @Test
    void aDraftNamesEveryBadParameter() {
        String id = postText(SHORT_REPORT).then().statusCode(200).extract().path("id");

        JsonPath problem = draft(id, "999999", "no_such_form", "2020Q9").then()
                .statusCode(422).contentType(Problem.MEDIA_TYPE).extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly("region", "dataset", "period");
        draft(id, "360722", "edu_annual", "2020Q3").then().statusCode(422).body("errors[0].field", equalTo("period"));
        given().post(PATH + "/" + id + "/draft").then().statusCode(422).body("errors.size()", equalTo(3));
    }

    @Test
    void unknownExtractionsAreNotFound() {
        given().get(PATH + "/00000000-0000-0000-0000-000000000000").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get(PATH + "/not-an-id").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        draft("00000000-0000-0000-0000-000000000000", "360722", "edu_annual", "2020").then().statusCode(404);
    }

    @Test
    void emptyTextIsRefused() {
        postText("").then().statusCode(422).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("body"));
        postText(" \n\u3000\t ").then().statusCode(422).contentType(Problem.MEDIA_TYPE);
        postText("a\u0000b").then().statusCode(422).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] gbk = SHORT_REPORT.getBytes(Charset.forName("GBK"));
        given().contentType(TEXT_UTF8).body(gbk).post(PATH).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:report-platform:problem:malformed-text"));
        given().contentType("text/plain; charset=gbk").body(gbk).post(PATH).then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body("{}").post(PATH).then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void textOverTheLimitIsTooLarge() {
        byte[] huge = "教".repeat(800_000).getBytes(StandardCharsets.UTF_8);
        given().contentType(TEXT_UTF8).body(huge).post(PATH).then()
                .statusCode(413).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:report-platform:problem:body-too-large"));
    }

    @Test
    void aReportOfOneMegabyteIsRead() {
        String text = SHORT_REPORT.repeat(1_000_000 / SHORT_REPORT.getBytes(StandardCharsets.UTF_8).length);

        postText(text).then().statusCode(200);
    }

    private static io.restassured.response.Response postText(String text) {
        return given().contentType(TEXT_UTF8).body(text.getBytes(StandardCharsets.UTF_8)).post(PATH);
    }

    private static io.restassured.response.Response draft(String id, String region, String dataset, String period) {
        return given().queryParam("region", region).queryParam("dataset", dataset).queryParam("period", period)
                .post(PATH + "/" + id + "/draft");
    }

    static String seed(String name) throws IOException {
        try (InputStream in = ExtractionApiTest.class.getResourceAsStream("/extraction/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
