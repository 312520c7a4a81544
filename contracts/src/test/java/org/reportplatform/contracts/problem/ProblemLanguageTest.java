package org.reportplatform.contracts.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A problem is written in the language the request prefers, with the same fields in either. */
class ProblemLanguageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "zh-CN | ZH",
            "zh | ZH",
            "zh-Hans-CN, en;q=0.5 | ZH",
            "zh-CN,zh;q=0.9,en;q=0.8 | ZH",
            "en;q=0.5, zh | ZH",
            "fr, zh;q=0.3 | ZH",
            "en-US,en;q=0.9,zh-CN;q=0.8 | EN",
            "en, zh | EN",
            "zh;q=0, en;q=0.1 | EN",
            "zh;q=abc | EN",
            "fr | EN",
            "* | EN",
            "none | EN"})
    void chineseWhenAChineseRangeRanksAboveEveryEnglishOne(String acceptLanguage, Language expected) {
        assertThat(Language.preferred(acceptLanguage)).isEqualTo(expected);
    }

    @Test
    void theChosenLanguageFillsTheUsualFieldsAndNoOthers() throws Exception {
        Problem problem = ProblemException.invalid("invalid-submission", "Invalid submission", "提交内容有误", List.of(
                new FieldError("period", "the reporting period has not ended", "报告期未结束"),
                new FieldError("region", "is not a known region code"))).problem();
        ObjectMapper json = new ObjectMapper();

        String zh = json.writeValueAsString(problem.in(Language.ZH));
        String en = json.writeValueAsString(problem.in(Language.EN));

        assertThat(json.readTree(zh).get("title").asText()).isEqualTo("提交内容有误");
        assertThat(json.readTree(zh).get("detail").asText()).isEqualTo("2 个字段有误");
        assertThat(json.readTree(zh).get("errors").get(0).get("message").asText()).isEqualTo("报告期未结束");
        // a message without Chinese shows in English rather than not at all
        assertThat(json.readTree(zh).get("errors").get(1).get("message").asText()).isEqualTo("is not a known region code");
        assertThat(json.readTree(en).get("title").asText()).isEqualTo("Invalid submission");
        assertThat(json.readTree(en).get("detail").asText()).isEqualTo("2 fields are invalid");
        assertThat(json.readTree(en).get("errors").get(0).get("message").asText()).isEqualTo("the reporting period has not ended");
        for (String written : List.of(zh, en)) {
            assertThat(json.readTree(written).fieldNames()).toIterable().containsExactlyInAnyOrder("type", "title", "status", "detail", "errors");
            assertThat(json.readTree(written).get("errors").get(0).fieldNames()).toIterable().containsExactly("field", "message");
        }
    }
}
