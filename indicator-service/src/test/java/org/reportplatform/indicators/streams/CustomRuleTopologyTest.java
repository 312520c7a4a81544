package org.reportplatform.indicators.streams;

import static org.reportplatform.indicators.streams.TestRegions.DAYU;
import static org.reportplatform.indicators.streams.TestRegions.DONGHU;
import static org.reportplatform.indicators.streams.TestRegions.GANZHOU;
import static org.reportplatform.indicators.streams.TestRegions.JIANGXI;
import static org.reportplatform.indicators.streams.TestRegions.XIHU;
import static org.reportplatform.indicators.streams.TestRegions.XINFENG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Direction;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.Temporal;
import org.reportplatform.contracts.catalogue.ValueType;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.period.PeriodType;

/** MAX and NONE, which the shared catalogue does not use (yet), on a catalogue of this test's own. */
class CustomRuleTopologyTest {

    private static final String LARGEST_CLASS = "edu_largest_class_size";
    private static final String CITY_RANK = "edu_rank_in_city";
    private static final String EDUCATION = "edu_annual";

    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(indicator(LARGEST_CLASS, AggregationRule.MAX), indicator(CITY_RANK, AggregationRule.NONE)),
            List.of(new Dataset(DatasetCode.of(EDUCATION), "教育", "Education", PeriodType.YEARLY, 31,
                    Set.of(IndicatorCode.of(LARGEST_CLASS), IndicatorCode.of(CITY_RANK)), Dataset.ALL_UNIT_KINDS)));

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
    void maxTakesTheLargestValueAndFallsBackWhenItIsRevised() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(LARGEST_CLASS, "66"));
        driver.submit(Submission.of(DAYU, EDUCATION).reported(LARGEST_CLASS, "72"));
        driver.submit(Submission.of(DONGHU, EDUCATION).reported(LARGEST_CLASS, "72"));
        driver.submit(Submission.of(XIHU, EDUCATION).redacted(LARGEST_CLASS));

        assertThat(driver.aggregate(LARGEST_CLASS, GANZHOU).value()).isEqualByComparingTo("72");
        AggregateEvent jiangxi = driver.aggregate(LARGEST_CLASS, JIANGXI);
        assertThat(jiangxi.value()).isEqualByComparingTo("72");
        assertThat(jiangxi.reportingUnits()).isEqualTo(3);
        assertThat(jiangxi.withheldUnits()).isEqualTo(1);
        assertThat(jiangxi.numerator()).isNull();

        // Donghu's 72 still stands when Dayu's is revised away
        driver.submit(Submission.of(DAYU, EDUCATION).version(2).reported(LARGEST_CLASS, "60"));
        assertThat(driver.aggregate(LARGEST_CLASS, GANZHOU).value()).isEqualByComparingTo("66");
        assertThat(driver.aggregate(LARGEST_CLASS, JIANGXI).value()).isEqualByComparingTo("72");

        driver.submit(Submission.of(DONGHU, EDUCATION).version(2).reported(CITY_RANK, "1"));
        assertThat(driver.aggregate(LARGEST_CLASS, JIANGXI).value()).isEqualByComparingTo("66");
    }

    @Test
    void noneIsPublishedForTheUnitOnly() {
        driver.submit(Submission.of(XINFENG, EDUCATION).reported(CITY_RANK, "3"));
        driver.submit(Submission.of(DAYU, EDUCATION).reported(CITY_RANK, "5"));

        assertThat(driver.aggregate(CITY_RANK, XINFENG).value()).isEqualByComparingTo("3");
        assertThat(driver.aggregate(CITY_RANK, DAYU).value()).isEqualByComparingTo("5");
        assertThat(driver.latest().keySet()).containsExactlyInAnyOrder(
                CITY_RANK + "|" + XINFENG + "|2023|actual|received", CITY_RANK + "|" + DAYU + "|2023|actual|received");
        assertThatThrownBy(() -> driver.aggregate(CITY_RANK, GANZHOU)).hasMessageContaining("never published");
    }

    private static Indicator indicator(String code, AggregationRule rule) {
        return new Indicator(IndicatorCode.of(code), code, code, "edu", "", ValueType.COUNT, rule,
                Optional.empty(), Optional.empty(), BigDecimal.ONE, Temporal.STOCK, List.of(), Direction.NONE);
    }
}
