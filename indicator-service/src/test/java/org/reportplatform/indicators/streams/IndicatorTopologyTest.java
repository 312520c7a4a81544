package org.reportplatform.indicators.streams;

import static org.reportplatform.indicators.streams.TestRegions.DAYU;
import static org.reportplatform.indicators.streams.TestRegions.DONGHU;
import static org.reportplatform.indicators.streams.TestRegions.GANZHOU;
import static org.reportplatform.indicators.streams.TestRegions.JIANGXI;
import static org.reportplatform.indicators.streams.TestRegions.NANCHANG;
import static org.reportplatform.indicators.streams.TestRegions.XINFENG;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.contracts.region.RegionRegistry;

/** The topology against the shared catalogue and the real region registry, one rule and one hard case at a time. */
class IndicatorTopologyTest {

    private static final Catalogue CATALOGUE = Catalogue.load();

    private static final String SCHOOLS = "edu_school_count";
    private static final String STUDENTS = "edu_student_count";
    private static final String ENROLMENT_RATE = "pre_gross_enrolment_rate";
    private static final String ENROLLED = "pre_enrolled_children";
    private static final String CHILDREN_3_5 = "pop_age_3_5";
    private static final String ZHONGKAO_SCORE = "edu_zhongkao_avg_score";
    private static final String ZHONGKAO_CANDIDATES = "edu_zhongkao_candidate_count";
    private static final String RESIDENTS = "pop_resident";
    private static final String EDUCATION = "edu_annual";
    private static final String SPORTS = "spt_annual";
    private static final String SCIENCE = "sci_annual";

    private static final RegionRegistry REGIONS = RegionRegistry.load();

    private AggregationDriver driver;

    @BeforeEach
    void startDriver() {
        driver = new AggregationDriver(CATALOGUE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aCodeOfThePastRollsUpIntoTheCityItLayWithinAndUnitsAreExpectedAsTheyWereThen() {
        // 赣县 reported 2015 as 360721; it became 赣县区 360704 in 2016, 龙南县 360727 became 龙南市 360783 in 2020
        driver.submit(Submission.of("360721", EDUCATION).period("2015").reported(SCHOOLS, "210"));
        driver.submit(Submission.of("360704", EDUCATION).period("2016").reported(SCHOOLS, "205"));

        AggregateEvent ganzhou2015 = driver.aggregate(SCHOOLS, GANZHOU, "2015");
        assertThat(ganzhou2015.value()).isEqualByComparingTo("210");
        assertThat(ganzhou2015.expectedUnits()).isEqualTo(REGIONS.reportingUnitsUnder(RegionCode.of(GANZHOU),
                PeriodCode.of("2015")).size());
        assertThat(driver.aggregate(SCHOOLS, JIANGXI, "2015").value()).isEqualByComparingTo("210");
        assertThat(driver.aggregate(SCHOOLS, GANZHOU, "2016").value()).isEqualByComparingTo("205");
        assertThat(REGIONS.reportingUnitsUnder(RegionCode.of(GANZHOU), PeriodCode.of("2015"))).map(Region::code)
                .contains(RegionCode.of("360721"), RegionCode.of("360727")).doesNotContain(RegionCode.of("360704"));
    }

    @Test
    void sumRollsUpFromCountiesThroughCitiesToTheProvince() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "120"));
        driver.submit(Submission.of(DAYU, EDUCATION).reported(SCHOOLS, "85"));
        driver.submit(Submission.of(DONGHU, EDUCATION).reported(SCHOOLS, "40"));

        AggregateEvent county = driver.aggregate(SCHOOLS, XINFENG);
        assertThat(county.level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(county.value()).isEqualByComparingTo("120");
        assertThat(county.reportingUnits()).isEqualTo(1);
        assertThat(county.expectedUnits()).isEqualTo(1);

        AggregateEvent ganzhou = driver.aggregate(SCHOOLS, GANZHOU);
        assertThat(ganzhou.level()).isEqualTo(RegionLevel.CITY);
        assertThat(ganzhou.value()).isEqualByComparingTo("205");
        assertThat(ganzhou.reportingUnits()).isEqualTo(2);
        assertThat(ganzhou.withheldUnits()).isZero();
        assertThat(ganzhou.expectedUnits()).isEqualTo(18);
        assertThat(ganzhou.numerator()).isNull();
        assertThat(ganzhou.denominator()).isNull();

        assertThat(driver.aggregate(SCHOOLS, NANCHANG).value()).isEqualByComparingTo("40");
        assertThat(driver.aggregate(SCHOOLS, NANCHANG).expectedUnits()).isEqualTo(11);

        AggregateEvent jiangxi = driver.aggregate(SCHOOLS, JIANGXI);
        assertThat(jiangxi.level()).isEqualTo(RegionLevel.PROVINCE);
        assertThat(jiangxi.value()).isEqualByComparingTo("245");
        assertThat(jiangxi.reportingUnits()).isEqualTo(3);
        assertThat(jiangxi.expectedUnits()).isEqualTo(103);
        assertThat(jiangxi.updatedAt()).isEqualTo(AggregationDriver.NOW);
        assertThat(jiangxi.key().toString()).isEqualTo(SCHOOLS + "|" + JIANGXI + "|2023|actual|received");
    }

