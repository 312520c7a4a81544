package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.reportplatform.intake.Submissions.explained;
import static org.reportplatform.intake.Submissions.post;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.target;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.intake.Submissions.StoredRows;

/** Accepting, reading, replaying and revising submissions, and their events on Kafka. Each test uses its own county. */
@QuarkusTest
class SubmissionApiTest {

    private static SubmissionEvents events;

    @BeforeAll
    static void subscribe() {
        events = SubmissionEvents.subscribe();
    }

    @AfterAll
    static void unsubscribe() {
        events.close();
    }

    @Test
    void acceptsASubmissionStoresItAndPublishesItsEvent() {
        String body = submission("xinfeng-edu-2020", "360722", "edu_annual", "2020",
                value("edu_school_count", "329"),
                value("pre_enrolled_children", "null", "redacted"));

        var accepted = post(body).then()
                .statusCode(202)
                .body("status", equalTo("SUBMITTED"))
                .body("version", equalTo(1))
                .body("publishedAt", nullValue())
                .extract();
        UUID id = UUID.fromString(accepted.jsonPath().getString("id"));
        assertThat(accepted.header("Location")).endsWith("/api/v1/submissions/" + id);

        JsonPath stored = given().get(Submissions.PATH + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("submissionKey")).isEqualTo("xinfeng-edu-2020");
        assertThat(stored.getString("region.code")).isEqualTo("360722");
        assertThat(stored.getString("region.name")).isEqualTo("信丰县");
        assertThat(stored.getString("dataset")).isEqualTo("edu_annual");
        assertThat(stored.getString("period")).isEqualTo("2020");
        assertThat(stored.getString("receivedAt")).isEqualTo(accepted.jsonPath().getString("receivedAt"));
        assertThat(stored.getList("values.indicator")).containsExactly("edu_school_count", "pre_enrolled_children");
        assertThat(stored.getList("values.value")).containsExactly(329, null);
        assertThat(stored.getList("values.status")).containsExactly("reported", "redacted");

        SubmissionEvents.Received received = events.await(id);
        assertThat(received.key()).isEqualTo("360000");
        assertThat(received.event().submissionKey()).isEqualTo("xinfeng-edu-2020");
        assertThat(received.event().version()).isEqualTo(1);
        assertThat(received.event().period().value()).isEqualTo("2020");
        assertThat(received.event().values()).containsExactly(
                new ReportedValue(IndicatorCode.of("edu_school_count"), new BigDecimal("329"), ValueStatus.REPORTED),
                new ReportedValue(IndicatorCode.of("pre_enrolled_children"), null, ValueStatus.REDACTED));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get(Submissions.PATH + "/" + id).then().body("publishedAt", notNullValue()));
    }

    @Test
    void aReplayOfTheSameKeyAndContentReturnsTheStoredSubmission() {
        String body = submission("dayu-edu-2020", "360723", "edu_annual", "2020", value("edu_school_count", "12"));
        var first = post(body).then().statusCode(202).extract();
        StoredRows afterFirst = StoredRows.count();

        // the same content written differently: another number spelling, the default status spelled out
        String sameContent = submission("dayu-edu-2020", "360723", "edu_annual", "2020", value("edu_school_count", "12.0", "reported"));
        var replay = post(sameContent).then().statusCode(200).extract();

        assertThat(replay.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.jsonPath().getInt("version")).isEqualTo(1);
        assertThat(replay.jsonPath().getString("receivedAt")).isEqualTo(first.jsonPath().getString("receivedAt"));
        assertThat(replay.jsonPath().getList("values")).isEqualTo(first.jsonPath().getList("values"));
        assertThat(StoredRows.count()).isEqualTo(afterFirst);
    }

    @Test
    void theSameKeyWithOtherContentIsAConflict() {
        post(submission("shangyou-edu-2020", "360724", "edu_annual", "2020", value("edu_school_count", "40"))).then().statusCode(202);
        StoredRows before = StoredRows.count();

        post(submission("shangyou-edu-2020", "360724", "edu_annual", "2020", value("edu_school_count", "41")))
                .then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("submission-key-conflict"));

        assertThat(StoredRows.count()).isEqualTo(before);
    }

    @Test
    void aNewSubmissionOfTheSameSeriesIsTheNextVersionAndSupersedesThePrevious() {
        String first = post(submission("chongyi-2020-a", "360725", "edu_annual", "2020", value("edu_school_count", "50")))
                .then().statusCode(202).extract().jsonPath().getString("id");
        String second = post(submission("chongyi-2020-b", "360725", "edu_annual", "2020", value("edu_school_count", "51")))
                .then().statusCode(202).body("version", equalTo(2)).body("status", equalTo("SUBMITTED"))
                .extract().jsonPath().getString("id");

        given().get(Submissions.PATH + "/" + first).then().statusCode(200)
                .body("status", equalTo("SUPERSEDED"))
                .body("version", equalTo(1));

        JsonPath history = given().queryParam("region", "360725").queryParam("dataset", "edu_annual").queryParam("period", "2020")
                .get(Submissions.PATH).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("id")).containsExactly(second, first);
        assertThat(history.getList("version")).containsExactly(2, 1);
        assertThat(history.getList("status")).containsExactly("SUBMITTED", "SUPERSEDED");

        assertThat(events.await(UUID.fromString(second)).event().version()).isEqualTo(2);
    }

    @Test
    void targetsAreStoredAndPublishedBesideActuals() {
        Response accepted = post(submission("ruijin-edu-2021", "360781", "edu_annual", "2021",
                value("pre_enrolled_children", "9150"), value("pop_age_3_5", "10000"),
                target("pre_enrolled_children", "9500"), target("pop_age_3_5", "10000"),
                target("pre_gross_enrolment_rate", "95")));
        accepted.then().statusCode(202);
        UUID id = UUID.fromString(accepted.jsonPath().getString("id"));

        JsonPath stored = given().get(Submissions.PATH + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("values.kind")).containsExactly("actual", "actual", "target", "target", "target");
        assertThat(events.await(id).event().values()).contains(
                new ReportedValue(IndicatorCode.of("pre_enrolled_children"), new BigDecimal("9150"), ValueStatus.REPORTED),
                new ReportedValue(IndicatorCode.of("pre_enrolled_children"), new BigDecimal("9500"), ValueStatus.REPORTED,
                        ValueKind.TARGET));
    }

    @Test
    void aRateIsAcceptedWithItsComponents() {
        post(submission("anyuan-pre-2020", "360726", "edu_annual", "2020",
                value("pre_gross_enrolment_rate", "91.5"),
                value("pre_enrolled_children", "9150"),
                value("pop_age_3_5", "10000")))
                .then().statusCode(202);
    }

    @Test
    void aDevelopmentZoneReportsBesideTheCountiesTheFormsAssignedToIt() {
        post(submission("sjz-hitech-sci-2020", "130171", "sci_annual", "2020", value("pop_resident", "250000")))
                .then().statusCode(202).body("region.name", equalTo("石家庄高新技术产业开发区"));
        post(submission("sjz-hitech-spt-2020", "130171", "spt_annual", "2020", value("pop_resident", "250000")))
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("dataset"))
                .body("errors[0].message", equalTo("spt_annual is not assigned to 130171, a unit of kind ZONE; it is "
                        + "reported by DISTRICT, COUNTY, COUNTY_CITY, TOWNSHIP"));
    }

    @Test
    void aHeldVersionIsPublishedFlaggedHeldAndTheExplainedRevisionSupersedesIt() {
        String rate = "pre_gross_enrolment_rate";
        UUID counting = id(post(submission("jizhou-2020-a", "360802", "edu_annual", "2020",
                value(rate, "91.5"), value("pre_enrolled_children", "9150"), value("pop_age_3_5", "10000")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).extract().jsonPath());
        // 92 stated, 91.6 computed: held for an explanation (待说明)
        UUID held = id(post(submission("jizhou-2020-b", "360802", "edu_annual", "2020",
                value(rate, "92"), value("pre_enrolled_children", "9160"), value("pop_age_3_5", "10000")))
                .then().statusCode(202).body("status", equalTo("NEEDS_EXPLANATION")).extract().jsonPath());
        // the version that counts is still the first: it is reviewed while the second waits for its explanation
        given().contentType(ContentType.JSON)
                .body("{\"action\": \"approve\", \"actor\": \"吉安市教育局\", \"role\": \"reviewer\"}")
                .post(Submissions.PATH + "/" + counting + "/transitions").then().statusCode(200);
        UUID explained = id(post(submission("jizhou-2020-c", "360802", "edu_annual", "2020",
                explained(rate, "92", "含外县户籍幼儿"), value("pre_enrolled_children", "9160"), value("pop_age_3_5", "10000")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).body("version", equalTo(3)).extract().jsonPath());

        List<SubmissionEvents.Received> published = events.inArrivalOrder(List.of(counting, held, explained));
        assertThat(published).extracting(received -> received.event().version()).containsExactly(1, 2, 1, 3);
        assertThat(published).extracting(received -> received.event().held()).containsExactly(false, true, false, false);
        assertThat(published).extracting(SubmissionEvents.Received::key).containsOnly("360000");
        assertThat(published.get(1).event().values()).contains(
                new ReportedValue(IndicatorCode.of(rate), new BigDecimal("92"), ValueStatus.REPORTED));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get(Submissions.PATH + "/" + held).then().body("publishedAt", notNullValue()));
        JsonPath heldNow = given().get(Submissions.PATH + "/" + held).then().statusCode(200).extract().jsonPath();
        assertThat(heldNow.getString("status")).isEqualTo("SUPERSEDED");
        assertThat(heldNow.getString("reviewStatus")).isNull();
        assertThat(history("360802", "edu_annual", "2020").getList("status")).containsExactly("SUBMITTED", "SUPERSEDED", "SUPERSEDED");
    }

    @Test
    void aSubmissionStatingFewerActualsThanItsFormRequiresIsStoredAsPartialAndCounts() {
        // sci_quarterly requires its four indicators; a withheld value is stated, a missing one is not
        JsonPath full = post(submission("jian-sci-2020q1-a", "360803", "sci_quarterly", "2020Q1",
                value("sci_tech_contract_count", "40"), value("sci_tech_contract_amount", "1000"),
                value("sci_tech_contract_avg_amount", "null", "redacted"), value("sci_innovation_platform_count", "7")))
                .then().statusCode(202).extract().jsonPath();
        assertThat(full.getBoolean("partial")).isFalse();
        assertThat(full.getList("missingRequired")).isEmpty();

        JsonPath partial = post(submission("jian-sci-2020q1-b", "360803", "sci_quarterly", "2020Q1",
                value("sci_tech_contract_count", "41"), value("sci_tech_contract_amount", "1000"),
                value("sci_tech_contract_avg_amount", "null", "missing")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).extract().jsonPath();
        assertThat(partial.getBoolean("partial")).isTrue();
        assertThat(partial.getList("missingRequired")).containsExactly("sci_innovation_platform_count");
        UUID partialId = id(partial);
        JsonPath stored = given().get(Submissions.PATH + "/" + partialId).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getBoolean("partial")).isTrue();
        assertThat(stored.getList("missingRequired")).isEqualTo(partial.getList("missingRequired"));
        JsonPath versions = history("360803", "sci_quarterly", "2020Q1");
        assertThat(versions.getList("partial")).containsExactly(true, false);
        assertThat(versions.getList("missingRequired[0]")).containsExactly("sci_innovation_platform_count");
        // it counts with what it has: published as the version that counts
        assertThat(events.await(partialId).event().held()).isFalse();

        // targets only state no actual figure at all
        JsonPath targets = post(submission("jian-sci-2020q2-targets", "360803", "sci_quarterly", "2020Q2",
                target("sci_tech_contract_count", "50")))
                .then().statusCode(202).extract().jsonPath();
        assertThat(targets.getBoolean("partial")).isTrue();
        assertThat(targets.getList("missingRequired")).containsExactly("sci_tech_contract_count", "sci_tech_contract_amount",
                "sci_innovation_platform_count");
    }

    @Test
    void aPopulationOffTheOwnerFormsByMoreThanOnePercentGetsANoticeInBothDirectionsAndIsNotHeld() {
        // 1% of 475410 is 4754.1: 478000 is the same figure, 490000 is not
        post(submission("jian-county-edu-2020-a", "360821", "edu_annual", "2020", value("pop_resident", "475410")))
                .then().statusCode(202).body("notices", hasSize(0));
        JsonPath sports = post(submission("jian-county-spt-2020", "360821", "spt_annual", "2020", value("pop_resident", "490000")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).extract().jsonPath();
        assertThat(sports.getList("notices.indicator")).containsExactly("pop_resident");
        assertThat(sports.getList("notices.field")).containsExactly("values[0].value");
        assertThat(sports.getList("notices.otherDataset")).containsExactly("edu_annual");
        assertThat(sports.getList("notices.otherValue")).containsExactly(475410);
        assertThat(sports.getString("notices[0].message")).isEqualTo("pop_resident (490000) differs by more than 1% from "
                + "475410 in edu_annual (Education annual report), the form that owns it: figures use edu_annual's value");
        assertThat(sports.getMap("notices[0]")).doesNotContainKey("messageZh");
        // the same notice read in Chinese
        given().header("Accept-Language", "zh-CN").get(Submissions.PATH + "/" + id(sports)).then().statusCode(200)
                .body("notices[0].message", equalTo("与教育事业年度统计报表的常住人口(475410)相差超过1%，以教育事业年度统计报表为准"));
        assertThat(sports.getList("warnings")).isEmpty();
        given().get(Submissions.PATH + "/" + id(sports)).then().statusCode(200)
                .body("notices.otherValue", equalTo(List.of(475410)));
        post(submission("jian-county-sci-2020", "360821", "sci_annual", "2020", value("pop_resident", "478000")))
                .then().statusCode(202).body("notices", hasSize(0));

        // the owner's revision differs from both other forms by more than 1% of its own value (5000)
        JsonPath owner = post(submission("jian-county-edu-2020-b", "360821", "edu_annual", "2020", value("pop_resident", "500000")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).extract().jsonPath();
        assertThat(owner.getList("notices.otherDataset")).containsExactly("sci_annual", "spt_annual");
        assertThat(owner.getList("notices.otherValue")).containsExactly(478000, 490000);
        given().header("Accept-Language", "zh-CN").get(Submissions.PATH + "/" + id(owner)).then().statusCode(200)
                .body("notices[1].message", equalTo("与体育工作年度统计报表的常住人口(490000)相差超过1%，以本表为准"));
        assertThat(events.await(id(owner)).event().held()).isFalse();
    }

    @Test
    void valuesOfTwoFormsThatBothDeferToTheOwnerAreNotCompared() {
        post(submission("jian-other-sci-2020", "360822", "sci_annual", "2020", value("pop_resident", "300000")))
                .then().statusCode(202).body("notices", hasSize(0));
        post(submission("jian-other-spt-2020", "360822", "spt_annual", "2020", value("pop_resident", "350000")))
                .then().statusCode(202).body("notices", hasSize(0));
    }

    @Test
    void historyOfAnUnknownSeriesIsEmptyAndItsParametersAreRequired() {
        given().queryParam("region", "360728").queryParam("dataset", "edu_annual").queryParam("period", "2019")
                .get(Submissions.PATH).then().statusCode(200).body("size()", equalTo(0));
        given().queryParam("region", "360728")
                .get(Submissions.PATH).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", equalTo(List.of("dataset", "period")));
    }

    private static UUID id(JsonPath submission) {
        return UUID.fromString(submission.getString("id"));
    }

    private static JsonPath history(String region, String dataset, String period) {
        return given().queryParam("region", region).queryParam("dataset", dataset).queryParam("period", period)
                .get(Submissions.PATH).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().get(Submissions.PATH + "/" + UUID.randomUUID()).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get(Submissions.PATH + "/not-a-uuid").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("no submission has this id"))
                .body("errors", nullValue());
    }
}
