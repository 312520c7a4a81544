package org.reportplatform.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberFinderTest {

    private final NumberFinder finder = new NumberFinder();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "在校生3,209人          | 3209    | 人     | 3209      | 人   | exact",
            "评选出三十二名          | 32      | 名     | 32        | 名   | exact",
            "新建两所幼儿园          | 2       | 所     | 2         | 所   | exact",
            "捐款一百多万            | 100     | 万     | 1000000   | ''   | approximate",
            "研发经费1.84亿元        | 1.84    | 亿元   | 184000000 | 元   | exact",
            "近5万名师生             | 5       | 万名   | 50000     | 名   | approximate",
            "先后投入10万余元        | 10      | 万元   | 100000    | 元   | approximate",
            "筹措资金100余万元       | 100     | 万元   | 1000000   | 元   | approximate",
            "351余位教师             | 351     | 位     | 351       | 位   | approximate",
            "80%以上农村学校         | 80      | %      | 80        | %    | at_least",
            "超过300人               | 300     | 人     | 300       | 人   | at_least",
            "每年不少于10小时        | 10      | 小时   | 10        | 小时 | at_least",
            "300人左右               | 300     | 人     | 300       | 人   | approximate",
            "班额不超过45人          | 45      | 人     | 45        | 人   | at_most",
            "申报2个多亿地方债       | 2       | 亿     | 200000000 | ''   | approximate",
            "生机比12:1              | 12      | :1     | 12        | :1   | exact",
            "提高3.86个百分点        | 3.86    | 个百分点 | 3.86    | 个百分点 | exact",
            "完成12场次宣传          | 12      | 场次   | 12        | 场次 | exact",
            "查扣黑车47辆次          | 47      | 辆次   | 47        | 辆次 | exact",
            "建筑面积671314.35m²     | 671314.35 | 平方米 | 671314.35 | 平方米 | exact",
            "新增5万平米             | 5       | 万平方米 | 50000   | 平方米 | exact",
            "组织教师上百人次        | 100     | 人次   | 100       | 人次 | at_least",
            "近千人参加              | 1000    | 人     | 1000      | 人   | approximate",
            "合格率达到百分之九十五   | 95      | %      | 95        | %    | exact",
            "增长百分之三点五        | 3.5     | %      | 3.5       | %    | exact",
            "新增图书5万本           | 5       | 万本   | 50000     | 本   | exact",
            "装机100千瓦             | 100     | 千瓦   | 100000    | 瓦   | exact"})
    void readsTheNumberAsWritten(String text, String value, String unit, String normalised, String baseUnit, String qualifier) {
        List<NumberMention> found = finder.find(text);

        assertThat(found).hasSize(1);
        NumberMention number = found.get(0);
        assertThat(number.value()).isEqualByComparingTo(value);
        assertThat(number.unit()).isEqualTo(unit);
        assertThat(number.normalisedValue()).isEqualByComparingTo(normalised);
        assertThat(number.baseUnit()).isEqualTo(baseUnit);
        assertThat(number.qualifier().json()).isEqualTo(qualifier);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2020年12月31日", "国科发财〔2010〕720号", "实施333工程", "落实“五个一”要求", "构建1+6+N体系",
            "第46届世界技能大赛", "二十六中燕京校区", "大一班幼儿", "十分重视", "重点抓好六个方面工作", "三元实验学校",
            "获全国第26届读书活动奖", "希沃白板5", "xx区首届名校长", "2019-2020学年", "24小时值班",
            "学前教育三期项目", "千家万户", "百姓满意", "培训3个月", "一本上线率", "实现“三个百分之百”"})
    void leavesOutNumbersThatAreNoFacts(String text) {
        assertThat(finder.find(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"列全市第3 | 3", "位列全省第三 | 3", "排名全市第12名 | 12"})
    void readsRanks(String text, String value) {
        List<NumberMention> found = finder.find(text);

        assertThat(found).singleElement().satisfies(n -> {
            assertThat(n.rank()).isTrue();
            assertThat(n.value()).isEqualByComparingTo(value);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"招聘新教师X人 | X | 人", "已达标有XX个 | XX | 个", "占x% | x | %",
            "经费**万元 | ** | 万元", "现招生近X人 | X | 人", "比重达X； | X | ''"})
    void readsPlaceholdersAsWithheld(String text, String placeholder, String unit) {
        assertThat(finder.find(text)).singleElement().satisfies(n -> {
            assertThat(n.withheld()).isTrue();
            assertThat(n.placeholder()).isEqualTo(placeholder);
            assertThat(n.unit()).isEqualTo(unit);
            assertThat(n.value()).isNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"10金16银7铜 | 10,16,7 | 金,银,铜", "10-15人 | 10 | 人"})
    void readsMedalsAndRanges(String text, String values, String units) {
        List<NumberMention> found = finder.find(text);

        assertThat(found).extracting(n -> n.value().toPlainString()).containsExactly(values.split(","));
        assertThat(found).extracting(NumberMention::unit).containsExactly(units.split(","));
    }

    @org.junit.jupiter.api.Test
    void aRangeKeepsItsUpperEnd() {
        assertThat(finder.find("10-15人").get(0).valueTo()).isEqualByComparingTo(BigDecimal.valueOf(15));
    }

    @org.junit.jupiter.api.Test
    void aChineseNumeralThatRecursBeforeTheSameCharacterIsAName() {
        assertThat(finder.find("莅临五家渠实验室。五家渠纖检所。五家渠所长")).isEmpty();
    }
}
