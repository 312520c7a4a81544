package org.reportplatform.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.Caller;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.problem.Language;
import org.reportplatform.contracts.problem.ProblemException;
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
        assertThat(refusal(reporter, XINFENG, false, false)).isEmpty();
        assertThat(refusal(reporter, XINFENG, true, false)).isEmpty();
        assertThat(refusal(reporter, region("360723"), false, false))
                .contains("a reporter submits for its own unit, 360722, not for 360723");
        assertThat(refusal(reporter, XINFENG, false, true)).get().asString().startsWith("reportedAt");
        assertThat(refusal(reporter, GANZHOU, true, false)).isPresent();
        // a token for a city is no reporting unit: actual figures are the validator's to refuse, targets are not its own
        Caller cityAsReporter = caller("360700", Role.REPORTER);
        assertThat(refusal(cityAsReporter, GANZHOU, false, false)).isEmpty();
        assertThat(refusal(cityAsReporter, GANZHOU, true, false))
                .contains("the targets of 360700 are set by the province, or by the reviewer of that city");
    }

    @Test
    void theProvinceLoadsAnyUnitWithinItsRegionAndSetsItsOwnAndItsCitiesTargets() {
        Caller province = caller("360000", Role.PROVINCE);
        assertThat(refusal(province, XINFENG, false, false)).isEmpty();
        assertThat(refusal(province, XINFENG, false, true)).isEmpty();
        assertThat(refusal(province, GANZHOU, true, false)).isEmpty();
        assertThat(refusal(province, JIANGXI, true, false)).isEmpty();
        assertThat(refusal(province, region("130171"), false, false)).isPresent();
        assertThat(refusal(province, region("130171"), false, true)).get().asString().startsWith("reportedAt");
    }

    @Test
    void aCitysReviewerSetsOnlyItsOwnCitysTargets() {
        Caller reviewer = caller("360700", Role.REVIEWER);
        assertThat(refusal(reviewer, GANZHOU, true, false)).isEmpty();
        assertThat(refusal(reviewer, GANZHOU, false, false)).isPresent();
        assertThat(refusal(reviewer, GANZHOU, true, true)).isPresent();
        assertThat(refusal(reviewer, region("360800"), true, false))
                .contains("the targets of 360800 are set by the province, or by the reviewer of that city");
        assertThat(refusal(reviewer, JIANGXI, true, false)).isPresent();
        assertThat(refusal(reviewer, XINFENG, true, false)).isPresent();
    }

    @Test
    void aProvinceLevelReviewerOrAnAnalystPostsNothing() {
        assertThat(refusal(caller("360000", Role.REVIEWER), JIANGXI, true, false)).isPresent();
        assertThat(refusal(caller("360000", Role.ANALYST), XINFENG, false, false))
                .contains("the figures of 360722 are submitted by its reporter, or loaded by the province");
    }

    @Test
    void aUnitReportsTheYearsOfTheCodeItTookOver() {
        Caller ganDistrict = caller("360704", Role.REPORTER);
        assertThat(refusal(ganDistrict, region("360721"), false, false)).isEmpty();
        assertThat(refusal(caller("360721", Role.REPORTER), region("360704"), false, false)).isPresent();
        assertThat(refusal(caller("360703", Role.REPORTER), region("360721"), false, false)).isPresent();
    }

    @Test
    void aRefusalIsAForbiddenProblemInBothLanguages() {
        ProblemException refused = ACCESS.refusal(caller("360722", Role.REPORTER), region("360723"), false, false).orElseThrow();
        assertThat(refused.problem().status()).isEqualTo(403);
        assertThat(refused.problem().in(Language.ZH).detail()).contains("填报员只能为本单位 360722 报送");
    }

    /** The refusal's English detail. */
    private static Optional<String> refusal(Caller caller, Region region, boolean targetsOnly, boolean backfilled) {
        return ACCESS.refusal(caller, region, targetsOnly, backfilled).map(refused -> refused.problem().detail());
    }

    private static Caller caller(String region, Role role) {
        return new Caller("test", RegionCode.of(region), Set.of(role));
    }

    private static Region region(String code) {
        return REGIONS.find(RegionCode.of(code)).orElseThrow();
    }
}
