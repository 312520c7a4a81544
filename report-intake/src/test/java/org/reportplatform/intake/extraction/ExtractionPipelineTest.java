package org.reportplatform.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.DatasetCode;

class ExtractionPipelineTest {

    private static Catalogue catalogue;
    private static ExtractionPipeline pipeline;

    @BeforeAll
    static void build() {
        catalogue = Catalogue.load();
        pipeline = new ExtractionPipeline(catalogue);
    }

    @Test
    void everyOffsetPointsIntoTheOriginalText() {
        String original = "一、成績\n在園幼兒 1.2 萬 人，推進(jìn)會(huì)後新增學位３８６６個。";
        ExtractionResult result = pipeline.extract(original);

        assertThat(result.facts()).extracting(f -> original.substring(f.numberStart(), f.numberEnd()))
                .containsExactly("1.2 萬 人", "３８６６個");
        assertThat(result.facts()).allSatisfy(f -> assertThat(original.substring(f.start(), f.end())).isEqualTo(f.text()));
        assertThat(result.facts().get(0).normalizedValue()).isEqualByComparingTo("12000");
        assertThat(result.facts().get(1).indicator()).isEqualTo("pre_new_place_count");
        assertThat(result.facts()).extracting(Fact::section).containsOnly("一、");
    }

    @Test
    void numbersAfterFenbieBelongToTheItemsListedBefore() {
        ExtractionResult result = pipeline.extract("全县在园幼儿、义务教育在校生分别为1.2万人、3.5万人。");

        assertThat(result.facts()).extracting(Fact::subject).containsExactly("全县在园幼儿", "义务教育在校生");
        assertThat(result.facts()).extracting(Fact::indicator).containsExactly("pre_enrolled_children", "edu_student_count");
    }

    @Test
    void aFenbieListThatDoesNotMatchItsNumbersIsLeftAsItIs() {
        ExtractionResult result = pipeline.extract("一本上线273人、二本上线465人，分别比去年增加60人、83人。");

        assertThat(result.facts()).extracting(Fact::kind)
                .containsExactly(FactKind.ACTUAL, FactKind.ACTUAL, FactKind.CHANGE, FactKind.CHANGE);
    }

    @Test
    void partsThatDoNotAddUpToTheirTotalAreFlagged() {
        String text = "全县共有学校329所(小学105所、初中36所、高中3所)。全县共有学校144所(小学105所、初中36所、高中3所)。";
        ExtractionResult result = pipeline.extract(text);

        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo("parts-do-not-add-up");
            assertThat(w.start()).isEqualTo(text.indexOf("329"));
        });
    }

    @Test
    void partsAfterQiZhongMayNotExceedTheTotal() {
        ExtractionResult result = pipeline.extract("组织申报课题44个，其中州级课题5个、县级课题45个。");

        assertThat(result.warnings()).extracting(ExtractionWarning::type).containsExactly("parts-do-not-add-up");
    }

    @Test
    void valuesNextToEncodingDamageAreDoubtful() {
        ExtractionResult result = pipeline.extract("已经出动检查人员1224人次?,检查213厂次。");

        assertThat(result.facts().get(0).confidence()).isLessThan(0.5);
        assertThat(result.warnings()).extracting(ExtractionWarning::type).containsExactly("encoding-damage");
    }

    @Test
    void placeholdersAreRedactionsNeverZeroes() {
        ExtractionResult result = pipeline.extract("2020年通过各种渠道招聘新教师X人，自主招聘达X人。");

        assertThat(result.facts()).isEmpty();
        assertThat(result.redactions()).extracting(Redaction::indicator)
                .containsExactly("tch_new_recruited_count", "tch_self_recruited_count");
    }

    @Test
    void aDraftConvertsToTheCatalogueUnitAndKeepsTheMostConfidentFact() {
        ExtractionResult result = pipeline.extract("群众体育事业经费3万元。全年累计投入3.3亿元。全年累计投入约三亿元。");
        var sports = catalogue.dataset(DatasetCode.of("spt_annual")).orElseThrow();
        var education = catalogue.dataset(DatasetCode.of("edu_annual")).orElseThrow();

        Draft sportsDraft = new DraftBuilder(catalogue).build(result, sports, "360722", "2020", "k");
        Draft educationDraft = new DraftBuilder(catalogue).build(result, education, "360722", "2020", "k");

        // the catalogue keeps sports funds in 元 and education investment in 万元
        assertThat(sportsDraft.values()).singleElement().satisfies(v -> {
            assertThat(v.indicator()).isEqualTo("fin_mass_sports_fund_amount");
            assertThat(v.value()).isEqualByComparingTo(new BigDecimal("30000"));
        });
        assertThat(educationDraft.values()).filteredOn(v -> v.indicator().equals("fin_edu_investment_amount")).singleElement()
                .satisfies(v -> {
                    assertThat(v.value()).isEqualByComparingTo(new BigDecimal("33000"));
                    assertThat(v.alternatives()).hasSize(1);
                });
    }
}
