package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.target;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportplatform.contracts.access.AuthenticatedRequests;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.access.TestTokens;
import org.reportplatform.contracts.access.TokenIssuer;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.intake.Submissions.StoredRows;

/**
 * Who may write and read what: tokens verified, a county writes only its own figures, the province those of the units
 * within it and the targets of its region and cities, a city's reviewer its own city's targets; everyone reads its
 * subtree.
 */
@QuarkusTest
class AccessControlTest {

    private static final String XINFENG = "360722";
    private static final String GANZHOU = "360700";

    @Test
    void withoutATokenAnApiAnswers401AsAProblemButOperationsStayOpen() {
        StoredRows before = StoredRows.count();
        given().header(AuthenticatedRequests.ANONYMOUS, "yes").contentType(ContentType.JSON)
                .body(submission("anon-1", XINFENG, "edu_annual", "2020", value("edu_school_count", "1")))
                .post(Submissions.PATH)
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .body("type", endsWith("unauthenticated"));
        assertThat(StoredRows.count()).isEqualTo(before);
        given().header(AuthenticatedRequests.ANONYMOUS, "yes").get("/api/v1/datasets").then().statusCode(401);
        for (String open : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().header(AuthenticatedRequests.ANONYMOUS, "yes").get(open).then().statusCode(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"foreign key", "expired", "other issuer", "other audience", "not a JWT"})
    void aTokenThatFailsVerificationIs401(String flaw) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TokenIssuer.ISSUER);
        claims.put("aud", TokenIssuer.AUDIENCE);
        claims.put("upn", "someone");
        claims.put("region", XINFENG);
        claims.put("groups", List.of("reporter"));
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
        TokenIssuer issuer = TestTokens.issuer();
        switch (flaw) {
            case "foreign key" -> issuer = new TokenIssuer(TokenIssuer.newKeyPair().getPrivate());
            case "expired" -> claims.put("exp", Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
            case "other issuer" -> claims.put("iss", "https://elsewhere.example");
            case "other audience" -> claims.put("aud", "another-system");
            default -> { }
        }
        String token = flaw.equals("not a JWT") ? "abc.def" : issuer.sign(claims);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(submission("flawed-" + flaw.replace(' ', '-'), XINFENG, "edu_annual", "2020", value("edu_school_count", "1")))
                .post(Submissions.PATH)
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aTokenVerifiedBeforeIsStillScopedAndAnotherSignatureOfItsClaimsIsRefused() {
        String dayu = TestTokens.reporter("360723");
        as(dayu).get("/api/v1/datasets").then().statusCode(200);
        // the kept token is the same caller: its region still decides
        as(dayu).body(submission("kept-dayu-for-xinfeng", XINFENG, "edu_annual", "2020", value("edu_school_count", "1")))
                .post(Submissions.PATH)
                .then().statusCode(403).body("detail", equalTo("a reporter submits for its own unit, 360723, not for 360722"));
        int middle = dayu.lastIndexOf('.') + 20;
        String forged = dayu.substring(0, middle) + (dayu.charAt(middle) == 'A' ? 'B' : 'A') + dayu.substring(middle + 1);
        as(forged).get("/api/v1/datasets").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aTokenVerifiedBeforeIsRefusedOnceItExpires() {
        // a second of clock skew in tests (application.properties): the token is refused from then on
        given().get("/api/v1/datasets").then().statusCode(200);
        String shortLived = TestTokens.issuer().issue("short-lived", XINFENG, List.of(Role.REPORTER), Duration.ofSeconds(3));
        as(shortLived).get("/api/v1/datasets").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> as(shortLived).get("/api/v1/datasets").statusCode() == 401);
    }

    @Test
    void aReporterSubmitsOnlyForItsOwnUnitAndNeitherACitysReviewerNorAnAnalystForAUnit() {
        StoredRows before = StoredRows.count();
        as(TestTokens.reporter("360723"))
                .body(submission("dayu-for-xinfeng", XINFENG, "edu_annual", "2020", value("edu_school_count", "1")))
                .post(Submissions.PATH)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("a reporter submits for its own unit, 360723, not for 360722"));
        as(TestTokens.issue(GANZHOU, List.of(Role.REVIEWER, Role.ANALYST)))
                .body(submission("city-for-xinfeng", XINFENG, "edu_annual", "2020", value("edu_school_count", "1")))
                .post(Submissions.PATH)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("the figures of 360722 are submitted by its reporter, or loaded by the province"));
        as(TestTokens.issue("360000", List.of(Role.ANALYST, Role.ADMIN)))
                .body(submission("analyst-for-xinfeng", XINFENG, "edu_annual", "2020", value("edu_school_count", "1")))
                .post(Submissions.PATH)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    @Test
    void theProvinceSubmitsForTheUnitsWithinItsRegionOnly() {
        as(TestTokens.issue("360000", List.of(Role.PROVINCE)))
                .body(submission("wanan-by-province-2019", "360828", "edu_annual", "2019", value("edu_school_count", "130")))
                .post(Submissions.PATH)
                .then().statusCode(202).body("region.code", equalTo("360828"));
        StoredRows before = StoredRows.count();
        as(TestTokens.issue("130000", List.of(Role.PROVINCE)))
                .body(submission("hebei-for-wanan-2019", "360828", "edu_annual", "2019", value("edu_school_count", "131")))
                .post(Submissions.PATH)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    @Test
    void aRegionsOwnTargetsComeOnlyFromTheProvinceOrThatCitysReviewer() {
        String jian = "360800";
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        String cityTargets = submission("jian-city-targets-" + year, jian, "edu_annual", year, target("edu_school_count", "1500"));
        StoredRows before = StoredRows.count();
        as(TestTokens.reporter("360829")).body(cityTargets).post(Submissions.PATH)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("the targets of 360800 are set by the province, or by the reviewer of that city"));
        // the reviewer of another city, or of the city for the province's targets
        as(TestTokens.issue("360900", List.of(Role.REVIEWER))).body(cityTargets).post(Submissions.PATH)
                .then().statusCode(403);
        as(TestTokens.issue(jian, List.of(Role.REVIEWER)))
                .body(submission("province-targets-by-city-" + year, "360000", "edu_annual", year, target("edu_school_count", "9000")))
                .post(Submissions.PATH).then().statusCode(403);
        // a city states targets of its own, never actual figures
        as(TestTokens.issue(jian, List.of(Role.REVIEWER)))
                .body(submission("jian-city-actuals-" + year, jian, "edu_annual", year, value("edu_school_count", "1400")))
                .post(Submissions.PATH).then().statusCode(403);
        assertThat(StoredRows.count()).isEqualTo(before);

        // allowed to post: what they send is the validator's to judge
        as(TestTokens.issue(jian, List.of(Role.REVIEWER))).body(cityTargets).post(Submissions.PATH)
                .then().statusCode(not(equalTo(403)));
        as(TestTokens.issue("360000", List.of(Role.PROVINCE)))
                .body(submission("jian-city-targets-by-province-" + year, jian, "edu_annual", year, target("edu_school_count", "1500")))
                .post(Submissions.PATH).then().statusCode(not(equalTo(403)));
        as(TestTokens.issue("360000", List.of(Role.PROVINCE)))
                .body(submission("province-targets-" + year, "360000", "edu_annual", year, target("edu_school_count", "9000")))
                .post(Submissions.PATH).then().statusCode(not(equalTo(403)));
    }

