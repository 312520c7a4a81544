package org.reportplatform.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSegmenterTest {

    private final ReportSegmenter segmenter = new ReportSegmenter();

    @Test
    void aCollectionSplitsIntoItsReports() {
        List<ReportSegment> reports = segmenter.segment("总结5篇 【篇一】 我县2020年…… 【篇二】 全市2019年……");

        assertThat(reports).extracting(ReportSegment::label).containsExactly("篇一", "篇二");
        assertThat(reports).extracting(ReportSegment::level).containsExactly("county", "city");
        assertThat(reports).extracting(ReportSegment::period).containsExactly("2020", "2019");
    }

    @Test
    void partsOnTheirOwnLinesToo() {
        List<ReportSegment> reports = segmenter.segment("幼儿园工作汇报(10篇)\n篇1\n我园……\n篇2\n全园……");

        assertThat(reports).extracting(ReportSegment::label).containsExactly("篇1", "篇2");
        assertThat(reports.get(0).level()).isEqualTo("institution");
    }

    @Test
    void aTextWithoutPartsIsOneReportTitledByItsFirstLine() {
        List<ReportSegment> reports = segmenter.segment("X县教科体局2020年工作情况\n一、成效\n正文。");

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.label()).isNull();
            assertThat(r.title()).isEqualTo("X县教科体局2020年工作情况");
        });
    }

    @Test
    void headingsNestInTheOrderTheirStylesAppear() {
        String text = "一、成绩\n(一)教育\n1.学前。\n2.义务。\n(二)体育\n一是场地。二是赛事。\n二、问题\n1、经费不足。";
        SectionTree tree = segmenter.segment(text).get(0).sections();

        assertThat(tree.headings()).extracting(Heading::path).containsExactly(
                "一、", "一、/(一)", "一、/(一)/1.", "一、/(一)/2.", "一、/(二)", "一、/(二)/一是", "一、/(二)/二是", "二、", "二、/1、");
        assertThat(tree.at(text.indexOf("义务")).path()).isEqualTo("一、/(一)/2.");
        assertThat(tree.at(text.indexOf("经费")).path()).isEqualTo("二、/1、");
    }

    @Test
    void headingsInsideRunningTextCountOnlyWhenTheyContinueTheirNumbering() {
        String text = "如下:一、总结(一)名校建设1.推进4所新校。2.推进集团化办学,希沃白板5、录播教室。(二)名师工程";
        SectionTree tree = segmenter.segment(text).get(0).sections();

        assertThat(tree.headings()).extracting(Heading::path).containsExactly(
                "一、", "一、/(一)", "一、/(一)/1.", "一、/(一)/2.", "一、/(二)");
    }

    @Test
    void wordsEndingInANumeralAreNoHeadings() {
        SectionTree tree = segmenter.segment("坚持统一、规范管理。一、成绩").get(0).sections();

        assertThat(tree.headings()).extracting(Heading::label).containsExactly("一、");
    }

    @Test
    void theSectionTreeNestsWithOriginalOffsets() {
        String text = "一、成绩\n(一)教育\n(二)体育\n二、问题";
        NormalisedText normalised = new Normaliser().normalise(text);
        List<Section> sections = segmenter.segment(normalised.text()).get(0).sections().sections(normalised);

        assertThat(sections).extracting(Section::label).containsExactly("一、", "二、");
        assertThat(sections.get(0).children()).extracting(Section::title).containsExactly("教育", "体育");
        assertThat(text.substring(sections.get(1).start(), sections.get(1).end())).isEqualTo("二、问题");
    }
}
