package org.reportplatform.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliserTest {

    private final Normaliser normaliser = new Normaliser();

    @Test
    void traditionalBecomesSimplifiedCharacterForCharacter() {
        NormalisedText text = normaliser.normalise("幼兒園教師6人");

        assertThat(text.text()).isEqualTo("幼儿园教师6人");
        assertThat(text.originalStart(5)).isEqualTo(5);
    }

    @Test
    void pinyinAfterCharactersGoesAndOffsetsSkipIt() {
        String original = "推進(jìn)會(huì)召开";
        NormalisedText text = normaliser.normalise(original);

        assertThat(text.text()).isEqualTo("推进会召开");
        assertThat(original.charAt(text.originalStart(2))).isEqualTo('會');
        assertThat(text.originalEnd(3)).isEqualTo(original.indexOf("(huì)"));
    }

    @Test
    void bracketsThatAreNotPinyinStay() {
        assertThat(normaliser.normalise("小学(含教学点)105所").text()).isEqualTo("小学(含教学点)105所");
    }

    @Test
    void fullWidthDigitsAndPunctuationBecomeHalfWidthButTheChineseCommaStays() {
        assertThat(normaliser.normalise("覆盖率９３．０３％，（一）").text()).isEqualTo("覆盖率93.03%，(一)");
    }

    @Test
    void spacesFromLineWrappingJoinNumbersAndUnitsAgain() {
        NormalisedText text = normaliser.normalise("在校生 1516 83 人,投入 16009 万 元\u00a0,\u3000人 次");

        assertThat(text.text()).isEqualTo("在校生151683人,投入16009万元,人次");
    }

    @Test
    void aSpaceBetweenLatinWordsStays() {
        assertThat(normaliser.normalise("Open AI 智能 HVI 1000").text()).isEqualTo("Open AI智能HVI1000");
    }

    @Test
    void boilerplateLinesGoAndTheRestKeepsItsOffsets() {
        String original = "仅供学习 禁止外传 用后删除\n获得完整版资料咨询QQ206157060\n招聘新教师194人";
        NormalisedText text = normaliser.normalise(original);

        assertThat(text.text()).isEqualTo("\n\n招聘新教师194人");
        int digits = text.text().indexOf("194");
        assertThat(original.substring(text.originalStart(digits), text.originalEnd(digits + 3))).isEqualTo("194");
    }

    @Test
    void theEndMapsToTheEndOfTheOriginal() {
        String original = "共 3 所 ";
        NormalisedText text = normaliser.normalise(original);

        assertThat(text.text()).isEqualTo("共3所");
        assertThat(text.origin()[text.text().length()]).isEqualTo(original.length());
    }
}
