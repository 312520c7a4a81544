package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.problem.Problem;

/** The forms county systems read to learn what to send. */
@QuarkusTest
class DatasetApiTest {

    @Test
    void listsTheForms() {
        JsonPath forms = given().get("/api/v1/datasets").then().statusCode(200).extract().jsonPath();
        assertThat(forms.getList("code")).containsExactly("edu_annual", "sci_annual", "sci_quarterly", "spt_annual");
        assertThat(forms.getList("find { it.code == 'sci_quarterly' }.unitKinds"))
                .containsExactly("DISTRICT", "COUNTY", "COUNTY_CITY", "ZONE", "TOWNSHIP");
        assertThat(forms.getInt("find { it.code == 'sci_quarterly' }.dueDaysAfterPeriodEnd")).isEqualTo(15);
        assertThat(forms.getList("find { it.code == 'spt_annual' }.unitKinds")).doesNotContain("ZONE");
    }

    @Test
    void describesEachIndicatorAndTheComponentsARateNeeds() {
        JsonPath edu = given().get("/api/v1/datasets/edu_annual").then().statusCode(200)
                .body("periodType", equalTo("YEARLY"))
                .extract().jsonPath();

        String rate = "indicators.find { it.code == 'pre_gross_enrolment_rate' }";
        assertThat(edu.getString(rate + ".rule")).isEqualTo("RATIO");
        assertThat(edu.getString(rate + ".unit")).isEqualTo("%");
        assertThat(edu.getList(rate + ".components")).containsExactly("pre_enrolled_children", "pop_age_3_5");
        String schools = "indicators.find { it.code == 'edu_school_count' }";
        assertThat(edu.getString(schools + ".valueType")).isEqualTo("COUNT");
        assertThat(edu.getString(schools + ".nameZh")).isEqualTo("中小学校数");
        assertThat(edu.getList(schools + ".components")).isEmpty();
    }

    @Test
    void anUnknownFormIsNotFound() {
        given().get("/api/v1/datasets/no_such_form").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get("/api/v1/datasets/NOT-A-CODE").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }
}
