package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.reportplatform.intake.Submissions.post;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.target;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.test.junit.QuarkusTest;
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
        assertThat(received.key()).isEqualTo("360722");
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
    void historyOfAnUnknownSeriesIsEmptyAndItsParametersAreRequired() {
        given().queryParam("region", "360728").queryParam("dataset", "edu_annual").queryParam("period", "2019")
                .get(Submissions.PATH).then().statusCode(200).body("size()", equalTo(0));
        given().queryParam("region", "360728")
                .get(Submissions.PATH).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", equalTo(List.of("dataset", "period")));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().get(Submissions.PATH + "/" + UUID.randomUUID()).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get(Submissions.PATH + "/not-a-uuid").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("no submission has this id"))
                .body("errors", nullValue());
    }
}
