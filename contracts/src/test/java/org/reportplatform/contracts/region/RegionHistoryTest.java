package org.reportplatform.contracts.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.period.PeriodCode;

class RegionHistoryTest {

    private static final RegionRegistry REGIONS = RegionRegistry.load();
    private static final RegionCode JIANGXI = RegionCode.of("360000");
    private static final RegionCode NANCHANG = RegionCode.of("360100");
    private static final RegionCode GANZHOU = RegionCode.of("360700");
    private static final RegionCode GAN_COUNTY = RegionCode.of("360721");
    private static final RegionCode GAN_DISTRICT = RegionCode.of("360704");
    private static final RegionCode LONGNAN_COUNTY = RegionCode.of("360727");
    private static final RegionCode LONGNAN_CITY = RegionCode.of("360783");
    private static final RegionCode HONGGUTAN = RegionCode.of("360113");
    /** The last year of the code lists the history was derived from (yescallop/areacodes eed219a). */
    private static final int LAST_LIST = 2024;

    private static PeriodCode year(int year) {
        return PeriodCode.of(String.valueOf(year));
    }

    private static List<String> codes(List<Region> regions) {
        return regions.stream().map(region -> region.code().value()).toList();
    }

    @Test
    void ganCountyWasInUseUntil2015AndWentToGanDistrictOfGanzhou() {
        assertThat(REGIONS.isValidIn(GAN_COUNTY, year(2015))).isTrue();
        assertThat(REGIONS.isValidIn(GAN_COUNTY, year(2016))).isFalse();
        assertThat(REGIONS.isValidIn(GAN_COUNTY, year(2017))).isFalse();
        assertThat(REGIONS.isValidIn(GAN_DISTRICT, year(2015))).isFalse();
        assertThat(REGIONS.isValidIn(GAN_DISTRICT, year(2016))).isTrue();
        assertThat(REGIONS.successorOf(GAN_COUNTY)).contains(GAN_DISTRICT);
        assertThat(REGIONS.parentOf(GAN_COUNTY)).contains(GANZHOU);

        Region old = REGIONS.find(GAN_COUNTY).orElseThrow();
        assertThat(old.name()).isEqualTo("赣县");
        assertThat(old.isCurrent()).isFalse();
        assertThat(old.validity()).isEqualTo(new Validity(Optional.of(Year.of(1998)), Optional.of(Year.of(2015))));
        assertThat(REGIONS.find(GAN_DISTRICT).orElseThrow().validity().from()).contains(Year.of(2016));
    }

    @Test
    void aRegionsChildrenAreThoseInUseInThePeriod() {
        assertThat(codes(REGIONS.children(GANZHOU, year(2015)))).contains("360721", "360727").doesNotContain("360704", "360783");
        assertThat(codes(REGIONS.children(GANZHOU, year(2020)))).contains("360704", "360783").doesNotContain("360721", "360727");
        assertThat(codes(REGIONS.children(GANZHOU, year(LAST_LIST)))).containsExactlyElementsOf(codes(REGIONS.children(GANZHOU)));
        assertThat(codes(REGIONS.children(JIANGXI, year(2015)))).contains("360100", "360700").hasSize(11);
        assertThat(REGIONS.children(GANZHOU, year(1990))).isEmpty();
    }

    @Test
    void longnanCountyBecameLongnanCityIn2020() {
        assertThat(REGIONS.successorOf(LONGNAN_COUNTY)).contains(LONGNAN_CITY);
        assertThat(REGIONS.isValidIn(LONGNAN_COUNTY, year(2019))).isTrue();
        assertThat(REGIONS.isValidIn(LONGNAN_COUNTY, year(2020))).isFalse();
        assertThat(REGIONS.isValidIn(LONGNAN_CITY, year(2020))).isTrue();
        assertThat(REGIONS.find(LONGNAN_CITY).orElseThrow().kind()).isEqualTo(RegionKind.COUNTY_CITY);
    }

