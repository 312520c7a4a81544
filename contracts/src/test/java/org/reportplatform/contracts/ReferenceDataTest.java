package org.reportplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.Temporal;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionKind;
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.contracts.region.RegionRegistry;

class ReferenceDataTest {

    private static final RegionRegistry REGIONS = RegionRegistry.load();
    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final RegionCode JIANGXI = RegionCode.of("360000");

    @Test
    void jiangxiHasElevenCitiesAHundredCountiesAndThreeZones() {
        var cities = REGIONS.children(JIANGXI);
        assertThat(cities).hasSize(11).allMatch(c -> c.level() == RegionLevel.CITY);
        var units = cities.stream().flatMap(c -> REGIONS.children(c.code()).stream()).toList();
        assertThat(units).allMatch(u -> u.level() == RegionLevel.COUNTY);
        assertThat(units.stream().filter(u -> u.kind() != RegionKind.ZONE)).hasSize(100);
        assertThat(units.stream().filter(u -> u.kind() == RegionKind.ZONE).map(u -> u.code().value()))
                .containsExactlyInAnyOrder("360190", "360192", "360490");
        assertThat(REGIONS.reportingUnitsWithin(JIANGXI)).isEqualTo(103);
        assertThat(REGIONS.reportingUnitsWithin(RegionCode.of("360700"))).isEqualTo(18);
        assertThat(REGIONS.reportingUnitsWithin(RegionCode.of("360722"))).isEqualTo(1);
        assertThat(REGIONS.reportingUnitsUnder(JIANGXI)).containsExactlyElementsOf(
                units.stream().sorted(java.util.Comparator.comparing(u -> u.code())).toList());
        assertThat(REGIONS.reportingUnitsUnder(RegionCode.of("360722"))).extracting(u -> u.code().value()).containsExactly("360722");
    }

    @Test
    void wholeCountryIsLoadedWithNamesAndParents() {
        assertThat(REGIONS.find(RegionCode.of("360700")).orElseThrow().name()).isEqualTo("赣州市");
        assertThat(REGIONS.find(RegionCode.of("360190")).orElseThrow().name()).isEqualTo("南昌经济技术开发区");
        assertThat(REGIONS.parentOf(RegionCode.of("360722"))).contains(RegionCode.of("360700"));
        assertThat(REGIONS.isWithin(RegionCode.of("360722"), JIANGXI)).isTrue();
        assertThat(REGIONS.isWithin(RegionCode.of("360722"), RegionCode.of("360100"))).isFalse();
        assertThat(REGIONS.children(RegionCode.of("110000"))).isNotEmpty();
        assertThat(REGIONS.find(RegionCode.of("999999"))).isEmpty();
    }

