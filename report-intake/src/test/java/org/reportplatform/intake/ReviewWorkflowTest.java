package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.reportplatform.intake.Submissions.post;
import static org.reportplatform.intake.Submissions.quote;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.intake.Submissions.StoredRows;

/** The review workflow: city approval or return, provincial acceptance and its lock, reopening. One county per test. */
@QuarkusTest
class ReviewWorkflowTest {

    @Test
    void anApprovedSubmissionIsAcceptedAndEveryStepIsRecorded() {
        String id = submit("xinzhou-2020-1", "361102", "30");
        given().get(Submissions.PATH + "/" + id).then().statusCode(200)
                .body("reviewStatus", equalTo("SUBMITTED"))
                .body("transitions", hasSize(1));

        transition(id, "approve", "赣州市教育局 李四", "reviewer", null).then().statusCode(200)
                .body("reviewStatus", equalTo("APPROVED"))
                .body("status", equalTo("SUBMITTED"));
        transition(id, "accept", "省教育厅 王五", "province", "数据已核").then().statusCode(200)
                .body("reviewStatus", equalTo("ACCEPTED"));

        JsonPath stored = given().get(Submissions.PATH + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("reviewStatus")).isEqualTo("ACCEPTED");
        assertThat(stored.getList("transitions.action")).containsExactly("submit", "approve", "accept");
        assertThat(stored.getList("transitions.from")).containsExactly(null, "SUBMITTED", "APPROVED");
        assertThat(stored.getList("transitions.to")).containsExactly("SUBMITTED", "APPROVED", "ACCEPTED");
        assertThat(stored.getList("transitions.actor")).containsExactly("361102", "赣州市教育局 李四", "省教育厅 王五");
        assertThat(stored.getList("transitions.role")).containsExactly("county", "reviewer", "province");
        assertThat(stored.getList("transitions.comment")).containsExactly(null, null, "数据已核");
        assertThat(stored.getString("transitions[0].at")).isEqualTo(stored.getString("receivedAt"));
        assertThat(stored.getList("transitions.at", String.class)).isSorted();
    }

    @Test
    void everyStepIsPublishedWithTheSubmissionsValuesSoThatAcceptedFiguresFollowTheReview() {
        try (SubmissionEvents events = SubmissionEvents.subscribe()) {
            UUID id = UUID.fromString(submit("yugan-2020-1", "361127", "55"));
            transition(id.toString(), "approve", "上饶市教育局 张三", "reviewer", null).then().statusCode(200);
            transition(id.toString(), "accept", "省教育厅 王五", "province", null).then().statusCode(200);

            SubmissionEvent submitted = events.await(id, ReviewStatus.SUBMITTED).event();
            SubmissionEvents.Received accepted = events.await(id, ReviewStatus.ACCEPTED);
            assertThat(accepted.key()).isEqualTo("360000");
            assertThat(accepted.event()).isEqualTo(submitted.withReviewStatus(ReviewStatus.ACCEPTED));
            assertThat(events.await(id, ReviewStatus.APPROVED).event().version()).isEqualTo(1);
        }
    }

    @Test
    void aReturnedSubmissionIsCorrectedByANewVersion() {
        String first = submit("guangfeng-2020-1", "361103", "40");
        transition(first, "return", "上饶市教育局 张三", "reviewer", "学校数与上年差异大，请核实").then().statusCode(200)
                .body("reviewStatus", equalTo("RETURNED"))
                .body("transitions[1].comment", equalTo("学校数与上年差异大，请核实"));
        transition(first, "approve", "上饶市教育局 张三", "reviewer", null).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("illegal-transition"))
                .body("detail", containsString("RETURNED"))
                .body("detail", containsString("new version"));

        String corrected = post(submission("guangfeng-2020-2", "361103", "edu_annual", "2020", value("edu_school_count", "41")))
                .then().statusCode(202)
                .body("version", equalTo(2))
                .body("reviewStatus", equalTo("SUBMITTED"))
                .extract().jsonPath().getString("id");