    @Test
    void honggutanDistrictExistsFrom2019() {
        assertThat(REGIONS.isValidIn(HONGGUTAN, year(2017))).isFalse();
        assertThat(REGIONS.isValidIn(HONGGUTAN, year(2018))).isFalse();
        assertThat(REGIONS.isValidIn(HONGGUTAN, year(2019))).isTrue();
        assertThat(REGIONS.find(HONGGUTAN).orElseThrow().validity()).isEqualTo(new Validity(Optional.of(Year.of(2019)), Optional.empty()));
    }

    @Test
    void aPeriodIsReportedUnderTheCodesInUseInTheYearItEnds() {
        assertThat(REGIONS.isValidIn(GAN_COUNTY, PeriodCode.of("2015Q4"))).isTrue();
        assertThat(REGIONS.isValidIn(GAN_COUNTY, PeriodCode.of("2016Q1"))).isFalse();
        assertThat(REGIONS.isValidIn(GAN_DISTRICT, PeriodCode.of("201601"))).isTrue();
        assertThat(REGIONS.isValidIn(GAN_COUNTY, PeriodCode.of("2015AY"))).as("ends in August 2016").isFalse();
        assertThat(REGIONS.isValidIn(GAN_COUNTY, PeriodCode.of("2014AY"))).isTrue();
    }

    @Test
    void nanchangIn2017HoldsWanliDistrictNotHonggutanDistrict() {
        List<Region> units = REGIONS.reportingUnitsUnder(NANCHANG, year(2017));
        assertThat(codes(units)).containsExactly("360102", "360103", "360104", "360105", "360111", "360112", "360121",
                "360123", "360124", "360190", "360192");
        assertThat(units).allMatch(unit -> REGIONS.isValidIn(unit.code(), year(2017)));
        assertThat(REGIONS.find(RegionCode.of("360105")).orElseThrow().name()).isEqualTo("湾里区");
        assertThat(REGIONS.successorOf(RegionCode.of("360105"))).contains(RegionCode.of("360112"));
        assertThat(codes(REGIONS.reportingUnitsUnder(NANCHANG, year(2019)))).contains("360113").doesNotContain("360105");
    }

    @Test
    void oldCodesCountUnderTheCityTheyThenLayIn() {
        assertThat(codes(REGIONS.reportingUnitsUnder(GANZHOU, year(2015)))).hasSize(18).contains("360721", "360727")
                .doesNotContain("360704", "360783");
        assertThat(codes(REGIONS.reportingUnitsUnder(GANZHOU, year(2016)))).hasSize(18).contains("360704", "360727")
                .doesNotContain("360721");
        assertThat(codes(REGIONS.reportingUnitsUnder(GANZHOU, year(2024))))
                .containsExactlyElementsOf(codes(REGIONS.reportingUnitsUnder(GANZHOU)));
        // 赣州市 360700 was set up in 1998 over 赣州地区 362100
        assertThat(REGIONS.reportingUnitsUnder(GANZHOU, year(1997))).isEmpty();
        assertThat(codes(REGIONS.reportingUnitsUnder(RegionCode.of("362100"), year(1997)))).hasSize(18).contains("362121");
        assertThat(REGIONS.parentOf(RegionCode.of("362121"))).contains(RegionCode.of("362100"));
        assertThat(REGIONS.reportingUnitsUnder(GAN_COUNTY, year(2015))).extracting(Region::code).containsExactly(GAN_COUNTY);
        assertThat(REGIONS.reportingUnitsUnder(GAN_COUNTY, year(2016))).isEmpty();
    }

    @Test
    void jiangxiGainedGongqingchengIn2010() {
        List<String> before = codes(REGIONS.reportingUnitsUnder(JIANGXI, year(2009)));
        List<String> after = codes(REGIONS.reportingUnitsUnder(JIANGXI, year(2010)));
        assertThat(before).hasSize(102).doesNotContain("360482");
        assertThat(after).hasSize(103).contains("360482");
        assertThat(after).containsAll(before);
        // 2016: 赣县, 星子县 and 东乡县 became 赣县区, 庐山市 and 东乡区; the count stays
        assertThat(codes(REGIONS.reportingUnitsUnder(JIANGXI, year(2015)))).hasSize(103).contains("360721", "360427", "361029")
                .doesNotContain("360704", "360483", "361003");
        assertThat(codes(REGIONS.reportingUnitsUnder(JIANGXI, year(2016)))).hasSize(103).contains("360704", "360483", "361003")
                .doesNotContain("360721", "360427", "361029");
    }