    @Test
    void ratioDividesTheSumOfNumeratorsByTheSumOfDenominatorsAndIgnoresStatedRates() {
        driver.submit(Submission.of(XINFENG, EDUCATION)
                .reported(ENROLLED, "3000").reported(CHILDREN_3_5, "4000").reported(ENROLMENT_RATE, "99"));
        driver.submit(Submission.of(DAYU, EDUCATION)
                .reported(ENROLLED, "1000").reported(CHILDREN_3_5, "2000"));
        driver.submit(Submission.of(DONGHU, EDUCATION)
                .redacted(ENROLLED).reported(CHILDREN_3_5, "10000").reported(ENROLMENT_RATE, "88"));

        // the county's own 99 is recomputed from its components
        assertThat(driver.aggregate(ENROLMENT_RATE, XINFENG).value()).isEqualByComparingTo("75");

        AggregateEvent ganzhou = driver.aggregate(ENROLMENT_RATE, GANZHOU);
        // 4000 / 6000 × 100, to 16 significant digits; the mean of the county rates (75 and 50) would be 62.5
        assertThat(ganzhou.value()).isEqualTo(new BigDecimal("66.66666666666667"));
        assertThat(ganzhou.numerator()).isEqualByComparingTo("4000");
        assertThat(ganzhou.denominator()).isEqualByComparingTo("6000");

        AggregateEvent donghu = driver.aggregate(ENROLMENT_RATE, DONGHU);
        assertThat(donghu.value()).isNull();
        assertThat(donghu.reportingUnits()).isZero();
        assertThat(donghu.withheldUnits()).isEqualTo(1);

        // Donghu's denominator is not in the province's either: its numerator is withheld
        AggregateEvent jiangxi = driver.aggregate(ENROLMENT_RATE, JIANGXI);
        assertThat(jiangxi.value()).isEqualTo(new BigDecimal("66.66666666666667"));
        assertThat(jiangxi.denominator()).isEqualByComparingTo("6000");
        assertThat(jiangxi.reportingUnits()).isEqualTo(2);
        assertThat(jiangxi.withheldUnits()).isEqualTo(1);
        assertThat(jiangxi.expectedUnits()).isEqualTo(103);
        assertThat(driver.aggregate(CHILDREN_3_5, JIANGXI).value()).isEqualByComparingTo("16000");
    }

