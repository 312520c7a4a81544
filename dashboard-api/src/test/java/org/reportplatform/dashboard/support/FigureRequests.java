package org.reportplatform.dashboard.support;

import static io.restassured.RestAssured.given;
import static org.reportplatform.dashboard.support.SameNumber.exactNumbers;

import io.restassured.response.ValidatableResponse;

/** The figure endpoints as the API tests ask them, numbers read exactly; each answer must be a 200. */
public final class FigureRequests {

    private FigureRequests() {
    }

    public static ValidatableResponse figure(String indicator, String region, String period) {
        return get("/api/v1/aggregates/{indicator}", indicator, region, period);
    }

    public static ValidatableResponse children(String indicator, String region, String period) {
        return get("/api/v1/aggregates/{indicator}/children", indicator, region, period);
    }

    private static ValidatableResponse get(String path, String indicator, String region, String period) {
        return given().config(exactNumbers())
                .queryParam("region", region).queryParam("period", period)
                .when().get(path, indicator)
                .then().statusCode(200).contentType("application/json");
    }
}
