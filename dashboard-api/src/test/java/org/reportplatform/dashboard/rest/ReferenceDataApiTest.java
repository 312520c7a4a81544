package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.support.TestTopicsResource;

@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class ReferenceDataApiTest {

    @Inject
    RegionRegistry regions;

    @Inject
    Catalogue catalogue;

    @Test
    void aProvinceListsItsCities() {
        given().get("/api/v1/regions/360000").then()
                .statusCode(200)
                .contentType("application/json")
                .body("code", equalTo("360000"))
                .body("name", equalTo("江西省"))
                .body("level", equalTo("PROVINCE"))
                .body("kind", equalTo("PROVINCE"))
                .body("parent", nullValue())
                .body("children", hasSize(11))
                .body("children.level", everyItem(equalTo("CITY")))
                .body("children.find { it.code == '360700' }.name", equalTo("赣州市"))
                .body("reportingUnits", equalTo(regions.reportingUnitsWithin(RegionCode.of("360000"))));
    }

    @Test
    void aCityNamesItsProvinceAndListsItsCounties() {
        given().get("/api/v1/regions/360700").then()
                .statusCode(200)
                .body("name", equalTo("赣州市"))
                .body("level", equalTo("CITY"))
                .body("parent.code", equalTo("360000"))
                .body("parent.name", equalTo("江西省"))
                .body("children", hasSize(18))
                .body("children.level", everyItem(equalTo("COUNTY")))
                .body("children.find { it.code == '360781' }.kind", equalTo("COUNTY_CITY"))
                .body("reportingUnits", equalTo(18));
    }

    @Test
    void aCountyIsOneReportingUnitWithoutChildren() {
        given().get("/api/v1/regions/360702").then()
                .statusCode(200)
                .body("name", equalTo("章贡区"))
                .body("kind", equalTo("DISTRICT"))
                .body("parent.code", equalTo("360700"))
                .body("children", hasSize(0))
                .body("reportingUnits", equalTo(1));
    }

    @Test
    void theCatalogueIsListedWhole() {
        given().get("/api/v1/indicators").then()
                .statusCode(200)
                .body("", hasSize(catalogue.indicators().size()))
                .body("code", hasItem("edu_cmp_dropout_rate"))
                .body("find { it.code == 'pre_gross_enrolment_rate' }.nameZh", equalTo("学前三年毛入园率"))
                .body("find { it.code == 'pre_gross_enrolment_rate' }.rule", equalTo("RATIO"))
                .body("find { it.code == 'pre_gross_enrolment_rate' }.numerator", equalTo("pre_enrolled_children"))
                .body("find { it.code == 'pre_gross_enrolment_rate' }.denominator", equalTo("pop_age_3_5"))
                .body("find { it.code == 'edu_school_count' }.numerator", nullValue());
    }

    @Test
    void theCatalogueCanBeFilteredByDomain() {
        long preschool = catalogue.indicators().stream().filter(i -> i.domain().equals("preschool")).count();
        given().queryParam("domain", "preschool").get("/api/v1/indicators").then()
                .statusCode(200)
                .body("", hasSize((int) preschool))
                .body("domain", everyItem(equalTo("preschool")));
    }

    @Test
    void oneIndicatorCarriesItsAggregationAndDirection() {
        given().get("/api/v1/indicators/edu_cmp_dropout_rate").then()
                .statusCode(200)
                .body("code", equalTo("edu_cmp_dropout_rate"))
                .body("nameEn", equalTo("Compulsory-education annual dropout rate"))
                .body("domain", equalTo("education"))
                .body("unit", equalTo("%"))
                .body("valueType", equalTo("RATE"))
                .body("rule", equalTo("RATIO"))
                .body("numerator", equalTo("edu_cmp_dropout_count"))
                .body("denominator", equalTo("edu_student_count"))
                .body("factor", equalTo(100))
                .body("temporal", equalTo("FLOW"))
                .body("better", equalTo("LOWER"));
    }
}