    @Test
    void ratioOfWholeNumbersIsWrittenPlainAndAZeroDenominatorGivesNoValue() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(ENROLLED, "500").reported(CHILDREN_3_5, "250"));
        driver.submit(Submission.of(DONGHU, EDUCATION).reported(ENROLLED, "0").reported(CHILDREN_3_5, "0"));

        assertThat(driver.aggregate(ENROLMENT_RATE, XINFENG).value()).isEqualTo(new BigDecimal("200"));
        AggregateEvent nanchang = driver.aggregate(ENROLMENT_RATE, NANCHANG);
        assertThat(nanchang.value()).isNull();
        assertThat(nanchang.reportingUnits()).isEqualTo(1);
        assertThat(nanchang.denominator()).isEqualByComparingTo("0");
    }

    @Test
    void ratioWithNoComponentStatedHasNoFigureEvenWhenTheRateIsStated() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(ENROLMENT_RATE, "91.5").reported(SCHOOLS, "3"));

        assertThat(driver.latest()).doesNotContainKeys(
                ENROLMENT_RATE + "|" + XINFENG + "|2023|actual|received", ENROLMENT_RATE + "|" + GANZHOU + "|2023|actual|received");
        assertThat(driver.aggregate(SCHOOLS, GANZHOU).value()).isEqualByComparingTo("3");
    }

    @Test
    void aWithheldSharedDenominatorWithholdsOnlyTheRatiosWhoseNumeratorTheUnitStates() {
        String broadband = "ict_broadband_access_rate";
        String legalVicePrincipals = "saf_legal_vp_coverage_rate";
        driver.submit(Submission.of(XINFENG, EDUCATION).redacted(SCHOOLS).reported("ict_broadband_school_count", "30"));

        assertThat(driver.aggregate(broadband, XINFENG).withheldUnits()).isEqualTo(1);
        assertThat(driver.latest()).doesNotContainKeys(
                legalVicePrincipals + "|" + XINFENG + "|2023|actual|received", legalVicePrincipals + "|" + GANZHOU + "|2023|actual|received");
    }

    @Test
    void weightedAverageWeighsEachUnitsValue() {
        driver.submit(Submission.of(XINFENG, EDUCATION)
                .reported(ZHONGKAO_SCORE, "500").reported(ZHONGKAO_CANDIDATES, "100"));
        driver.submit(Submission.of(DAYU, EDUCATION)
                .reported(ZHONGKAO_SCORE, "400.5").reported(ZHONGKAO_CANDIDATES, "300"));
        driver.submit(Submission.of(DONGHU, EDUCATION)
                .reported(ZHONGKAO_SCORE, "600").missing(ZHONGKAO_CANDIDATES));

        AggregateEvent dayu = driver.aggregate(ZHONGKAO_SCORE, DAYU);
        assertThat(dayu.value()).isEqualByComparingTo("400.5");
        assertThat(dayu.numerator()).isEqualByComparingTo("120150");
        assertThat(dayu.denominator()).isEqualByComparingTo("300");

        // (500 × 100 + 400.5 × 300) / 400, not the plain mean 450.25
        AggregateEvent ganzhou = driver.aggregate(ZHONGKAO_SCORE, GANZHOU);
        assertThat(ganzhou.value()).isEqualTo(new BigDecimal("425.375"));
        assertThat(ganzhou.reportingUnits()).isEqualTo(2);

        // a score without its weight cannot be weighed: withheld
        AggregateEvent jiangxi = driver.aggregate(ZHONGKAO_SCORE, JIANGXI);
        assertThat(jiangxi.value()).isEqualTo(new BigDecimal("425.375"));
        assertThat(jiangxi.reportingUnits()).isEqualTo(2);
        assertThat(jiangxi.withheldUnits()).isEqualTo(1);
        assertThat(driver.aggregate(ZHONGKAO_SCORE, NANCHANG).value()).isNull();
    }

    @Test
    void redactedAndMissingValuesCountAsWithheldNeverAsZero() {
        driver.submit(Submission.of(XINFENG, EDUCATION).redacted(SCHOOLS));

        AggregateEvent county = driver.aggregate(SCHOOLS, XINFENG);
        assertThat(county.value()).isNull();
        assertThat(county.withheldUnits()).isEqualTo(1);
        AggregateEvent onlyWithheld = driver.aggregate(SCHOOLS, GANZHOU);
        assertThat(onlyWithheld.value()).isNull();
        assertThat(onlyWithheld.reportingUnits()).isZero();
        assertThat(onlyWithheld.withheldUnits()).isEqualTo(1);

        driver.submit(Submission.of(DAYU, EDUCATION).reported(SCHOOLS, "7"));
        driver.submit(Submission.of(DONGHU, EDUCATION).missing(SCHOOLS));

        AggregateEvent ganzhou = driver.aggregate(SCHOOLS, GANZHOU);
        assertThat(ganzhou.value()).isEqualByComparingTo("7");
        assertThat(ganzhou.reportingUnits()).isEqualTo(1);
        assertThat(ganzhou.withheldUnits()).isEqualTo(1);
        AggregateEvent jiangxi = driver.aggregate(SCHOOLS, JIANGXI);
        assertThat(jiangxi.value()).isEqualByComparingTo("7");
        assertThat(jiangxi.reportingUnits()).isEqualTo(1);
        assertThat(jiangxi.withheldUnits()).isEqualTo(2);
    }

    @Test
    void aNewerVersionReplacesTheOlderOneExactly() {
        driver.submit(Submission.of(XINFENG, EDUCATION).version(1)
                .reported(SCHOOLS, "120").reported(ENROLLED, "3000").reported(CHILDREN_3_5, "4000"));
        driver.submit(Submission.of(DAYU, EDUCATION).reported(SCHOOLS, "85"));
        driver.submit(Submission.of(XINFENG, EDUCATION).version(2)
                .reported(SCHOOLS, "118").reported(ENROLLED, "3200").redacted(CHILDREN_3_5));

        assertThat(driver.aggregate(SCHOOLS, XINFENG).value()).isEqualByComparingTo("118");
        assertThat(driver.aggregate(SCHOOLS, GANZHOU).value()).isEqualByComparingTo("203");
        assertThat(driver.aggregate(SCHOOLS, GANZHOU).reportingUnits()).isEqualTo(2);
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).value()).isEqualByComparingTo("203");

        // the rate's denominator is now withheld: the unit moves from reporting to withheld at every level
        AggregateEvent rate = driver.aggregate(ENROLMENT_RATE, JIANGXI);
        assertThat(rate.value()).isNull();
        assertThat(rate.reportingUnits()).isZero();
        assertThat(rate.withheldUnits()).isEqualTo(1);
        assertThat(rate.numerator()).isEqualByComparingTo("0");
    }

    @Test
    void aRevisionThatDropsAnIndicatorRetractsItAtEveryLevel() {
        driver.submit(Submission.of(XINFENG, EDUCATION).version(1).reported(SCHOOLS, "120").reported(STUDENTS, "9000"));
        driver.submit(Submission.of(DAYU, EDUCATION).reported(SCHOOLS, "85"));
        driver.submit(Submission.of(XINFENG, EDUCATION).version(2).reported(STUDENTS, "9100"));

        assertThat(driver.latest()).containsEntry(SCHOOLS + "|" + XINFENG + "|2023|actual|received", null);
        AggregateEvent ganzhou = driver.aggregate(SCHOOLS, GANZHOU);
        assertThat(ganzhou.value()).isEqualByComparingTo("85");
        assertThat(ganzhou.reportingUnits()).isEqualTo(1);
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).reportingUnits()).isEqualTo(1);
        assertThat(driver.aggregate(STUDENTS, JIANGXI).value()).isEqualByComparingTo("9100");

        // when no unit states it any more, the city and province figures are deleted too
        driver.submit(Submission.of(DAYU, EDUCATION).version(2).reported(STUDENTS, "5000"));
        assertThat(driver.latest())
                .containsEntry(SCHOOLS + "|" + DAYU + "|2023|actual|received", null)
                .containsEntry(SCHOOLS + "|" + GANZHOU + "|2023|actual|received", null)
                .containsEntry(SCHOOLS + "|" + JIANGXI + "|2023|actual|received", null);
        assertThat(driver.aggregate(STUDENTS, JIANGXI).value()).isEqualByComparingTo("14100");
    }

    @Test
    void repeatsAndLateOlderVersionsChangeNothing() {
        Submission first = Submission.of(XINFENG, EDUCATION).version(1).reported(SCHOOLS, "120");
        Submission second = Submission.of(XINFENG, EDUCATION).version(2).reported(SCHOOLS, "118");
        driver.submit(first);
        driver.submit(second);
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).value()).isEqualByComparingTo("118");

        driver.submit(second);
        driver.submit(first);

        driver.emit();
        assertThat(driver.published()).isEmpty();
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).value()).isEqualByComparingTo("118");
        assertThat(driver.aggregate(SCHOOLS, JIANGXI).reportingUnits()).isEqualTo(1);
    }

    @Test
    void anOlderVersionArrivingFirstIsReplacedWhenTheNewerOneComes() {
        driver.submit(Submission.of(XINFENG, EDUCATION).version(3).reported(SCHOOLS, "130"));
        driver.submit(Submission.of(XINFENG, EDUCATION).version(2).reported(SCHOOLS, "999"));

        assertThat(driver.aggregate(SCHOOLS, GANZHOU).value()).isEqualByComparingTo("130");
    }

    @Test
    void anIndicatorInSeveralFormsCountsOnceFromTheLatestOtherFormUntilTheOwnerFormStatesIt() {
        driver.submit(Submission.of(XINFENG, SPORTS).submittedAt(Submission.BASE.plusSeconds(3600))
                .reported(RESIDENTS, "720000").reported("spt_venue_area", "1440000"));
        driver.submit(Submission.of(XINFENG, SCIENCE).submittedAt(Submission.BASE.plusSeconds(7200))
                .reported(RESIDENTS, "730000"));
        AggregateEvent beforeTheOwner = driver.aggregate(RESIDENTS, GANZHOU);
        assertThat(beforeTheOwner.value()).as("the latest other form's").isEqualByComparingTo("730000");
        assertThat(beforeTheOwner.reportingUnits()).isEqualTo(1);

        // edu_annual owns the population: its statement wins though it was made earlier than both others
        driver.submit(Submission.of(XINFENG, EDUCATION).submittedAt(Submission.BASE)
                .reported(RESIDENTS, "700000").reported("edu_gaokao_tier1_count", "140"));
        assertThat(driver.aggregate(RESIDENTS, GANZHOU).value()).isEqualByComparingTo("700000");
        assertThat(driver.aggregate(RESIDENTS, JIANGXI).reportingUnits()).isEqualTo(1);
        // ratios take the population from the owner form too: 140 / 700000 × 10000 and 1440000 / 700000
        assertThat(driver.aggregate("edu_gaokao_tier1_per_10k", XINFENG).value()).isEqualTo(new BigDecimal("2"));
        assertThat(driver.aggregate("spt_venue_area_per_capita", GANZHOU).value())
                .isEqualTo(new BigDecimal("2.057142857142857"));

        // a later revision of another form does not displace the owner's value
        driver.submit(Submission.of(XINFENG, SPORTS).version(2).submittedAt(Submission.BASE.plusSeconds(9000))
                .reported(RESIDENTS, "725000").reported("spt_venue_area", "1440000"));
        assertThat(driver.aggregate(RESIDENTS, JIANGXI).value()).isEqualByComparingTo("700000");
        assertThat(driver.aggregate("spt_venue_area_per_capita", XINFENG).value())
                .isEqualTo(new BigDecimal("2.057142857142857"));

        // dropped from the owner form, the latest other form's statement counts again
        driver.submit(Submission.of(XINFENG, EDUCATION).version(2).submittedAt(Submission.BASE.plusSeconds(10000))
                .reported("edu_gaokao_tier1_count", "145"));
        assertThat(driver.aggregate(RESIDENTS, GANZHOU).value()).isEqualByComparingTo("725000");
        assertThat(driver.aggregate(RESIDENTS, GANZHOU).reportingUnits()).isEqualTo(1);
        assertThat(driver.aggregate("edu_gaokao_tier1_per_10k", XINFENG).value())
                .isEqualTo(new BigDecimal("2"));
    }

    @Test
    void theOwnerFormWinsWhenItArrivesFirstAndOthersStateTheIndicatorLater() {
        driver.submit(Submission.of(XINFENG, EDUCATION).submittedAt(Submission.BASE).reported(RESIDENTS, "700000"));
        driver.submit(Submission.of(XINFENG, SCIENCE).submittedAt(Submission.BASE.plusSeconds(3600))
                .reported(RESIDENTS, "730000"));
        driver.submit(Submission.of(XINFENG, SPORTS).submittedAt(Submission.BASE.plusSeconds(7200))
                .reported(RESIDENTS, "720000"));

        AggregateEvent residents = driver.aggregate(RESIDENTS, GANZHOU);
        assertThat(residents.value()).isEqualByComparingTo("700000");
        assertThat(residents.reportingUnits()).isEqualTo(1);
    }

    @Test
    void formsSubmittedAtTheSameMomentAreSettledByDatasetCode() {
        driver.submit(Submission.of(XINFENG, SPORTS).submittedAt(Submission.BASE).reported(RESIDENTS, "720000"));
        driver.submit(Submission.of(XINFENG, SCIENCE).submittedAt(Submission.BASE).reported(RESIDENTS, "730000"));

        // spt_annual sorts after sci_annual, whichever arrived first
        assertThat(driver.aggregate(RESIDENTS, XINFENG).value()).isEqualByComparingTo("720000");
    }

    @Test
    void periodsAreAggregatedApart() {
        driver.submit(Submission.of(XINFENG, SCIENCE).period("2021").submittedAt(Submission.BASE.plusSeconds(3600))
                .reported(RESIDENTS, "700000"));
        driver.submit(Submission.of(XINFENG, EDUCATION).period("2020").submittedAt(Submission.BASE)
                .reported(RESIDENTS, "650000").reported(SCHOOLS, "100"));
        // the later statement belongs to another year: it must not win over this year's
        assertThat(driver.aggregate(RESIDENTS, XINFENG, "2020").value()).isEqualByComparingTo("650000");

        driver.submit(Submission.of(XINFENG, EDUCATION).period("2020").version(2).reported(STUDENTS, "10"));
        assertThat(driver.latest())
                .containsEntry(RESIDENTS + "|" + GANZHOU + "|2020|actual|received", null)
                .containsEntry(SCHOOLS + "|" + GANZHOU + "|2020|actual|received", null);
        assertThat(driver.aggregate(RESIDENTS, GANZHOU, "2021").value()).isEqualByComparingTo("700000");
    }

    @Test
    void aHalfYearOfQuartersSumsItsFlowsAndTakesItsLastQuartersStock() {
        String quarterly = "sci_quarterly";
        driver.submit(Submission.of(XINFENG, quarterly).period("2023Q1")
                .reported("sci_tech_contract_count", "10").reported("sci_tech_contract_amount", "500")
                .reported("sci_innovation_platform_count", "7"));
        driver.submit(Submission.of(XINFENG, quarterly).period("2023Q2")
                .reported("sci_tech_contract_count", "30").reported("sci_tech_contract_amount", "700")
                .reported("sci_innovation_platform_count", "9"));
        driver.submit(Submission.of(DAYU, quarterly).period("2023Q1")
                .reported("sci_tech_contract_count", "5").redacted("sci_tech_contract_amount"));
        driver.submit(Submission.of(DAYU, quarterly).period("2023Q2")
                .reported("sci_tech_contract_count", "5").reported("sci_tech_contract_amount", "100"));

        assertThat(driver.aggregate("sci_tech_contract_count", XINFENG, "2023S1").value()).isEqualByComparingTo("40");
        assertThat(driver.aggregate("sci_innovation_platform_count", XINFENG, "2023S1").value())
                .as("a stock is the last quarter's, never 7 + 9").isEqualByComparingTo("9");
        assertThat(driver.aggregate("sci_tech_contract_avg_amount", XINFENG, "2023S1").value())
                .as("Σ amount ÷ Σ contracts over the quarters").isEqualByComparingTo("30");
        AggregateEvent ganzhouHalfYear = driver.aggregate("sci_tech_contract_count", GANZHOU, "2023S1");
        assertThat(ganzhouHalfYear.value()).isEqualByComparingTo("50");
        assertThat(ganzhouHalfYear.reportingUnits()).isEqualTo(2);
        AggregateEvent amounts = driver.aggregate("sci_tech_contract_amount", JIANGXI, "2023S1");
        assertThat(amounts.value()).isEqualByComparingTo("1200");
        assertThat(amounts.withheldUnits()).as("a withheld quarter withholds the unit's half-year").isEqualTo(1);

        driver.submit(Submission.of(XINFENG, quarterly).period("2023Q2").version(2)
                .reported("sci_tech_contract_count", "20").reported("sci_tech_contract_amount", "700"));
        assertThat(driver.aggregate("sci_tech_contract_count", JIANGXI, "2023S1").value())
                .as("a revised quarter is retracted from the half-year").isEqualByComparingTo("40");
        AggregateEvent platforms = driver.aggregate("sci_innovation_platform_count", XINFENG, "2023S1");
        assertThat(platforms.value()).as("the revision no longer states the stock: Q1's does not stand in").isNull();
        assertThat(platforms.incompleteUnits()).isEqualTo(1);
    }

    @Test
    void acceptedFiguresCountOnlyTheLatestAcceptedVersionAndTargetsRollUpBesideActuals() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "100").target(SCHOOLS, "110"));
        driver.submit(Submission.of(DAYU, EDUCATION).reported(SCHOOLS, "50").target(SCHOOLS, "40")
                .reviewStatus(ReviewStatus.ACCEPTED));
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(SCHOOLS, "100").target(SCHOOLS, "110")
                .reviewStatus(ReviewStatus.ACCEPTED));
        driver.submit(Submission.of(DAYU, EDUCATION).version(2).reported(SCHOOLS, "60"));

        assertThat(driver.aggregate(SCHOOLS, GANZHOU, "2023").value()).isEqualByComparingTo("160");
        assertThat(driver.aggregate(SCHOOLS, GANZHOU, "2023", ValueKind.ACTUAL, Basis.ACCEPTED).value())
                .as("Dayu's version 2 is not accepted yet: its accepted version 1 counts").isEqualByComparingTo("150");
        assertThat(driver.aggregate(SCHOOLS, GANZHOU, "2023", ValueKind.TARGET, Basis.ACCEPTED).value())
                .isEqualByComparingTo("150");
        assertThat(driver.aggregate(SCHOOLS, GANZHOU, "2023", ValueKind.TARGET, Basis.RECEIVED).value())
                .as("Dayu's version 2 states no target").isEqualByComparingTo("110");
    }
}
