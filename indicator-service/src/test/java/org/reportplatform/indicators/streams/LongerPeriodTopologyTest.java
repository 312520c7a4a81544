package org.reportplatform.indicators.streams;

import static org.reportplatform.indicators.streams.TestRegions.GANZHOU;
import static org.reportplatform.indicators.streams.TestRegions.JIANGXI;
import static org.reportplatform.indicators.streams.TestRegions.SHICHENG;
import static org.reportplatform.indicators.streams.TestRegions.XUNWU;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;

/**
 * Half-years, years and years to date of the quarterly form sci_quarterly: each unit counts to the period's end, or
 * is incomplete; targets set for a longer period itself win over its quarters'.
 */
class LongerPeriodTopologyTest {

    private static final Catalogue CATALOGUE = Catalogue.load();

    private static final String QUARTERLY = "sci_quarterly";
    /** A flow. */
    private static final String CONTRACTS = "sci_tech_contract_count";
    private static final String CONTRACT_AMOUNT = "sci_tech_contract_amount";
    private static final String CONTRACT_AVERAGE = "sci_tech_contract_avg_amount";
    /** A stock. */
    private static final String PLATFORMS = "sci_innovation_platform_count";

    private AggregationDriver driver;

    @BeforeEach
    void startDriver() {
        driver = new AggregationDriver(CATALOGUE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void quarter(String unit, String quarter, String contracts, String platforms) {
        driver.submit(Submission.of(unit, QUARTERLY).period(quarter)
                .reported(CONTRACTS, contracts).reported(PLATFORMS, platforms));
    }

    @Test
    void aHalfYearCountsOnlyTheUnitsThatSentEveryQuarterOfIt() {
        quarter(XUNWU, "2024Q1", "10", "7");
        quarter(XUNWU, "2024Q2", "30", "9");
        quarter(SHICHENG, "2024Q1", "50", "4");

        AggregateEvent contracts = driver.aggregate(CONTRACTS, GANZHOU, "2024S1");
        assertThat(contracts.value()).as("Xunwu's Q1 + Q2, never with Shicheng's Q1 alone").isEqualByComparingTo("40");
        assertThat(contracts.reportingUnits()).isEqualTo(1);
        assertThat(contracts.incompleteUnits()).isEqualTo(1);
        assertThat(contracts.withheldUnits()).isZero();
        AggregateEvent platforms = driver.aggregate(PLATFORMS, GANZHOU, "2024S1");
        assertThat(platforms.value()).as("the stock at the end of June").isEqualByComparingTo("9");
        assertThat(platforms.reportingUnits()).isEqualTo(1);
        assertThat(platforms.incompleteUnits()).isEqualTo(1);
        assertThat(driver.aggregate(CONTRACTS, JIANGXI, "2024S1").incompleteUnits()).isEqualTo(1);

        AggregateEvent shicheng = driver.aggregate(CONTRACTS, SHICHENG, "2024S1");
        assertThat(shicheng.value()).isNull();
        assertThat(shicheng.reportingUnits()).isZero();
        assertThat(shicheng.incompleteUnits()).isEqualTo(1);

        for (String period : List.of("2024", "2024YTD09")) {
            AggregateEvent longer = driver.aggregate(CONTRACTS, GANZHOU, period);
            assertThat(longer.value()).as(period + ": no unit sent every quarter").isNull();
            assertThat(longer.reportingUnits()).as(period).isZero();
            assertThat(longer.incompleteUnits()).as(period).isEqualTo(2);
            assertThat(driver.aggregate(PLATFORMS, GANZHOU, period).value()).as(period).isNull();
        }
        AggregateEvent firstQuarter = driver.aggregate(CONTRACTS, GANZHOU, "2024Q1");
        assertThat(firstQuarter.value()).isEqualByComparingTo("60");
        assertThat(firstQuarter.reportingUnits()).isEqualTo(2);
        assertThat(firstQuarter.incompleteUnits()).isZero();

        // Shicheng's second quarter completes its half-year: it moves from incomplete to reporting at every level
        quarter(SHICHENG, "2024Q2", "20", "5");
        for (String region : List.of(GANZHOU, JIANGXI)) {
            AggregateEvent complete = driver.aggregate(CONTRACTS, region, "2024S1");
            assertThat(complete.value()).isEqualByComparingTo("110");
            assertThat(complete.reportingUnits()).isEqualTo(2);
            assertThat(complete.incompleteUnits()).isZero();
            assertThat(driver.aggregate(PLATFORMS, region, "2024S1").value()).isEqualByComparingTo("14");
        }
        assertThat(driver.aggregate(CONTRACTS, GANZHOU, "2024").incompleteUnits()).isEqualTo(2);
    }

    @Test
    void aYearAndAYearToDateCountTheirQuartersToTheirEnd() {
        for (String unit : List.of(XUNWU, SHICHENG)) {
            quarter(unit, "2024Q1", "10", "7");
            quarter(unit, "2024Q2", "20", "8");
            quarter(unit, "2024Q3", "30", "9");
        }
        quarter(XUNWU, "2024Q4", "40", "11");

        AggregateEvent toSeptember = driver.aggregate(CONTRACTS, GANZHOU, "2024YTD09");
        assertThat(toSeptember.value()).isEqualByComparingTo("120");
        assertThat(toSeptember.reportingUnits()).isEqualTo(2);
        assertThat(toSeptember.incompleteUnits()).isZero();
        assertThat(driver.aggregate(PLATFORMS, GANZHOU, "2024YTD09").value()).isEqualByComparingTo("18");
        AggregateEvent year = driver.aggregate(CONTRACTS, GANZHOU, "2024");
        assertThat(year.value()).isEqualByComparingTo("100");
        assertThat(year.reportingUnits()).isEqualTo(1);
        assertThat(year.incompleteUnits()).isEqualTo(1);
        assertThat(driver.aggregate(PLATFORMS, XUNWU, "2024").value()).as("the stock at the end of December")
                .isEqualByComparingTo("11");
        assertThat(driver.aggregate(CONTRACTS, GANZHOU, "2024S2").value()).isEqualByComparingTo("70");
    }

    @Test
    void aStockIsNeverCarriedFromAnEarlierQuarter() {
        quarter(XUNWU, "2024Q1", "10", "7");
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024Q2").reported(CONTRACTS, "30"));

        AggregateEvent platforms = driver.aggregate(PLATFORMS, XUNWU, "2024S1");
        assertThat(platforms.value()).as("no value at the end of June, and Q1's 7 does not stand in for it").isNull();
        assertThat(platforms.incompleteUnits()).isEqualTo(1);
        assertThat(driver.aggregate(CONTRACTS, XUNWU, "2024S1").value()).isEqualByComparingTo("40");

        // a revision that drops Q1's stock leaves the unit without any statement of it for the half-year
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024Q1").version(2).reported(CONTRACTS, "10"));
        assertThat(driver.latest()).containsEntry(PLATFORMS + "|" + GANZHOU + "|2024S1|actual|received", null);
    }

    @Test
    void aQuarterWithheldWithholdsTheWholeAndARatioNeedsBothComponentsComplete() {
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024Q1").reported(CONTRACTS, "10")
                .reported(CONTRACT_AMOUNT, "500"));
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024Q2").reported(CONTRACTS, "30")
                .redacted(CONTRACT_AMOUNT));
        driver.submit(Submission.of(SHICHENG, QUARTERLY).period("2024Q1").reported(CONTRACTS, "5")
                .reported(CONTRACT_AMOUNT, "100"));
        driver.submit(Submission.of(SHICHENG, QUARTERLY).period("2024Q2").reported(CONTRACTS, "5"));

        AggregateEvent amounts = driver.aggregate(CONTRACT_AMOUNT, GANZHOU, "2024S1");
        assertThat(amounts.value()).isNull();
        assertThat(amounts.withheldUnits()).as("Xunwu withheld Q2").isEqualTo(1);
        assertThat(amounts.incompleteUnits()).as("Shicheng stated Q1 only").isEqualTo(1);
        AggregateEvent average = driver.aggregate(CONTRACT_AVERAGE, GANZHOU, "2024S1");
        assertThat(average.value()).isNull();
        assertThat(average.withheldUnits()).isEqualTo(1);
        assertThat(average.incompleteUnits()).isEqualTo(1);
        assertThat(driver.aggregate(CONTRACT_AVERAGE, GANZHOU, "2024Q1").value()).isEqualByComparingTo("40");
    }

