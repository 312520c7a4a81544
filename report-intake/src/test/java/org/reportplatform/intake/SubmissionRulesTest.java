package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.reportplatform.intake.Submissions.explained;
import static org.reportplatform.intake.Submissions.post;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.rules.Severity;
import org.reportplatform.contracts.rules.ValidationRule.NotAbove;
import org.reportplatform.contracts.rules.ValidationRules;
import org.reportplatform.intake.Submissions.StoredRows;
import org.reportplatform.intake.domain.OutboxEvent;

/**
 * The rules of the contracts' reference/rules.json: hard ones refuse with the other field errors, soft ones hold a
 * submission, published flagged held but not counting, until the county explains each flagged value. Each test uses its own county.
 */
@QuarkusTest
class SubmissionRulesTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final String RATE_RULE = "stated-rate-matches-components";
    private static final String CHANGE_RULE = "change-within-3x-of-previous-year";
    private static final List<String> SOFT_RULE_UNITS = List.of("361130", "361129", "361128", "360829");

    private static SubmissionEvents events;

    @BeforeAll
    static void subscribe() {
        events = SubmissionEvents.subscribe();
    }

    @AfterAll
    static void unsubscribe() {
        events.close();
    }

    static Stream<Arguments> hardNotAboveRules() {
        return notAboveRules(Severity.HARD);
    }

    /** Each with a county of its own, so that no rule's submission is another's previous version. */
    static Stream<Arguments> softNotAboveRules() {
        List<Arguments> rules = notAboveRules(Severity.SOFT).toList();
        return IntStream.range(0, rules.size()).mapToObj(i -> Arguments.of(rules.get(i).get()[0], rules.get(i).get()[1], SOFT_RULE_UNITS.get(i)));
    }

    private static Stream<Arguments> notAboveRules(Severity severity) {
        return ValidationRules.load(CATALOGUE).of(NotAbove.class).stream()
                .filter(rule -> rule.severity() == severity)
                .map(rule -> Arguments.of(rule.id(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardNotAboveRules")
    void aPartAboveItsWholeIsRefusedNamingBothIndicatorsAndNumbers(String id, NotAbove rule) {
        Dataset form = formOf(rule);
        StoredRows before = StoredRows.count();

        JsonPath problem = post(submission("wuning-" + id, "360423", form.code().value(), "2020",
                value(rule.right().value(), "1200"), value(rule.left().value(), "1201")))
                .then()
                .statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:report-platform:problem:invalid-submission"))
                .extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly("values[1].value");
        assertThat(problem.getString("errors[0].message"))
                .startsWith(rule.left() + " (1201) is above " + rule.right() + " (1200): ")
                .endsWith(rule.message());
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    /** 毛入园率 above 100% and the like: a rate over a resident cohort that real statistics exceed is held, not refused. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("softNotAboveRules")
    void aCountAboveItsResidentCohortIsHeldForAnExplanation(String id, NotAbove rule, String unit) {
        String body = submission("soft-" + id, unit, formOf(rule).code().value(), "2020",
                value(rule.right().value(), "1200"), value(rule.left().value(), "1201"));

        JsonPath held = post(body).then()
                .statusCode(202)
                .body("status", equalTo("NEEDS_EXPLANATION"))
                .extract().jsonPath();

        UUID heldId = id(held);
        assertThat(held.getList("warnings.field")).containsExactly("values[1].value");
        assertThat(held.getList("warnings.rule")).containsExactly(id);
        assertThat(held.getString("warnings[0].message"))
                .isEqualTo(rule.left() + " (1201) is above " + rule.right() + " (1200): " + rule.message());
        // published flagged held, so that completeness tells it from a unit that sent nothing; it counts nowhere
        assertThat(outboxEventsOf(heldId)).isOne();
        // the warning is stored in English and read in the caller's language
        String chinese = CATALOGUE.indicator(rule.left()).orElseThrow().nameZh() + "（1201）高于"
                + CATALOGUE.indicator(rule.right()).orElseThrow().nameZh() + "（1200）：" + rule.messageZh();
        given().header("Accept-Language", "zh-CN").get(Submissions.PATH + "/" + heldId)
                .then().statusCode(200).body("warnings[0].message", equalTo(chinese));
        given().get(Submissions.PATH + "/" + heldId).then().body("warnings[0].message", equalTo(held.getString("warnings[0].message")));
        post(submission("soft-" + id + "-explained", unit, formOf(rule).code().value(), "2020",
                value(rule.right().value(), "1200"), explained(rule.left().value(), "1201", "含外县及非适龄幼儿")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aGrossEnrolmentRateAbove100PercentIsHeldAndItsWarningReadInChinese() {
        String body = submission("jian-edu-2020", "360821", "edu_annual", "2020",
                value("pre_gross_enrolment_rate", "104.5"), value("pre_enrolled_children", "10450"), value("pop_age_3_5", "10000"));

        JsonPath held = given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN").body(body).post(Submissions.PATH)
                .then().statusCode(202).body("status", equalTo("NEEDS_EXPLANATION")).extract().jsonPath();

        assertThat(held.getList("warnings.rule")).containsExactly("enrolled-within-cohort");
        assertThat(held.getString("warnings[0].message")).startsWith("在园幼儿数（10450）高于3-5岁适龄儿童数（10000）：在园幼儿数超过3-5岁适龄儿童数");
    }

    @Test
    void aHardRuleIsReportedTogetherWithTheOtherBadFields() {
        JsonPath problem = post(submission("bad key", "360423", "edu_annual", "2020",
                value("edu_school_count", "-1"),
                value("pre_enrolled_children", "9000"),
                value("pre_public_enrolled_children", "9500")))
                .then().statusCode(422).extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly("submissionKey", "values[0].value", "values[2].value");
    }

    @Test
    void aRateStatedRoundedAsCountiesRoundIsAcceptedDirectly() {
        // 9153 / 11000 × 100 = 83.2090…; 37 / 912345 × 10000 = 0.40555…, off by more than 0.5% once rounded
        post(submission("xiushui-edu-2020", "360424", "edu_annual", "2020",
                value("pre_gross_enrolment_rate", "83.21"), value("pre_enrolled_children", "9153"), value("pop_age_3_5", "11000")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).body("warnings.size()", equalTo(0));
        post(submission("xiushui-spt-2020", "360424", "spt_annual", "2020",
                value("spt_sports_org_per_10k", "0.41"), value("spt_sports_org_count", "37"), value("pop_resident", "912345")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).body("warnings.size()", equalTo(0));
    }

    @Test
    void aRateOffByMoreThanTheToleranceIsHeldUntilExplained() {
        UUID first = id(post(submission("yongxiu-2020-a", "360425", "edu_annual", "2020",
                value("pre_gross_enrolment_rate", "91.5"), value("pre_enrolled_children", "9150"), value("pop_age_3_5", "10000")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).extract().jsonPath());
        events.await(first);

        String offBody = submission("yongxiu-2020-b", "360425", "edu_annual", "2020",
                value("pre_gross_enrolment_rate", "92"), value("pre_enrolled_children", "9160"), value("pop_age_3_5", "10000"));
        JsonPath held = post(offBody).then()
                .statusCode(202)
                .body("status", equalTo("NEEDS_EXPLANATION"))
                .body("version", equalTo(2))
                .body("publishedAt", nullValue())
                .extract().jsonPath();
        UUID heldId = id(held);
        assertThat(held.getList("warnings.field")).containsExactly("values[0].value");
        assertThat(held.getList("warnings.indicator")).containsExactly("pre_gross_enrolment_rate");
        assertThat(held.getList("warnings.rule")).containsExactly(RATE_RULE);
        assertThat(held.getString("warnings[0].message")).startsWith(
                "pre_gross_enrolment_rate is stated as 92 but pre_enrolled_children / pop_age_3_5 × 100 is 91.6 (9160 / 10000): ");
        // published flagged held (待说明), not counted: the SUBMITTED version stays the one that counts
        assertThat(outboxEventsOf(heldId)).isOne();
        given().get(Submissions.PATH + "/" + first).then().body("status", equalTo("SUBMITTED"));
        // a replay finds the held version as it is
        post(offBody).then().statusCode(200).body("id", equalTo(heldId.toString())).body("status", equalTo("NEEDS_EXPLANATION"));

        String explanation = "含外县户籍幼儿，口径与上年一致";
        // an explanation is content: the held version's key cannot carry it
        post(submission("yongxiu-2020-b", "360425", "edu_annual", "2020",
                explained("pre_gross_enrolment_rate", "92", explanation), value("pre_enrolled_children", "9160"), value("pop_age_3_5", "10000")))
                .then().statusCode(409);
        JsonPath explained = post(submission("yongxiu-2020-c", "360425", "edu_annual", "2020",
                explained("pre_gross_enrolment_rate", "92", explanation), value("pre_enrolled_children", "9160"), value("pop_age_3_5", "10000")))
                .then().statusCode(202)
                .body("status", equalTo("SUBMITTED"))
                .body("version", equalTo(3))
                .extract().jsonPath();
        UUID explainedId = id(explained);
        assertThat(events.await(explainedId).event().version()).isEqualTo(3);
        assertThat(events.await(heldId).event().held()).isTrue();
        assertThat(events.await(explainedId).event().held()).isFalse();

        JsonPath stored = given().get(Submissions.PATH + "/" + explainedId).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("values[0].explanation")).isEqualTo(explanation);
        assertThat(stored.getMap("values[1]")).doesNotContainKey("explanation");
        assertThat(stored.getList("warnings.rule")).containsExactly(RATE_RULE);
        assertThat(history("360425", "2020").getList("status")).containsExactly("SUBMITTED", "SUPERSEDED", "SUPERSEDED");
    }

    @Test
    void aChangeOfMoreThanThreefoldOnThePreviousYearIsHeld() {
        post(submission("dean-2019", "360426", "edu_annual", "2019", value("edu_school_count", "100")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED"));

        JsonPath jump = post(submission("dean-2020-a", "360426", "edu_annual", "2020", value("edu_school_count", "400")))
                .then().statusCode(202).body("status", equalTo("NEEDS_EXPLANATION")).extract().jsonPath();
        assertThat(jump.getList("warnings.rule")).containsExactly(CHANGE_RULE);
        assertThat(jump.getString("warnings[0].message")).startsWith("edu_school_count is 400, more than 3 times its 2019 value (100): ");

        JsonPath drop = post(submission("dean-2020-b", "360426", "edu_annual", "2020", value("edu_school_count", "30")))
                .then().statusCode(202).body("status", equalTo("NEEDS_EXPLANATION")).extract().jsonPath();
        assertThat(drop.getString("warnings[0].message")).startsWith("edu_school_count is 30, less than 1/3 of its 2019 value (100): ");

        post(submission("dean-2020-c", "360426", "edu_annual", "2020", value("edu_school_count", "250")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).body("warnings.size()", equalTo(0));
        // a newer held version replaces an older one; an accepted version replaces both
        assertThat(history("360426", "2020").getList("status")).containsExactly("SUBMITTED", "SUPERSEDED", "SUPERSEDED");
    }

    @Test
    void anExplanationOfTheFullLengthIsStoredAsSent() {
        // 500 characters, one of them outside the BMP: two UTF-16 units, one character for PostgreSQL
        String explanation = "𠀀" + "说".repeat(499);
        UUID id = id(post(submission("duchang-edu-2020", "360428", "edu_annual", "2020", explained("edu_school_count", "77", explanation)))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).extract().jsonPath());

        given().get(Submissions.PATH + "/" + id).then().body("values[0].explanation", equalTo(explanation));
    }

    private static Dataset formOf(NotAbove rule) {
        return CATALOGUE.datasets().stream()
                .filter(dataset -> dataset.contains(rule.left()) && dataset.contains(rule.right()))
                .findFirst().orElseThrow();
    }

    private static UUID id(JsonPath submission) {
        return UUID.fromString(submission.getString("id"));
    }

    private static JsonPath history(String region, String period) {
        return given().queryParam("region", region).queryParam("dataset", "edu_annual").queryParam("period", period)
                .get(Submissions.PATH).then().statusCode(200).extract().jsonPath();
    }

    private static long outboxEventsOf(UUID submission) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("submissionId", submission));
    }
}