    @Test
    void aSuccessorContinuesItsPredecessorsThroughEveryRecoding() {
        assertThat(REGIONS.isPredecessorOf(GAN_COUNTY, GAN_DISTRICT)).isTrue();
        assertThat(REGIONS.isPredecessorOf(RegionCode.of("362121"), GAN_DISTRICT)).as("赣县 of 赣州地区, until 1997").isTrue();
        assertThat(REGIONS.isPredecessorOf(LONGNAN_COUNTY, LONGNAN_CITY)).isTrue();
        assertThat(REGIONS.isPredecessorOf(GAN_DISTRICT, GAN_COUNTY)).isFalse();
        assertThat(REGIONS.isPredecessorOf(GAN_COUNTY, LONGNAN_CITY)).isFalse();
        assertThat(REGIONS.isPredecessorOf(RegionCode.of("360722"), RegionCode.of("360722"))).as("still in use").isFalse();
        // 南康市 became 南康区 in 2013, a part of it went to 章贡区: only 南康区 continues it
        RegionCode nankangCity = RegionCode.of("360782");
        assertThat(REGIONS.find(nankangCity).orElseThrow().successors()).containsExactly(RegionCode.of("360702"), RegionCode.of("360703"));
        assertThat(REGIONS.successorOf(nankangCity)).contains(RegionCode.of("360703"));
        assertThat(REGIONS.isPredecessorOf(nankangCity, RegionCode.of("360703"))).isTrue();
        assertThat(REGIONS.isPredecessorOf(nankangCity, RegionCode.of("360702"))).isFalse();
    }

    @Test
    void aRenamedCodeIsFoundUnderTheNameOfEachYear() {
        RegionCode qingshanhu = RegionCode.of("360111");
        assertThat(REGIONS.find(qingshanhu, year(2001)).map(Region::name)).contains("郊区");
        assertThat(REGIONS.find(qingshanhu, year(2002)).map(Region::name)).contains("青山湖区");
        assertThat(REGIONS.find(qingshanhu).map(Region::name)).contains("青山湖区");
        assertThat(REGIONS.isPredecessorOf(qingshanhu, qingshanhu)).isTrue();
    }

    @Test
    void todaysMethodsListTodaysRegionsOnly() {
        assertThat(codes(REGIONS.reportingUnitsUnder(GANZHOU))).contains("360704", "360783").doesNotContain("360721", "360727");
        assertThat(codes(REGIONS.children(GANZHOU))).doesNotContain("360721", "360727");
        assertThat(REGIONS.reportingUnitsUnder(GANZHOU)).allMatch(Region::isCurrent);
        assertThat(REGIONS.children(JIANGXI)).hasSize(11).allMatch(Region::isCurrent);
        assertThat(REGIONS.reportingUnitsUnder(GAN_COUNTY)).isEmpty();
        assertThat(REGIONS.isWithin(GAN_COUNTY, JIANGXI)).isTrue();
        assertThat(REGIONS.find(RegionCode.of("999999"))).isEmpty();
        assertThat(REGIONS.isValidIn(RegionCode.of("999999"), year(2015))).isFalse();
    }

    @Test
    void everyRecordLiesInARegionInUseThroughoutItsYears() {
        List<Region> all = REGIONS.allRecords();
        assertThat(all).hasSizeGreaterThan(REGIONS.size() + 3000);
        for (Region region : all) {
            for (int y = region.validity().from().orElse(Year.of(1981)).getValue();
                 y <= region.validity().to().orElse(Year.of(LAST_LIST)).getValue(); y++) {
                PeriodCode period = year(y);
                Optional<Region> parent = region.parent().flatMap(code -> REGIONS.find(code, period));
                if (region.level() == RegionLevel.PROVINCE) {
                    assertThat(region.parent()).as("%s %s", region.code(), region.name()).isEmpty();
                } else {
                    assertThat(parent).as("the parent of %s %s in %d", region.code(), region.name(), y).isPresent();
                    assertThat(parent.get().level().compareTo(region.level())).as("%s above %s", parent.get().code(), region.code()).isNegative();
                }
            }
        }
    }

