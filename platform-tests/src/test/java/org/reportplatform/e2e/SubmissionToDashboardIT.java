package org.reportplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * County submissions go in at report-intake and come out of dashboard-api as city and province figures equal to a
 * recomputation, written here from scratch, over the latest version of each county's values.
 */
class SubmissionToDashboardIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RegionRegistry REGIONS = RegionRegistry.load();
    private static final MathContext PRECISION = new MathContext(12);

    private static final String PROVINCE = "360000";
    /** The province's reviewers, accepters and analysts, who read everything. */
    private static final Role[] PROVINCE_WIDE = {Role.REVIEWER, Role.PROVINCE, Role.ANALYST};
    /** Three units of Ganzhou and two of Nanchang, one of them a development zone. */
    private static final Map<String, String> UNITS = Map.of(
            "360702", "360700", "360703", "360700", "360722", "360700",
            "360102", "360100", "360190", "360100");
    private static final String PERIOD = "2020";
    /** The unit whose stated rate differs from its components, with an explanation. */
    private static final String RATE_EXPLAINED = "360102";

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

    @Test
    void cityAndProvinceFiguresEqualARecomputationFromTheLatestCountyValues() throws Exception {
        Random random = new Random(20201231);
        Map<String, Map<String, BigDecimal>> latest = new LinkedHashMap<>();
        for (String unit : UNITS.keySet()) {
            Map<String, BigDecimal> values = figures(random);
            if (unit.equals("360722")) {
                values.put("pre_enrolled_children", null); // withheld in the report: "X 人"
            }
            if (unit.equals(RATE_EXPLAINED)) {
                values.put("pre_gross_enrolment_rate", new BigDecimal("99.9")); // its own way of counting, explained
            }
            assertThat(submit(unit, "v1", values).statusCode()).isEqualTo(202);
            latest.put(unit, values);
        }

        // A revision replaces the first version and no longer states the average score.
        Map<String, BigDecimal> revised = figures(random);
        revised.remove("edu_zhongkao_avg_score");
        HttpResponse<String> revision = submit("360702", "v2", revised);
        assertThat(revision.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(revision.body()).get("version").asInt()).isEqualTo(2);
        latest.put("360702", revised);

        // Sending the same submission again changes nothing.
        assertThat(submit("360703", "v1", latest.get("360703")).statusCode()).isEqualTo(200);

        for (String region : List.of("360700", "360100", PROVINCE)) {
            Map<String, Map<String, BigDecimal>> within = latest.entrySet().stream()
                    .filter(e -> REGIONS.isWithin(RegionCode.of(e.getKey()), RegionCode.of(region)))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            int expectedUnits = REGIONS.reportingUnitsWithin(RegionCode.of(region));

            Expected schools = sum(within, "edu_school_count");
            Expected enrolment = ratio(within, "pre_enrolled_children", "pop_age_3_5", BigDecimal.valueOf(100));
            Expected averageScore = weightedAverage(within, "edu_zhongkao_avg_score", "edu_zhongkao_candidate_count");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertFigure(figure("edu_school_count", region), schools, expectedUnits);
                assertFigure(figure("pre_gross_enrolment_rate", region), enrolment, expectedUnits);
                assertFigure(figure("edu_zhongkao_avg_score", region), averageScore, expectedUnits);
            });
        }

        JsonNode ganzhou = get(platform.dashboard + "/api/v1/aggregates/edu_school_count/children?region=360700&period=" + PERIOD);
        Map<String, JsonNode> children = new LinkedHashMap<>();
        ganzhou.get("children").forEach(child -> children.put(child.get("region").asText(), child));
        assertThat(children).hasSize(REGIONS.children(RegionCode.of("360700")).size());
        List<String> reported = List.of("360702", "360703", "360722");
        List<String> byValue = reported.stream()
                .sorted((a, b) -> latest.get(b).get("edu_school_count").compareTo(latest.get(a).get("edu_school_count")))
                .toList();
        for (int i = 0; i < byValue.size(); i++) {
            assertThat(children.get(byValue.get(i)).get("rank").asInt()).as("rank of %s", byValue.get(i)).isEqualTo(i + 1);
        }
    }

    /**
     * Yichun (宜春) reports a quarterly form with targets; one quarter goes through the review. The half-year counts
     * the units that sent both quarters, its completion the units that set a target for it; the accepted figure
     * counts only the accepted quarter; the province's figure is traced to its submissions, and completeness counts
     * who sent a full report of the quarter.
     */
    @Test
    void aReviewedQuarterlyFormRollsUpIsTracedToItsSourcesAndIsCountedForCompleteness() throws Exception {
        String yuanzhou = "360902";
        String fengxin = "360921";
        JsonNode accepted = JSON.readTree(submitQuarter(yuanzhou, "2021Q1", 40, 1_000, 50).body());
        submitQuarter(yuanzhou, "2021Q2", 60, 3_000, 50);
        submitQuarter(fengxin, "2021Q1", 10, 500, 20);
        submitQuarter(fengxin, "2021Q2", 15, 700, null);
        String transitions = platform.intake + "/api/v1/submissions/" + accepted.get("id").asText() + "/transitions";
        assertThat(post(transitions, "{\"action\": \"approve\", \"actor\": \"宜春市科技局\", \"role\": \"reviewer\"}", PROVINCE)
                .statusCode()).isEqualTo(200);
        assertThat(post(transitions, "{\"action\": \"accept\", \"actor\": \"省科技厅\", \"role\": \"province\"}", PROVINCE)
                .statusCode()).isEqualTo(200);

        String halfYear = platform.dashboard + "/api/v1/aggregates/%s?region=360900&period=2021S1";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode contracts = get(halfYear.formatted("sci_tech_contract_count"));
            assertThat(contracts.get("value").decimalValue()).isEqualByComparingTo("125");
            assertThat(contracts.get("reportingUnits").asInt()).isEqualTo(2);
            // only 袁州区 set a target for both quarters: 100 of its 100
            assertThat(contracts.get("target").decimalValue()).isEqualByComparingTo("100");
            assertThat(contracts.get("targetUnits").asInt()).isEqualTo(1);
            assertThat(contracts.get("completion").decimalValue()).isEqualByComparingTo("100");
            // Σ amount ÷ Σ contracts over both quarters: (1000 + 3000 + 500 + 700) / 125
            assertThat(get(halfYear.formatted("sci_tech_contract_avg_amount")).get("value").decimalValue())
                    .isEqualByComparingTo("41.6");
            // of accepted data only 袁州区's first quarter: the half-year is served to that cut-off
            JsonNode acceptedOnly = get(halfYear.formatted("sci_tech_contract_count") + "&status=accepted");
            assertThat(acceptedOnly.get("cutOff").asText()).isEqualTo("2021Q1");
            assertThat(acceptedOnly.get("value").decimalValue()).isEqualByComparingTo("40");
            assertThat(acceptedOnly.get("reportingUnits").asInt()).isEqualTo(1);
        });

        JsonNode lineage = get(platform.dashboard + "/api/v1/aggregates/sci_tech_contract_count/sources?region=360000&period=2021");
        List<String> traced = new ArrayList<>();
        lineage.get("sources").forEach(source -> traced.add(source.get("region").asText() + " " + source.get("period").asText()
                + " v" + source.get("version").asInt() + " " + source.get("reviewStatus").asText()));
        assertThat(traced).containsExactly(yuanzhou + " 2021Q1 v1 ACCEPTED", yuanzhou + " 2021Q2 v1 SUBMITTED",
                fengxin + " 2021Q1 v1 SUBMITTED", fengxin + " 2021Q2 v1 SUBMITTED");

        JsonNode completeness = get(platform.dashboard + "/api/v1/completeness?dataset=sci_quarterly&period=2021Q1&region=360900");
        assertThat(completeness.get("expected").asInt()).isEqualTo(REGIONS.reportingUnitsWithin(RegionCode.of("360900")));
        assertThat(completeness.get("received").asInt()).isEqualTo(2);
        assertThat(completeness.get("missing").asInt()).isEqualTo(completeness.get("expected").asInt() - 2);
    }

    private static HttpResponse<String> submitQuarter(String unit, String quarter, int contracts, int amount, Integer target)
            throws Exception {
        List<Map<String, Object>> values = new ArrayList<>(List.of(
                Map.of("indicator", "sci_tech_contract_count", "value", contracts),
                Map.of("indicator", "sci_tech_contract_amount", "value", amount),
                Map.of("indicator", "sci_innovation_platform_count", "value", 5)));
        if (target != null) {
            values.add(Map.of("indicator", "sci_tech_contract_count", "value", target, "kind", "target"));
        }
        Map<String, Object> body = Map.of("submissionKey", "e2e-" + unit + "-" + quarter, "region", unit,
                "dataset", "sci_quarterly", "period", quarter, "values", values);
        HttpResponse<String> response = post(platform.intake + "/api/v1/submissions", JSON.writeValueAsString(body), unit);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response;
    }

    @Test
    void aBadSubmissionIsRefusedWithAProblemNamingEachField() throws Exception {
        String body = """
                {"submissionKey": "bad-1", "region": "360700", "dataset": "edu_annual", "period": "2020",
                 "values": [{"indicator": "edu_school_count", "value": -3}, {"indicator": "no_such_indicator", "value": 1}]}""";
        HttpResponse<String> response = post(platform.intake + "/api/v1/submissions", body, "360700");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).contains("region", "values[0].value", "values[1].indicator");
        assertThat(get(platform.intake + "/api/v1/submissions?region=360700&dataset=edu_annual&period=2020").toString()).doesNotContain("bad-1");
    }

    /** Plausible figures of one county, its rate rounded to two decimals as counties write it. */
    private static Map<String, BigDecimal> figures(Random random) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        int cohort = 5_000 + random.nextInt(20_000);
        int enrolled = cohort * (80 + random.nextInt(19)) / 100;
        values.put("edu_school_count", BigDecimal.valueOf(50 + random.nextInt(300)));
        values.put("pop_age_3_5", BigDecimal.valueOf(cohort));
        values.put("pre_enrolled_children", BigDecimal.valueOf(enrolled));
        values.put("pre_gross_enrolment_rate",
                BigDecimal.valueOf(enrolled * 100L).divide(BigDecimal.valueOf(cohort), 2, RoundingMode.HALF_UP));
        values.put("edu_zhongkao_candidate_count", BigDecimal.valueOf(2_000 + random.nextInt(8_000)));
        values.put("edu_zhongkao_avg_score", new BigDecimal(450 + random.nextInt(150) + "." + random.nextInt(10)));
        return values;
    }

    private static HttpResponse<String> submit(String unit, String version, Map<String, BigDecimal> values) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        boolean numeratorWithheld = values.containsKey("pre_enrolled_children") && values.get("pre_enrolled_children") == null;
        values.forEach((indicator, value) -> {
            if (indicator.equals("pre_gross_enrolment_rate") && numeratorWithheld) {
                return; // a rate cannot be stated without its components
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("indicator", indicator);
            item.put("value", value);
            if (indicator.equals("pre_gross_enrolment_rate") && unit.equals(RATE_EXPLAINED)) {
                // a stated rate off its components holds the submission unless explained; it never enters a figure
                item.put("explanation", "按户籍适龄儿童口径计算");
            }
            if (value == null) {
                item.put("status", "redacted");
            }
            items.add(item);
        });
        Map<String, Object> body = Map.of(
                "submissionKey", "e2e-" + unit + "-" + version,
                "region", unit, "dataset", "edu_annual", "period", PERIOD, "values", items);
        return post(platform.intake + "/api/v1/submissions", JSON.writeValueAsString(body), unit);
    }

    private static JsonNode figure(String indicator, String region) throws Exception {
        return get(platform.dashboard + "/api/v1/aggregates/" + indicator + "?region=" + region + "&period=" + PERIOD);
    }

    private static void assertFigure(JsonNode actual, Expected expected, int expectedUnits) {
        assertThat(actual.get("reportingUnits").asInt()).as("reporting units of %s", actual).isEqualTo(expected.reportingUnits());
        assertThat(actual.get("withheldUnits").asInt()).as("withheld units of %s", actual).isEqualTo(expected.withheldUnits());
        assertThat(actual.get("expectedUnits").asInt()).as("expected units of %s", actual).isEqualTo(expectedUnits);
        assertThat(actual.get("value").decimalValue().round(PRECISION))
                .as("value of %s", actual)
                .isEqualByComparingTo(expected.value().round(PRECISION));
    }

    private record Expected(BigDecimal value, int reportingUnits, int withheldUnits) {
    }

    private static Expected sum(Map<String, Map<String, BigDecimal>> units, String indicator) {
        BigDecimal total = BigDecimal.ZERO;
        int reporting = 0;
        int withheld = 0;
        for (Map<String, BigDecimal> values : units.values()) {
            if (values.get(indicator) != null) {
                total = total.add(values.get(indicator));
                reporting++;
            } else if (values.containsKey(indicator)) {
                withheld++;
            }
        }
        return new Expected(total, reporting, withheld);
    }

    private static Expected ratio(Map<String, Map<String, BigDecimal>> units, String numerator, String denominator, BigDecimal factor) {
        BigDecimal top = BigDecimal.ZERO;
        BigDecimal bottom = BigDecimal.ZERO;
        int reporting = 0;
        int withheld = 0;
        for (Map<String, BigDecimal> values : units.values()) {
            if (values.get(numerator) != null && values.get(denominator) != null) {
                top = top.add(values.get(numerator));
                bottom = bottom.add(values.get(denominator));
                reporting++;
            } else if (values.containsKey(numerator)) {
                withheld++;
            }
        }
        return new Expected(top.multiply(factor).divide(bottom, MathContext.DECIMAL64), reporting, withheld);
    }

    private static Expected weightedAverage(Map<String, Map<String, BigDecimal>> units, String indicator, String weight) {
        Function<Map<String, BigDecimal>, Boolean> counted = values -> values.get(indicator) != null && values.get(weight) != null;
        BigDecimal weighted = units.values().stream().filter(counted::apply)
                .map(values -> values.get(indicator).multiply(values.get(weight))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal weights = units.values().stream().filter(counted::apply)
                .map(values -> values.get(weight)).reduce(BigDecimal.ZERO, BigDecimal::add);
        int reporting = (int) units.values().stream().filter(counted::apply).count();
        int withheld = (int) units.values().stream().filter(values -> values.containsKey(indicator) && !counted.apply(values)).count();
        return new Expected(weighted.divide(weights, MathContext.DECIMAL64), reporting, withheld);
    }

    /** Posts as {@code region}'s county system, or with {@link #PROVINCE_WIDE} roles for the province. */
    private static HttpResponse<String> post(String url, String body, String region) throws IOException, InterruptedException {
        String token = region.equals(PROVINCE) ? platform.token(PROVINCE, PROVINCE_WIDE) : platform.token(region, Role.REPORTER);
        return platform.post(url, body, token);
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = platform.get(url, platform.token(PROVINCE, PROVINCE_WIDE));
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
