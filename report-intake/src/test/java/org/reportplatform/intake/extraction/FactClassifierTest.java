package org.reportplatform.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactClassifierTest {

    private final NumberFinder finder = new NumberFinder();
    private final FactClassifier classifier = new FactClassifier();

    private Classification classify(String text, List<String> sectionTitles) {
        NumberMention number = finder.find(text).get(0);
        return classifier.classify(text, number, sectionTitles);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2021年力争新增高新技术企业5家     | TARGET",
            "确保毛入园率达到90%               | TARGET",
            "中职招生1697名，同比增长22%        | ACTUAL",
            "同比增长22%                       | CHANGE",
            "比2019年增加5所                   | CHANGE",
            "较去年下降了11%                   | CHANGE",
            "死亡人数上升21.05%                | CHANGE",
            "合格率由去年的78%提高到95%         | ACTUAL",
            "增加学位300个                     | ACTUAL",
            "高考一本上线率提高3.86个百分点     | CHANGE",
            "比2019年净增12分                  | CHANGE",
            "比2019年进步3位                   | CHANGE",
            "骨干教师占一线教师总数的42%        | SHARE",
            "列全市第3                         | RANK",
            "全年招录新任教师194人              | ACTUAL",
            "农村义务教育学生营养改善计划补助资金1263.36万元 | ACTUAL"})
    void tellsTheKind(String text, FactKind kind) {
        assertThat(classify(text, List.of()).kind()).isEqualTo(kind);
    }

    @Test
    void numbersUnderAPlanHeadingAreTargets() {
        assertThat(classify("新建学校3所", List.of("三、2021年工作计划")).kind()).isEqualTo(FactKind.TARGET);
        assertThat(classify("新建学校3所", List.of("一、2020年工作完成情况及2021年计划")).kind()).isEqualTo(FactKind.ACTUAL);
    }

    @Test
    void theSubjectIsThePhraseBeforeTheNumber() {
        assertThat(classify("全年共招录新任教师共计194人", List.of()).subject()).isEqualTo("全年共招录新任教师");
    }

    @Test
    void theSubjectFollowsANumberThatLeads() {
        assertThat(classify("3所新校交付使用", List.of()).subject()).isEqualTo("新校交付使用");
    }

    @Test
    void thePeriodIsTheYearTheSentenceStatesButNotABaseYear() {
        assertThat(classify("2020年，招聘新教师194人", List.of()).period()).isEqualTo("2020");
        assertThat(classify("比2019年增加5所", List.of()).period()).isNull();
    }
}