    @Test
    void everySuccessorWasInUseTheYearAfterItsPredecessorEnded() {
        for (Region region : REGIONS.allRecords()) {
            if (region.isCurrent()) {
                assertThat(region.successors()).isEmpty();
                continue;
            }
            PeriodCode next = year(region.validity().to().orElseThrow().getValue() + 1);
            for (RegionCode successor : region.successors()) {
                assertThat(REGIONS.find(successor, next)).as("%s %s → %s in %s", region.code(), region.name(), successor, next).isPresent();
            }
            region.successor().ifPresent(heir -> assertThat(region.successors()).contains(heir));
        }
    }

    @Test
    void noCodeStandsForTwoRegionsInTheSameYear() {
        var byCode = REGIONS.allRecords().stream().collect(java.util.stream.Collectors.groupingBy(Region::code));
        byCode.forEach((code, versions) -> {
            for (int i = 0; i < versions.size(); i++) {
                for (int j = i + 1; j < versions.size(); j++) {
                    assertThat(versions.get(i).validity().overlaps(versions.get(j).validity()))
                            .as("%s: %s %s and %s %s", code, versions.get(i).name(), versions.get(i).validity(),
                                    versions.get(j).name(), versions.get(j).validity())
                            .isFalse();
                }
            }
        });
        assertThat(byCode.get(RegionCode.of("360111"))).extracting(Region::name).containsExactly("郊区", "青山湖区");
    }

    @Test
    void theRegistryRefusesACodeInUseTwiceAtOnceAndUnknownSuccessors() {
        Region province = new Region(JIANGXI, "江西省", RegionLevel.PROVINCE, RegionKind.PROVINCE, Optional.empty());
        Validity until2015 = new Validity(Optional.empty(), Optional.of(Year.of(2015)));
        Region county = new Region(GAN_COUNTY, "赣县", RegionLevel.COUNTY, RegionKind.COUNTY, Optional.of(JIANGXI),
                until2015, List.of(GAN_DISTRICT), Optional.of(GAN_DISTRICT));
        assertThatThrownBy(() -> new RegionRegistry(List.of(province, county)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown successor 360704");
        Region renamed = new Region(GAN_COUNTY, "赣州县", RegionLevel.COUNTY, RegionKind.COUNTY, Optional.of(JIANGXI),
                new Validity(Optional.of(Year.of(2010)), Optional.empty()), List.of(), Optional.empty());
        Region district = new Region(GAN_DISTRICT, "赣县区", RegionLevel.COUNTY, RegionKind.DISTRICT, Optional.of(JIANGXI));
        assertThatThrownBy(() -> new RegionRegistry(List.of(province, county, renamed, district)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice in the same years");
        assertThat(new RegionRegistry(List.of(province, county, district)).isPredecessorOf(GAN_COUNTY, GAN_DISTRICT)).isTrue();
    }

    @Test
    void validityYearsAreInclusiveAndOpenEndsUnbounded() {
        Validity until2015 = new Validity(Optional.of(Year.of(1998)), Optional.of(Year.of(2015)));
        assertThat(until2015.contains(Year.of(1998))).isTrue();
        assertThat(until2015.contains(Year.of(2015))).isTrue();
        assertThat(until2015.contains(Year.of(1997))).isFalse();
        assertThat(until2015.overlaps(new Validity(Optional.of(Year.of(2016)), Optional.empty()))).isFalse();
        assertThat(until2015.overlaps(new Validity(Optional.of(Year.of(2015)), Optional.empty()))).isTrue();
        assertThat(until2015.overlaps(new Validity(Optional.empty(), Optional.of(Year.of(1998))))).isTrue();
        assertThat(Validity.ALWAYS.contains(Year.of(1949))).isTrue();
        assertThatThrownBy(() -> new Validity(Optional.of(Year.of(2016)), Optional.of(Year.of(2015))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
