package org.reportplatform.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.Caller;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/** Who may post which submission, decided on plain objects: every rule of SubmitterAccess, and its refusals. */
class SubmitterAccessTest {

    private static final RegionRegistry REGIONS = RegionRegistry.load();
    private static final SubmitterAccess ACCESS = new SubmitterAccess(REGIONS);
    private static final Region XINFENG = region("360722");
    private static final Region GANZHOU = region("360700");
    private static final Region JIANGXI = region("360000");

    @Test
    void aReporterSendsItsOwnUnitsFiguresAndTargetsAsTheyComeAndNothingElse() {
        Caller reporter = caller("360722", Role.REPORTER);
        assertThat(ACCESS.refusal(reporter, XINFENG, false, false)).isEmpty();
        assertThat(ACCESS.refusal(reporter, XINFENG, true, false)).isEmpty();
        assertThat(ACCESS.refusal(reporter, region("360723"), false, false))
                .contains("a reporter submits for its own unit, 360722, not for 360723");
        assertThat(ACCESS.refusal(reporter, XINFENG, false, true)).get().asString().startsWith("reportedAt");
        assertThat(ACCESS.refusal(reporter, GANZHOU, true, false)).isPresent();
        // a token for a city is no reporting unit: actual figures are the validator's to refuse, targets are not its own
        Caller cityAsReporter = caller("360700", Role.REPORTER);
        assertThat(ACCESS.refusal(cityAsReporter, GANZHOU, false, false)).isEmpty();
        assertThat(ACCESS.refusal(cityAsReporter, GANZHOU, true, false))
                .contains("the targets of 360700 are set by the province, or by the reviewer of that city");
    }

    @Test
    void theProvinceLoadsAnyUnitWithinItsRegionAndSetsItsOwnAndItsCitiesTargets() {
        Caller province = caller("360000", Role.PROVINCE);
        assertThat(ACCESS.refusal(province, XINFENG, false, false)).isEmpty();
        assertThat(ACCESS.refusal(province, XINFENG, false, true)).isEmpty();
        assertThat(ACCESS.refusal(province, GANZHOU, true, false)).isEmpty();
        assertThat(ACCESS.refusal(province, JIANGXI, true, false)).isEmpty();
        assertThat(ACCESS.refusal(province, region("130171"), false, false)).isPresent();
        assertThat(ACCESS.refusal(province, region("130171"), false, true)).get().asString().startsWith("reportedAt");
    }

    @Test
    void aCitysReviewerSetsOnlyItsOwnCitysTargets() {
        Caller reviewer = caller("360700", Role.REVIEWER);
        assertThat(ACCESS.refusal(reviewer, GANZHOU, true, false)).isEmpty();
        assertThat(ACCESS.refusal(reviewer, GANZHOU, false, false)).isPresent();
        assertThat(ACCESS.refusal(reviewer, GANZHOU, true, true)).isPresent();
        assertThat(ACCESS.refusal(reviewer, region("360800"), true, false))
                .contains("the targets of 360800 are set by the province, or by the reviewer of that city");
        assertThat(ACCESS.refusal(reviewer, JIANGXI, true, false)).isPresent();
        assertThat(ACCESS.refusal(reviewer, XINFENG, true, false)).isPresent();
    }

    @Test
    void aProvinceLevelReviewerOrAnAnalystPostsNothing() {
        assertThat(ACCESS.refusal(caller("360000", Role.REVIEWER), JIANGXI, true, false)).isPresent();
        assertThat(ACCESS.refusal(caller("360000", Role.ANALYST), XINFENG, false, false))
                .contains("the figures of 360722 are submitted by its reporter, or loaded by the province");
    }

    private static Caller caller(String region, Role role) {
        return new Caller("test", RegionCode.of(region), Set.of(role));
    }

    private static Region region(String code) {
        return REGIONS.find(RegionCode.of(code)).orElseThrow();
    }
}
