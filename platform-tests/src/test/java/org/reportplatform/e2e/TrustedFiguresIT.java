package org.reportplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;

/**
 * The reproductions of the users' review (shared/notes/findings/USERS.md §2, bugs 1–9 and 12–14), each against the
 * three services running as separate JVMs on a real broker and database, with the answer a statistician expects.
 * Each test writes units and periods of its own, so the tests do not see each other's data.
 */
class TrustedFiguresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final String PROVINCE = "360000";
    private static final Role[] PROVINCE_WIDE = {Role.REVIEWER, Role.PROVINCE, Role.ANALYST};
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** Bugs 1 and 3: completion over the units that set a target; a half-year and a year to one cut-off. */
    @Test
    void completionCountsTheUnitsThatSetTargetsAndLongerPeriodsCountCompleteUnitsOnly() throws Exception {
        // 寻乌县 sends Q1 and Q2 with a target in Q1; 石城县 only Q1, without a target
        quarter("360734", "2024Q1", 40, 1_000, 7, 120);
        quarter("360734", "2024Q2", 60, 3_000, 9, null);
        quarter("360735", "2024Q1", 50, 2_000, 5, null);

        awaitFigure("sci_tech_contract_count", "360700", "2024Q1", figure -> {
            assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("90");
            assertThat(figure.get("target").decimalValue()).isEqualByComparingTo("120");
            assertThat(figure.get("targetUnits").asInt()).isEqualTo(1);
            assertThat(figure.get("completion").decimalValue()).isBetween(new BigDecimal("33.33"), new BigDecimal("33.34"));
        });
        awaitFigure("sci_tech_contract_count", "360700", "2024S1", figure -> {
            assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("100");
            assertThat(figure.get("reportingUnits").asInt()).isEqualTo(1);
            assertThat(figure.get("incompleteUnits").asInt()).isEqualTo(1);
        });
        // a stock: June's 9 platforms of the one complete unit, never 石城县's March figure beside it
        awaitFigure("sci_innovation_platform_count", "360700", "2024S1",
                figure -> assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("9"));
        // the year so far is counted to the latest quarter any unit has reached, for every unit alike
        awaitFigure("sci_tech_contract_count", "360700", "2024", figure -> {
            assertThat(figure.get("cutOff").asText()).isEqualTo("2024Q2");
            assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("100");
            assertThat(figure.get("incompleteUnits").asInt()).isEqualTo(1);
        });
        // bug 16: completeness of a quarterly form for a year: nobody has sent every quarter
        JsonNode year = get(platform.dashboard + "/api/v1/completeness?dataset=sci_quarterly&period=2024&region=360700");
        assertThat(year.get("received").asInt()).isZero();
        assertThat(year.get("partialUnits").asInt()).isEqualTo(2);
    }

    /** Bug 2: a change over the same units in both years, and none where too few are comparable. */
    @Test
    void yearOverYearComparesTheSameUnits() throws Exception {
        // 新余市 has two units: 渝水区 reports both years, 分宜县 only the second
        annual("360502", "2016", Map.of("edu_school_count", 100));
        annual("360502", "2017", Map.of("edu_school_count", 110));
        annual("360521", "2017", Map.of("edu_school_count", 50));
        awaitFigure("edu_school_count", "360500", "2017", figure -> {
            assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("160");
            assertThat(figure.get("comparableUnits").asInt()).isEqualTo(1);
            assertThat(figure.get("previousValue").decimalValue()).isEqualByComparingTo("100");
            assertThat(figure.get("yoyChange").decimalValue()).isEqualByComparingTo("10");
            assertThat(figure.get("yoyPercent").decimalValue()).isEqualByComparingTo("10");
        });
        // the province: 2 of 103 units comparable is no basis for a change
        awaitFigure("edu_school_count", PROVINCE, "2017", figure -> {
            assertThat(figure.get("comparableUnits").asInt()).isEqualTo(1);
            assertThat(figure.get("yoyChange").isNull()).isTrue();
            assertThat(figure.get("yoyPercent").isNull()).isTrue();
        });
    }

    /** Bugs 4, 5, 7 and 8: data that is what it claims, refused or held in Chinese when Chinese is asked for. */
    @Test
    void intakeRefusesWhatIsNotAFigureAndHoldsWhatStatisticsCanExceed() throws Exception {
        HttpResponse<String> fractional = submit("360729", "edu_annual", "2018", List.of(
                value("edu_school_count", 12.5), value("pop_resident", -5)), "zh-CN");
        assertThat(fractional.statusCode()).isEqualTo(422);
        assertThat(fields(fractional)).contains("values[0].value", "values[1].value");
        assertThat(JSON.readTree(fractional.body()).get("title").asText()).containsPattern("\\p{IsHan}");

        HttpResponse<String> text = submit("360729", "edu_annual", "2018", List.of(value("edu_school_count", "12")), null);
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(fields(text)).contains("values[0].value");

        HttpResponse<String> shouting = submit("360729", "edu_annual", "2018",
                List.of(Map.of("indicator", "edu_school_count", "value", 12, "kind", "TARGET")), null);
        assertThat(shouting.statusCode()).isEqualTo(422);
        assertThat(fields(shouting)).contains("values[0].kind");

        HttpResponse<String> early = submit("360729", "edu_annual", "2026", List.of(value("edu_school_count", 12)), "zh-CN");
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.body()).contains("period").contains("报告期未结束");

        // 毛入园率 above 100%: children from other counties; held for an explanation, never refused
        HttpResponse<String> above = submit("360729", "edu_annual", "2018", List.of(
                value("pre_enrolled_children", 10_450), value("pop_age_3_5", 10_000)), "zh-CN");
        assertThat(above.statusCode()).as(above.body()).isEqualTo(202);
        JsonNode held = JSON.readTree(above.body());
        assertThat(held.get("status").asText()).isEqualTo("NEEDS_EXPLANATION");
        assertThat(held.get("warnings").toString()).containsPattern("\\p{IsHan}");
    }

    /** Bug 6: completeness tells received, partial, held, returned and missing apart. */
    @Test
    void completenessTellsEveryStateOfAUnitApart() throws Exception {
        Dataset education = CATALOGUE.dataset(DatasetCode.of("edu_annual")).orElseThrow();
        assertThat(submit("360902", "edu_annual", "2018", fullReport(education), null).statusCode()).isEqualTo(202);
        assertThat(submit("360921", "edu_annual", "2018", List.of(value("edu_school_count", 80)), null).statusCode()).isEqualTo(202);
        assertThat(submit("360922", "edu_annual", "2018",
                List.of(Map.of("indicator", "edu_school_count", "value", 90, "kind", "target")), null).statusCode()).isEqualTo(202);
        HttpResponse<String> toReturn = submit("360923", "edu_annual", "2018", fullReport(education), null);
        String id = JSON.readTree(toReturn.body()).get("id").asText();
        HttpResponse<String> returned = platform.post(platform.intake + "/api/v1/submissions/" + id + "/transitions",
                "{\"action\": \"return\", \"actor\": \"宜春市教育局\", \"role\": \"reviewer\", \"comment\": \"请核对学校数\"}",
                platform.token("360900", Role.REVIEWER));
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        List<Map<String, Object>> aboveCohort = new ArrayList<>(fullReport(education));
        aboveCohort.removeIf(v -> List.of("pre_enrolled_children", "pop_age_3_5").contains(v.get("indicator")));
        aboveCohort.add(value("pre_enrolled_children", 10_450));
        aboveCohort.add(value("pop_age_3_5", 10_000));
        assertThat(JSON.readTree(submit("360924", "edu_annual", "2018", aboveCohort, null).body()).get("status").asText())
                .isEqualTo("NEEDS_EXPLANATION");

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode completeness = get(platform.dashboard + "/api/v1/completeness?dataset=edu_annual&period=2018&region=360900");
            assertThat(completeness.get("expected").asInt()).isEqualTo(10);
            assertThat(completeness.get("received").asInt()).isEqualTo(1);
            assertThat(completeness.get("partialUnits").asInt()).isEqualTo(2);
            assertThat(completeness.get("returnedUnits").asInt()).isEqualTo(1);
            assertThat(completeness.get("heldUnits").asInt()).isEqualTo(1);
            assertThat(completeness.get("missing").asInt()).isEqualTo(5);
            assertThat(completeness.get("missingUnits").toString()).doesNotContain("360924");
        });
    }

    /** Bug 9: population comes from the education report, whoever submitted last, and the conflict shows. */
    @Test
    void anIndicatorOfSeveralFormsComesFromItsOwnerForm() throws Exception {
        assertThat(submit("360481", "edu_annual", "2019", List.of(value("pop_resident", 475_410)), null).statusCode()).isEqualTo(202);
        HttpResponse<String> sports = submit("360481", "spt_annual", "2019", List.of(value("pop_resident", 438_582)), null);
        assertThat(sports.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(sports.body()).get("notices").toString()).contains("pop_resident");
        awaitFigure("pop_resident", "360481", "2019",
                figure -> assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("475410"));
        JsonNode sources = get(platform.dashboard + "/api/v1/aggregates/pop_resident/sources?region=360400&period=2019");
        Map<String, String> marks = new LinkedHashMap<>();
        sources.get("sources").forEach(source -> source.get("values").forEach(value -> {
            if (value.get("indicator").asText().equals("pop_resident")) {
                marks.put(source.get("dataset").asText(), "used=" + value.get("used").asBoolean()
                        + " conflict=" + value.get("conflict").asBoolean());
            }
        }));
        assertThat(marks).containsExactlyInAnyOrderEntriesOf(Map.of(
                "edu_annual", "used=true conflict=false", "spt_annual", "used=false conflict=true"));
    }

    /** Bugs 12 and 13: regions as they were, and history loaded with the date it was reported. */
    @Test
    void oldPeriodsCountTheRegionsOfTheirTimeAndKeepTheirReportDates() throws Exception {
        JsonNode nanchang2017 = get(platform.dashboard + "/api/v1/completeness?dataset=edu_annual&period=2017&region=360100");
        assertThat(nanchang2017.get("expected").asInt()).isEqualTo(11);
        assertThat(nanchang2017.get("missingUnits").toString()).doesNotContain("360113").contains("360105");

        // 赣县 was 360721 until 2015; 赣县区 (360704) reports that year under the old code
        HttpResponse<String> old = platform.post(platform.intake + "/api/v1/submissions", body("360721", "edu_annual", "2015",
                "e2e-old-360721", List.of(value("edu_school_count", 210))), platform.token("360704", Role.REPORTER));
        assertThat(old.statusCode()).as(old.body()).isEqualTo(202);
        awaitFigure("edu_school_count", "360700", "2015",
                figure -> assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("210"));

        // the province loads 2019 with the dates the reports came in: one on time, one 30 days late (due 31 January)
        Dataset science = CATALOGUE.dataset(DatasetCode.of("sci_annual")).orElseThrow();
        Map<String, Object> onTime = new LinkedHashMap<>(Map.of("submissionKey", "e2e-backfill-360102", "region", "360102",
                "dataset", "sci_annual", "period", "2019", "reportedAt", "2020-01-20T02:00:00Z",
                "values", fullReport(science)));
        Map<String, Object> late = new LinkedHashMap<>(onTime);
        late.putAll(Map.of("submissionKey", "e2e-backfill-360103", "region", "360103", "reportedAt", "2020-03-01T02:00:00Z"));
        for (Map<String, Object> backfill : List.of(onTime, late)) {
            HttpResponse<String> response = platform.post(platform.intake + "/api/v1/submissions",
                    JSON.writeValueAsString(backfill), platform.token(PROVINCE, Role.PROVINCE));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode completeness = get(platform.dashboard + "/api/v1/completeness?dataset=sci_annual&period=2019&region=360100");
            assertThat(completeness.get("onTime").asInt()).isEqualTo(1);
            assertThat(completeness.get("late").asInt()).isEqualTo(1);
            assertThat(completeness.get("lateUnits").get(0).get("daysLate").asInt()).isEqualTo(30);
        });
    }

    /** Bug 14: top-down targets, a rate target stated as the rate, an annual target of a quarterly form. */
    @Test
    void targetsComeFromAboveAsWellAsFromTheCounties() throws Exception {
        annual("360102", "2023", Map.of("pre_enrolled_children", 9_000, "pop_age_3_5", 10_000));
        HttpResponse<String> provinceTarget = platform.post(platform.intake + "/api/v1/submissions",
                body(PROVINCE, "edu_annual", "2023", "e2e-target-province", List.of(
                        Map.of("indicator", "pre_gross_enrolment_rate", "value", 95, "kind", "target"))),
                platform.token(PROVINCE, Role.PROVINCE));
        assertThat(provinceTarget.statusCode()).as(provinceTarget.body()).isEqualTo(202);
        awaitFigure("pre_gross_enrolment_rate", PROVINCE, "2023", figure -> {
            assertThat(figure.get("target").decimalValue()).isEqualByComparingTo("95");
            assertThat(figure.get("targetSource").asText()).isEqualTo("region");
            // 90% of a 95% target
            assertThat(figure.get("completion").decimalValue()).isBetween(new BigDecimal("94.73"), new BigDecimal("94.74"));
        });

        HttpResponse<String> annualTarget = submit("360734", "sci_quarterly", "2023",
                List.of(Map.of("indicator", "sci_tech_contract_count", "value", 300, "kind", "target")), null);
        assertThat(annualTarget.statusCode()).as(annualTarget.body()).isEqualTo(202);
    }

    // ---- requests ------------------------------------------------------------------------------------------------

    private static void quarter(String unit, String quarter, int contracts, int amount, int platforms, Integer target)
            throws Exception {
        List<Map<String, Object>> values = new ArrayList<>(List.of(
                value("sci_tech_contract_count", contracts),
                value("sci_tech_contract_amount", amount),
                value("sci_tech_contract_avg_amount", new BigDecimal(amount).divide(new BigDecimal(contracts))),
                value("sci_innovation_platform_count", platforms)));
        if (target != null) {
            values.add(Map.of("indicator", "sci_tech_contract_count", "value", target, "kind", "target"));
        }
        HttpResponse<String> response = submit(unit, "sci_quarterly", quarter, values, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static void annual(String unit, String year, Map<String, Integer> figures) throws Exception {
        List<Map<String, Object>> values = new ArrayList<>();
        figures.forEach((indicator, figure) -> values.add(value(indicator, figure)));
        HttpResponse<String> response = submit(unit, "edu_annual", year, values, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** Every indicator the form requires, withheld (X) but for the school count: a full report. */
    private static List<Map<String, Object>> fullReport(Dataset form) {
        List<Map<String, Object>> values = new ArrayList<>();
        form.requiredIndicators().forEach(indicator -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("indicator", indicator.value());
            if (indicator.value().equals("edu_school_count")) {
                item.put("value", 120);
            } else {
                item.put("value", null);
                item.put("status", "redacted");
            }
            values.add(item);
        });
        return values;
    }

    private static Map<String, Object> value(String indicator, Object value) {
        return Map.of("indicator", indicator, "value", value);
    }

    private static HttpResponse<String> submit(String unit, String dataset, String period, List<Map<String, Object>> values,
                                               String language) throws Exception {
        String key = "e2e-" + unit + "-" + dataset + "-" + period + "-" + values.hashCode();
        return platform.post(platform.intake + "/api/v1/submissions", body(unit, dataset, period, key, values),
                platform.token(unit, Role.REPORTER), language);
    }

    private static String body(String region, String dataset, String period, String key, List<Map<String, Object>> values)
            throws IOException {
        return JSON.writeValueAsString(Map.of("submissionKey", key, "region", region, "dataset", dataset, "period", period,
                "values", values));
    }

    private static List<String> fields(HttpResponse<String> problem) throws IOException {
        List<String> fields = new ArrayList<>();
        JSON.readTree(problem.body()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static void awaitFigure(String indicator, String region, String period, Consumer<JsonNode> expectation) {
        String url = platform.dashboard + "/api/v1/aggregates/" + indicator + "?region=" + region + "&period=" + period;
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> expectation.accept(get(url)));
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = platform.get(url, platform.token(PROVINCE, PROVINCE_WIDE));
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