    @Test
    void aUnitReportsTheYearsOfTheCodeItTookOverUnderThatCode() {
        // 赣县 360721 became 赣县区 360704 in 2016: its 2015 is reported as 360721, by 赣县区's token
        as(TestTokens.reporter("360704"))
                .body(submission("ganxian-2015", "360721", "edu_annual", "2015", value("edu_school_count", "210")))
                .post(Submissions.PATH).then().statusCode(202).body("region.code", equalTo("360721"));
        as(TestTokens.reporter("360704"))
                .body(submission("ganxian-district-2015", "360704", "edu_annual", "2015", value("edu_school_count", "210")))
                .post(Submissions.PATH).then().statusCode(422).body("errors[0].field", equalTo("region"));
        as(TestTokens.reporter("360703"))
                .body(submission("not-ganxian-2015", "360721", "edu_annual", "2015", value("edu_school_count", "210")))
                .post(Submissions.PATH).then().statusCode(403);
    }

    @Test
    void theProvinceAndACitysReviewerSetTheRegionsOwnTargets() {
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        try (SubmissionEvents events = SubmissionEvents.subscribe()) {
            String byProvince = as(TestTokens.issue("360000", List.of(Role.PROVINCE)))
                    .body(submission("jian-city-target-set-" + year, "360800", "edu_annual", year, target("edu_school_count", "1500")))
                    .post(Submissions.PATH).then().statusCode(202)
                    .body("values.kind", equalTo(List.of("target")))
                    .body("partial", equalTo(true))
                    .extract().jsonPath().getString("id");
            assertThat(events.await(UUID.fromString(byProvince)).key()).isEqualTo("360000");
            // an annual target of a quarterly form, set by the city itself
            as(TestTokens.issue("360900", List.of(Role.REVIEWER)))
                    .body(submission("yichun-city-target-" + year, "360900", "sci_quarterly", year,
                            target("sci_tech_contract_count", "500")))
                    .post(Submissions.PATH).then().statusCode(202).body("region.code", equalTo("360900"));
        }
    }