    @Test
    void aTargetSetForTheYearWinsOverItsQuartersAndNeverMixesWithActuals() {
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024Q1").reported(CONTRACTS, "10").target(CONTRACTS, "50"));
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024Q2").reported(CONTRACTS, "30").target(CONTRACTS, "60"));
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024").target(CONTRACTS, "200"));
        driver.submit(Submission.of(SHICHENG, QUARTERLY).period("2024").target(CONTRACTS, "80"));

        assertThat(driver.deadLetters()).isEmpty();
        AggregateEvent yearTarget = driver.aggregate(CONTRACTS, GANZHOU, "2024", ValueKind.TARGET, Basis.RECEIVED);
        assertThat(yearTarget.value()).as("the annual targets, not Xunwu's quarters'").isEqualByComparingTo("280");
        assertThat(yearTarget.reportingUnits()).isEqualTo(2);
        assertThat(yearTarget.incompleteUnits()).isZero();
        AggregateEvent halfYearTarget = driver.aggregate(CONTRACTS, XUNWU, "2024S1", ValueKind.TARGET, Basis.RECEIVED);
        assertThat(halfYearTarget.value()).as("no target set for the half-year: its quarters'").isEqualByComparingTo("110");
        AggregateEvent toSeptember = driver.aggregate(CONTRACTS, XUNWU, "2024YTD09", ValueKind.TARGET, Basis.RECEIVED);
        assertThat(toSeptember.value()).as("a year to date has no target of its own, and Q3 has none").isNull();
        assertThat(toSeptember.incompleteUnits()).isEqualTo(1);

        AggregateEvent yearActual = driver.aggregate(CONTRACTS, GANZHOU, "2024");
        assertThat(yearActual.value()).isNull();
        assertThat(yearActual.reportingUnits()).isZero();
        assertThat(yearActual.incompleteUnits()).as("Xunwu's half of the year; Shicheng stated no actual").isEqualTo(1);
        assertThat(driver.latest()).doesNotContainKey(CONTRACTS + "|" + SHICHENG + "|2024|actual|received");
        assertThat(driver.latest()).as("the annual target rolls up into nothing longer, nor into a quarter")
                .doesNotContainKey(CONTRACTS + "|" + SHICHENG + "|2024Q1|target|received");

        // withdrawn, the annual target gives way to the quarters' targets: Xunwu's run to June only
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024").version(2));
        AggregateEvent withoutIt = driver.aggregate(CONTRACTS, GANZHOU, "2024", ValueKind.TARGET, Basis.RECEIVED);
        assertThat(withoutIt.value()).isEqualByComparingTo("80");
        assertThat(withoutIt.reportingUnits()).isEqualTo(1);
        assertThat(withoutIt.incompleteUnits()).isEqualTo(1);
    }

    @Test
    void onlyTargetsMayBeSetForALongerPeriodAndNoneForAYearToDate() {
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024").reported(CONTRACTS, "100").target(CONTRACTS, "200"));
        driver.submit(Submission.of(XUNWU, QUARTERLY).period("2024YTD09").target(CONTRACTS, "150"));

        List<TestRecord<String, String>> deadLetters = driver.deadLetters();
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters).allMatch(record ->
                new String(record.headers().lastHeader(DeadLetters.CATEGORY).value()).equals("wrong-period-type"));
        assertThat(driver.latest()).isEmpty();
    }
}
