package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.AuthenticatedRequests;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.access.TestTokens;
import org.reportplatform.contracts.problem.Problem;

/** A reader sees its own region and what lies below it, in every endpoint; a county system reads no figures here. */
@QuarkusTest
class AccessControlTest {

    private static final String GANZHOU = "360700";

    @Test
    void withoutATokenFiguresAre401ButOperationsStayOpen() {
        given().header(AuthenticatedRequests.ANONYMOUS, "yes")
                .queryParam("region", "360000").queryParam("period", "2020")
                .get("/api/v1/aggregates/edu_school_count")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer");
        given().header(AuthenticatedRequests.ANONYMOUS, "yes").get("/api/v1/indicators").then().statusCode(401);
        for (String open : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().header(AuthenticatedRequests.ANONYMOUS, "yes").get(open).then().statusCode(200);
        }
    }

    @Test
    void aCityReaderSeesItsSubtreeOnlyInEveryEndpoint() {
        String analyst = TestTokens.issue(GANZHOU, List.of(Role.ANALYST));
        for (String region : List.of(GANZHOU, "360722")) {
            as(analyst).queryParam("region", region).queryParam("period", "2020")
                    .get("/api/v1/aggregates/edu_school_count").then().statusCode(200);
        }
        for (String path : List.of("/api/v1/aggregates/edu_school_count", "/api/v1/aggregates/edu_school_count/children",
                "/api/v1/aggregates/edu_school_count/sources")) {
            for (String outside : List.of("360000", "360100", "360102")) {
                as(analyst).queryParam("region", outside).queryParam("period", "2020").get(path)
                        .then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("type", endsWith("forbidden"));
            }
        }
        as(analyst).queryParam("dataset", "edu_annual").queryParam("period", "2020").queryParam("region", "360000")
                .get("/api/v1/completeness").then().statusCode(403);
        as(analyst).queryParam("dataset", "edu_annual").queryParam("period", "2020").queryParam("region", GANZHOU)
                .get("/api/v1/completeness").then().statusCode(200);
    }

    @Test
    void aCountySystemReadsNoFiguresHere() {
        as(TestTokens.reporter("360722")).queryParam("region", "360722").queryParam("period", "2020")
                .get("/api/v1/aggregates/edu_school_count").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