    @Test
    void aSubmissionIsReadAndReviewedOnlyWithinTheCallersRegion() {
        String id = as(TestTokens.reporter("360781"))
                .body(submission("ruijin-acl-2020", "360781", "edu_annual", "2020", value("edu_school_count", "41")))
                .post(Submissions.PATH).then().statusCode(202).extract().jsonPath().getString("id");

        as(TestTokens.reporter("360781")).get(Submissions.PATH + "/" + id).then().statusCode(200);
        as(TestTokens.issue(GANZHOU, List.of(Role.ANALYST))).get(Submissions.PATH + "/" + id).then().statusCode(200);
        // another county, another city: the submission does not exist for them
        as(TestTokens.reporter(XINFENG)).get(Submissions.PATH + "/" + id).then().statusCode(404);
        as(TestTokens.issue("360100", List.of(Role.REVIEWER))).get(Submissions.PATH + "/" + id).then().statusCode(404);
        as(TestTokens.issue("360100", List.of(Role.REVIEWER)))
                .body("{\"action\": \"approve\", \"actor\": \"南昌市教育局\", \"role\": \"reviewer\"}")
                .post(Submissions.PATH + "/" + id + "/transitions").then().statusCode(404);
        as(TestTokens.issue("360100", List.of(Role.REVIEWER)))
                .queryParam("region", "360781").queryParam("dataset", "edu_annual").queryParam("period", "2020")
                .get(Submissions.PATH).then().statusCode(403).body("detail", containsString("outside 360100"));

        // Ganzhou's reviewer approves; it cannot accept, which is the province's step
        as(TestTokens.issue(GANZHOU, List.of(Role.REVIEWER)))
                .body("{\"action\": \"approve\", \"actor\": \"赣州市教育局\", \"role\": \"reviewer\"}")
                .post(Submissions.PATH + "/" + id + "/transitions").then().statusCode(200);
        as(TestTokens.issue(GANZHOU, List.of(Role.REVIEWER)))
                .body("{\"action\": \"accept\", \"actor\": \"赣州市教育局\", \"role\": \"province\"}")
                .post(Submissions.PATH + "/" + id + "/transitions").then().statusCode(403)
                .body("detail", equalTo("to accept the token must carry the role province"));
        as(TestTokens.reporter("360781"))
                .body("{\"action\": \"accept\", \"actor\": \"瑞金市\", \"role\": \"province\"}")
                .post(Submissions.PATH + "/" + id + "/transitions").then().statusCode(403);
    }

    @Test
    void aTokenWithoutAKnownRegionIsRefused() {
        as(TestTokens.issue("999999", List.of(Role.REPORTER)))
                .body(submission("nowhere-1", XINFENG, "edu_annual", "2020", value("edu_school_count", "1")))
                .post(Submissions.PATH)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("the token's region 999999 is not a known region"));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
