package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.reportplatform.intake.Submissions.reportedAt;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.access.TestTokens;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.intake.Submissions.StoredRows;

/**
 * History the province loads (补录) keeps the date each submission was originally reported: {@code reportedAt} becomes
 * its submitted time, in the views and the event, from which timeliness is computed. Each test uses its own county.
 */
@QuarkusTest
class BackfillTest {

    private static final String PROVINCE = TestTokens.issue("360000", List.of(Role.PROVINCE));
    /** 20 January 2020, 09:30 in China: within the 31 days edu_annual 2019 was due in. */
    private static final String REPORTED = "2020-01-20T09:30:00+08:00";

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
    void theProvinceLoadsHistoryWithTheDateItWasOriginallyReported() {
        Instant before = Instant.now();
        String body = reportedAt(submission("xiajiang-edu-2019", "360823", "edu_annual", "2019",
                value("edu_school_count", "210")), REPORTED);
        JsonPath stored = as(PROVINCE).body(body).post(Submissions.PATH).then().statusCode(202).extract().jsonPath();
        Instant reported = Instant.parse(REPORTED);
        assertThat(Instant.parse(stored.getString("submittedAt"))).isEqualTo(reported);
        assertThat(Instant.parse(stored.getString("receivedAt"))).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(Instant.parse(stored.getString("transitions[0].at"))).isEqualTo(reported);
        UUID id = UUID.fromString(stored.getString("id"));
        given().get(Submissions.PATH + "/" + id).then().statusCode(200).body("submittedAt", equalTo(stored.getString("submittedAt")));
        assertThat(events.await(id).event().submittedAt()).isEqualTo(reported);

        // the date is content: a replay answers the stored submission, the key with another date is a conflict
        as(PROVINCE).body(body).post(Submissions.PATH).then().statusCode(200).body("id", equalTo(id.toString()));
        as(PROVINCE).body(reportedAt(submission("xiajiang-edu-2019", "360823", "edu_annual", "2019",
                value("edu_school_count", "210")), "2020-01-21T09:30:00+08:00"))
                .post(Submissions.PATH).then().statusCode(409);

        // a revision is reported after the version it revises
        as(PROVINCE).body(reportedAt(submission("xiajiang-edu-2019-b", "360823", "edu_annual", "2019",
                value("edu_school_count", "211")), "2020-01-19T09:30:00+08:00"))
                .post(Submissions.PATH).then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", equalTo(List.of("reportedAt")))
                .body("errors[0].message", containsString("version 1"));
        as(PROVINCE).body(reportedAt(submission("xiajiang-edu-2019-c", "360823", "edu_annual", "2019",
                value("edu_school_count", "211")), "2020-02-03T10:00:00+08:00"))
                .post(Submissions.PATH).then().statusCode(202).body("version", equalTo(2))
                .body("submittedAt", equalTo("2020-02-03T02:00:00Z"));
    }

    @Test
    void withoutAReportDateASubmissionWasSubmittedWhenItWasReceived() {
        JsonPath stored = Submissions.post(submission("xingan-edu-2020", "360824", "edu_annual", "2020",
                value("edu_school_count", "150"))).then().statusCode(202).extract().jsonPath();
        assertThat(stored.getString("submittedAt")).isEqualTo(stored.getString("receivedAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"future", "2018-12-31T15:59:59Z", "2020-01-20", "yesterday"})
    void aReportDateInTheFutureBeforeThePeriodOrNotAnInstantIs422NamingIt(String date) {
        String sent = date.equals("future") ? Instant.now().plus(Duration.ofHours(1)).toString() : date;
        StoredRows before = StoredRows.count();
        as(PROVINCE).body(reportedAt(submission("yongfeng-edu-2019-" + date.hashCode(), "360825", "edu_annual", "2019",
                value("edu_school_count", "99")), sent))
                .post(Submissions.PATH).then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", equalTo(List.of("reportedAt")));
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    @Test
    void theFirstInstantOfThePeriodInChinaIsAReportDate() {
        // 2019 began on 1 January in China: 16:00 UTC on 31 December
        as(PROVINCE).body(reportedAt(submission("yongfeng-edu-2019-first", "360825", "edu_annual", "2019",
                value("edu_school_count", "99")), "2018-12-31T16:00:00Z"))
                .post(Submissions.PATH).then().statusCode(202);
    }

    @Test
    void onlyAProvinceTokenForARegionAboveTheUnitSendsAReportDate() {
        StoredRows before = StoredRows.count();
        for (String token : List.of(TestTokens.reporter("360826"), TestTokens.issue("360800", List.of(Role.REVIEWER)),
                TestTokens.issue("130000", List.of(Role.PROVINCE)))) {
            as(token).body(reportedAt(submission("taihe-edu-2019", "360826", "edu_annual", "2019",
                    value("edu_school_count", "120")), REPORTED))
                    .post(Submissions.PATH).then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                    .body("detail", containsString("reportedAt"));
        }
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
