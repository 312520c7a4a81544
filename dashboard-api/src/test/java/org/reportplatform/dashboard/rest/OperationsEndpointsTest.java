package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.reportplatform.dashboard.support.TestTopicsResource;

/** What operators and browsers rely on beside the API itself. */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class OperationsEndpointsTest {

    private static final String DASHBOARD_ORIGIN = "https://dashboard.example.org";

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/v1/aggregates/{indicator}'.get.summary",
                        equalTo("The figure of an indicator for a region and period"))
                .body("paths.'/api/v1/aggregates/{indicator}/children'.get.summary", containsString("ranked"))
                .body("paths.'/api/v1/regions/{code}'.get.summary", containsString("region"))
                .body("paths.'/api/v1/indicators'.get.summary", containsString("catalogue"))
                .body("paths.'/api/v1/completeness'.get.summary", containsString("on-time"))
                .body("paths.'/api/v1/completeness'.get.parameters.name", hasItems("dataset", "period", "region"))
                .body("paths.'/api/v1/completeness'.get.responses.keySet()", hasItems("200", "400", "404"))
                .body("components.schemas.Completeness.properties.keySet()",
                        hasItems("dataset", "period", "region", "regionName", "dueDate", "expected", "received", "onTime",
                                "late", "missing", "reportingRate", "children", "missingUnits", "lateUnits", "periods",
                                "partialUnits", "heldUnits", "returnedUnits", "timelyRate", "partialReports",
                                "heldReports", "returnedReports"))
                .body("components.schemas.RegionFigure.properties.keySet()",
                        hasItems("previousPeriod", "previousValue", "yoyChange", "yoyPercent", "yoyPoints"))
                .body("components.schemas.ChildFigure.properties.keySet()",
                        hasItems("shareOfParent", "previousValue", "yoyChange"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/api/v1/indicators/edu_school_count").then().statusCode(200);
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/indicators/{code}\""));
    }

    @Test
    void pagesOfOtherOriginsMayReadTheApi() {
        given().header("Origin", DASHBOARD_ORIGIN)
                .get("/api/v1/regions/360000").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", DASHBOARD_ORIGIN);
        given().header("Origin", DASHBOARD_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/aggregates/edu_school_count").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", DASHBOARD_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }
}