        given().get(Submissions.PATH + "/" + first).then()
                .body("status", equalTo("SUPERSEDED"))
                .body("reviewStatus", equalTo("RETURNED"));
        transition(corrected, "approve", "上饶市教育局 张三", "reviewer", null).then().statusCode(200)
                .body("reviewStatus", equalTo("APPROVED"));
    }

    @Test
    void returningAndReopeningNeedAComment() {
        String id = submit("guangxin-2020-1", "361104", "50");
        transition(id, "return", "张三", "reviewer", null).then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("invalid-transition"))
                .body("errors.field", equalTo(List.of("comment")));
        transition(id, "approve", "张三", "reviewer", null).then().statusCode(200);
        transition(id, "accept", "王五", "province", null).then().statusCode(200);
        transition(id, "reopen", "王五", "province", "  ").then().statusCode(422)
                .body("errors.field", equalTo(List.of("comment")));

        given().get(Submissions.PATH + "/" + id).then()
                .body("reviewStatus", equalTo("ACCEPTED"))
                .body("transitions", hasSize(3));
    }

    @Test
    void eachFieldOfABadTransitionIsNamedAndARoleTakesOnlyItsOwnActions() {
        String id = submit("yushan-2020-1", "361123", "60");
        transition(id, "accept", "李四", "reviewer", null).then().statusCode(422)
                .body("errors.field", equalTo(List.of("role")))
                .body("errors[0].message", equalTo("a reviewer may not accept: only the province may"));
        transition(id, "approve", "王五", "province", null).then().statusCode(422)
                .body("errors.field", equalTo(List.of("role")));
        transition(id, "submit", " ", "county", "x\u007f").then().statusCode(422)
                .body("errors.field", equalTo(List.of("action", "role", "actor", "comment")))
                .body("errors[0].message", equalTo("must be one of approve, return, accept, reopen"));
        given().contentType(ContentType.JSON).body("null").post(Submissions.PATH + "/" + id + "/transitions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);

        given().get(Submissions.PATH + "/" + id).then().body("reviewStatus", equalTo("SUBMITTED"));
    }

    @Test
    void anIllegalTransitionNamesTheStateAndTheAllowedActions() {
        String id = submit("qianshan-2020-1", "361124", "70");
        transition(id, "accept", "王五", "province", null).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("illegal-transition"))
                .body("detail", equalTo("the submission is SUBMITTED; allowed actions: approve, return"));
        transition(id, "approve", "李四", "reviewer", null).then().statusCode(200);
        transition(id, "approve", "李四", "reviewer", null).then().statusCode(409)
                .body("detail", equalTo("the submission is APPROVED; allowed actions: accept"));
    }

    @Test
    void anAcceptedSeriesRefusesARevisionUntilTheProvinceReopensIt() {
        String accepted = submit("hengfeng-2020-1", "361125", "80");
        transition(accepted, "approve", "李四", "reviewer", null).then().statusCode(200);
        transition(accepted, "accept", "王五", "province", null).then().statusCode(200);
        StoredRows before = StoredRows.count();

        post(submission("hengfeng-2020-2", "361125", "edu_annual", "2020", value("edu_school_count", "81")))
                .then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("series-accepted"))
                .body("detail", containsString("accepted by the province on"))
                .body("detail", containsString("ask the province to reopen it"));
        assertThat(StoredRows.count()).isEqualTo(before);
        // a retry of what was accepted stays a harmless replay
        post(submission("hengfeng-2020-1", "361125", "edu_annual", "2020", value("edu_school_count", "80")))
                .then().statusCode(200).body("id", equalTo(accepted));

        transition(accepted, "reopen", "王五", "province", "县里报告学校数有误").then().statusCode(200)
                .body("reviewStatus", equalTo("REOPENED"));
        String revision = post(submission("hengfeng-2020-2", "361125", "edu_annual", "2020", value("edu_school_count", "81")))
                .then().statusCode(202)
                .body("version", equalTo(2))
                .body("reviewStatus", equalTo("SUBMITTED"))
                .extract().jsonPath().getString("id");

        given().get(Submissions.PATH + "/" + accepted).then()
                .body("status", equalTo("SUPERSEDED"))
                .body("reviewStatus", equalTo("REOPENED"))
                .body("transitions.action", equalTo(List.of("submit", "approve", "accept", "reopen")));
        given().get(Submissions.PATH + "/" + revision).then().body("transitions.action", equalTo(List.of("submit")));
    }

    @Test
    void onlyTheVersionThatCountsCanBeReviewed() {
        String superseded = submit("yiyang-2020-1", "361126", "90");
        submit("yiyang-2020-2", "361126", "91");

        transition(superseded, "approve", "李四", "reviewer", null).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("not-current-version"))
                .body("detail", equalTo("version 1 is SUPERSEDED: only the version of a series that counts can be reviewed"));
        given().get(Submissions.PATH + "/" + superseded).then().body("transitions", hasSize(1));
    }

    @Test
    void anUnknownSubmissionIsNotFound() {
        transition(UUID.randomUUID().toString(), "approve", "李四", "reviewer", null).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        transition("not-a-uuid", "approve", "李四", "reviewer", null).then().statusCode(404);
    }

    /** Stores a one-value edu_annual 2020 submission, accepted for review, and answers its id. */
    private static String submit(String key, String region, String schools) {
        return post(submission(key, region, "edu_annual", "2020", value("edu_school_count", schools)))
                .then().statusCode(202).extract().jsonPath().getString("id");
    }

    /** Null strings are sent as JSON null. */
    private static Response transition(String id, String action, String actor, String role, String comment) {
        String body = """
                {"action": %s, "actor": %s, "role": %s, "comment": %s}"""
                .formatted(quote(action), quote(actor), quote(role), quote(comment));
        return given().contentType(ContentType.JSON).body(body).when().post(Submissions.PATH + "/" + id + "/transitions");
    }
}
