package org.reportplatform.intake;

import static org.hamcrest.Matchers.equalTo;
import static org.reportplatform.intake.Submissions.post;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.target;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Targets are aims set ahead: for the current period and up to five years on, for a longer period made up of the
 * form's, and for a rate as the rate itself. Each test uses its own county.
 */
@QuarkusTest
class SubmissionTargetsTest {

    private static final int THIS_YEAR = Year.now(ZoneId.of("Asia/Shanghai")).getValue();

    @Test
    void aRateTargetMayBeTheRateAlone() {
        post(submission("jishui-edu-2020-target", "360822", "edu_annual", "2020", target("pre_gross_enrolment_rate", "95")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).body("values[0].kind", equalTo("target"));
    }

    @Test
    void anActualRateStillNeedsItsComponentsBesideATarget() {
        post(submission("jishui-edu-2020-actual", "360822", "edu_annual", "2020",
                target("pre_gross_enrolment_rate", "95"), value("pre_gross_enrolment_rate", "91")))
                .then().statusCode(422).body("errors.field", equalTo(List.of("values[1].indicator")));
    }

    @Test
    void anAnnualTargetOfAQuarterlyFormIsAccepted() {
        post(submission("xiajiang-sci-2024-target", "360823", "sci_quarterly", "2024", target("sci_tech_contract_count", "160")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).body("period", equalTo("2024"));
    }

    @Test
    void targetsOfTheCurrentPeriodAndOfFiveYearsAheadAreAccepted() {
        post(submission("xingan-edu-current-target", "360824", "edu_annual", String.valueOf(THIS_YEAR),
                target("edu_school_count", "330")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED"));
        post(submission("xingan-edu-plan-target", "360824", "edu_annual", String.valueOf(THIS_YEAR + 5),
                target("edu_school_count", "340")))
                .then().statusCode(202).body("status", equalTo("SUBMITTED"));
    }
}