    @Test
    void catalogueHoldsEveryRowOfTheSharedCsv() throws IOException {
        long rows;
        try (var in = Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream("reference/indicators.csv"))) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).count();
        }
        assertThat(CATALOGUE.indicators()).hasSize((int) rows);
        var rate = CATALOGUE.indicator(IndicatorCode.of("pre_gross_enrolment_rate")).orElseThrow();
        assertThat(rate.rule()).isEqualTo(AggregationRule.RATIO);
        assertThat(rate.components()).containsExactly(IndicatorCode.of("pre_enrolled_children"), IndicatorCode.of("pop_age_3_5"));
        assertThat(rate.factor()).isEqualByComparingTo("100");
        assertThat(CATALOGUE.indicator(IndicatorCode.of("fin_edu_investment_amount")).orElseThrow().temporal()).isEqualTo(Temporal.FLOW);
    }

    @Test
    void formsContainTheComponentsTheirRatiosNeed() {
        var edu = CATALOGUE.dataset(DatasetCode.of("edu_annual")).orElseThrow();
        assertThat(edu.indicators()).contains(IndicatorCode.of("pop_age_3_5"), IndicatorCode.of("pop_resident"),
                IndicatorCode.of("pty_org_count"), IndicatorCode.of("saf_legal_vp_coverage_rate"));
        assertThat(edu.indicators()).noneMatch(code -> code.value().startsWith("sci_") || code.value().startsWith("spt_"));
        var sports = CATALOGUE.dataset(DatasetCode.of("spt_annual")).orElseThrow();
        assertThat(sports.indicators()).contains(IndicatorCode.of("fin_mass_sports_fund_amount"), IndicatorCode.of("pop_gdp"));
        for (var dataset : CATALOGUE.datasets()) {
            for (var code : dataset.indicators()) {
                assertThat(dataset.indicators()).containsAll(CATALOGUE.indicator(code).orElseThrow().components());
            }
        }
        assertThat(edu.dueDate(org.reportplatform.contracts.period.PeriodCode.of("2020"))).isEqualTo("2021-01-31");
        assertThat(CATALOGUE.dataset(DatasetCode.of("sci_annual")).orElseThrow().indicators())
                .contains(IndicatorCode.of("sci_rd_intensity"), IndicatorCode.of("pop_gdp"));
    }

    @Test
    void everyIndicatorSeveralFormsHoldHasOneOwnerFormThatHoldsIt() {
        assertThat(CATALOGUE.ownerFormOf(IndicatorCode.of("pop_resident"))).contains(DatasetCode.of("edu_annual"));
        assertThat(CATALOGUE.ownerFormOf(IndicatorCode.of("pop_age_3_5"))).contains(DatasetCode.of("edu_annual"));
        assertThat(CATALOGUE.formsHolding(IndicatorCode.of("pop_resident"))).hasSize(3);
        // an indicator of one form is owned by it without being declared
        assertThat(CATALOGUE.ownerFormOf(IndicatorCode.of("sci_tech_contract_count"))).contains(DatasetCode.of("sci_quarterly"));
        CATALOGUE.indicators().stream().filter(i -> !CATALOGUE.formsHolding(i.code()).isEmpty()).forEach(indicator ->
                assertThat(CATALOGUE.dataset(CATALOGUE.ownerFormOf(indicator.code()).orElseThrow()).orElseThrow()
                        .contains(indicator.code())).as(indicator.code().value()).isTrue());
        Dataset sports = CATALOGUE.dataset(DatasetCode.of("spt_annual")).orElseThrow();
        assertThatThrownBy(() -> new Catalogue(CATALOGUE.indicators(), CATALOGUE.datasets(),
                java.util.Map.of(IndicatorCode.of("edu_school_count"), sports.code())))
                .hasMessageContaining("does not hold it");
    }

    @Test
    void aFormRequiresTheIndicatorsAUnitEntersUnlessItSaysOtherwiseAndTellsWhatASubmissionLeavesOut() {
        Dataset quarterly = CATALOGUE.dataset(DatasetCode.of("sci_quarterly")).orElseThrow();
        // every indicator a unit enters; the average contract amount is a rate of two of them, computed
        assertThat(quarterly.requiredIndicators()).map(IndicatorCode::value).containsExactly(
                "sci_tech_contract_count", "sci_tech_contract_amount", "sci_innovation_platform_count");
        assertThat(quarterly.requiredBeyond(List.of(IndicatorCode.of("sci_tech_contract_count"))))
                .contains(IndicatorCode.of("sci_tech_contract_amount"))
                .doesNotContain(IndicatorCode.of("sci_tech_contract_count"));
        assertThat(quarterly.requiredBeyond(quarterly.indicators())).isEmpty();
    }

    @Test
    void dependentsAreTheRatiosUsingAComponent() {
        assertThat(CATALOGUE.dependentsOf(IndicatorCode.of("pop_age_3_5")).stream().map(i -> i.code().value()).toList())
                .containsExactly("pre_gross_enrolment_rate");
        assertThat(CATALOGUE.dependentsOf(IndicatorCode.of("edu_zhongkao_candidate_count")).stream().map(i -> i.code().value()).toList())
                .containsExactly("edu_zhongkao_avg_score");
    }

    @Test
    void codesRejectMalformedText() {
        for (String bad : List.of("36072", "0360722", "36072a", "")) {
            assertThatThrownBy(() -> RegionCode.of(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : List.of("Edu_count", "edu", "edu-count", "x_y")) {
            assertThatThrownBy(() -> IndicatorCode.of(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aFormIsExpectedOfTheKindsOfUnitItIsAssignedToAndAnIndicatorOfEveryUnitAssignedAFormHoldingIt() {
        Catalogue catalogue = Catalogue.load();
        FormAssignments assignments = new FormAssignments(catalogue, RegionRegistry.load());
        RegionCode nanchang = RegionCode.of("360100");
        Dataset sports = catalogue.dataset(
                DatasetCode.of("spt_annual")).orElseThrow();

        PeriodCode year = PeriodCode.of("2023");
        assertThat(assignments.unitsExpectedToReport(sports, nanchang, year)).hasSize(9)
                .noneMatch(unit -> unit.kind() == RegionKind.ZONE);
        assertThat(assignments.unitsExpectedToReport(
                IndicatorCode.of("spt_venue_area"), nanchang, year)).isEqualTo(9);
        assertThat(assignments.unitsExpectedToReport(
                IndicatorCode.of("pop_resident"), nanchang, year))
                .as("also in sci_annual, which zones report").isEqualTo(11);
    }

    @Test
    void inAPastPeriodAFormIsExpectedOfTheUnitsInUseThenWithinTheRegionAsItWasThen() {
        FormAssignments assignments = new FormAssignments(CATALOGUE, REGIONS);
        RegionCode nanchang = RegionCode.of("360100");
        PeriodCode y2017 = PeriodCode.of("2017");
        Dataset education = CATALOGUE.dataset(DatasetCode.of("edu_annual")).orElseThrow();
        Dataset sports = CATALOGUE.dataset(DatasetCode.of("spt_annual")).orElseThrow();

        // 湾里区 360105 (until 2018) is expected for 2017, 红谷滩区 360113 (from 2019) is not: 11 units all the same
        assertThat(assignments.unitsExpectedToReport(education, nanchang, y2017)).hasSize(11)
                .extracting(unit -> unit.code().value()).contains("360105").doesNotContain("360113");
        assertThat(assignments.unitsExpectedToReport(education, nanchang, PeriodCode.of("2023"))).hasSize(11)
                .extracting(unit -> unit.code().value()).contains("360113").doesNotContain("360105");
        assertThat(assignments.unitsExpectedToReport(sports, nanchang, y2017)).hasSize(9)
                .noneMatch(unit -> unit.kind() == RegionKind.ZONE);
        assertThat(assignments.unitsExpectedToReport(education, RegionCode.of("360700"), PeriodCode.of("2015")))
                .extracting(unit -> unit.code().value()).contains("360721").doesNotContain("360704");

        IndicatorCode population = IndicatorCode.of("pop_resident");
        assertThat(assignments.unitsExpectedToReport(population, JIANGXI, PeriodCode.of("2009"))).isEqualTo(102);
        assertThat(assignments.unitsExpectedToReport(population, JIANGXI, PeriodCode.of("2010"))).as("共青城市 from 2010").isEqualTo(103);
        assertThat(assignments.unitsExpectedToReport(population, JIANGXI, PeriodCode.of("2009"))).as("asked again").isEqualTo(102);
        assertThat(assignments.unitsExpectedToReport(IndicatorCode.of("spt_venue_area"), nanchang, y2017)).isEqualTo(9);
        assertThat(assignments.unitsExpectedToReport(population, RegionCode.of("360700"), PeriodCode.of("1997")))
                .as("赣州市 was set up in 1998").isZero();
    }
}
