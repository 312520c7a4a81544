package org.reportplatform.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Indicator;

class IndicatorMatcherTest {

    private static IndicatorMatcher matcher;
    private final NumberFinder finder = new NumberFinder();

    @BeforeAll
    static void indexTheCatalogue() {
        matcher = new IndicatorMatcher(Catalogue.load());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "全县在园幼儿1.2万人                                | ACTUAL | pre_enrolled_children",
            "普惠性幼儿园在园幼儿3000人                          | ACTUAL | pre_inclusive_enrolled_children",
            "累计培训10055人次                                  | ACTUAL | tch_training_person_times",
            "累计培训教师305人                                  | ACTUAL | ''",
            "公共体育场馆开放率100%，学校体育场馆开放率90%         | ACTUAL | spt_school_venue_open_rate",
            "新增学位3866个                                     | ACTUAL | pre_new_place_count",
            "3866个学位较去年新增                                | ACTUAL | pre_new_place_count",
            "中考人数3739名，比去年增加260人                      | CHANGE | ''",
            "中职招生1697名                                     | ACTUAL | edu_voc_new_enrolment_count",
            "组织参加青少年科技创新大赛                           | ACTUAL | ''",
            "全县义务教育学校生机比达到12:1                       | ACTUAL | ict_students_per_computer",
            "授予二星（标准星）党支部3个                          | ACTUAL | pty_branch_two_star_count"})
    void mapsTheNearestFittingPhrase(String original, FactKind kind, String expected) {
        String text = new Normaliser().normalise(original).text();
        var numbers = finder.find(text);
        if (numbers.isEmpty()) {
            assertThat(expected).isEmpty();
            return;
        }
        NumberMention number = numbers.get(numbers.size() - 1);
        Indicator indicator = matcher.match(text, number, kind);
        assertThat(indicator == null ? "" : indicator.code().value()).isEqualTo(expected);
    }
}
