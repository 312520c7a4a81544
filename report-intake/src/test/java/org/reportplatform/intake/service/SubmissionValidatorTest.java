package org.reportplatform.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.contracts.rules.ValidationRules;
import org.reportplatform.intake.config.IntakeConfig;
import org.reportplatform.intake.rest.SubmissionRequest;

/** The validator on its own, at a pinned moment: what a region may state, and where a reporting period ends. */
class SubmissionValidatorTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final RegionRegistry REGIONS = RegionRegistry.load();
    private static final RuleChecker RULES = new RuleChecker(ValidationRules.load(CATALOGUE), CATALOGUE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCityOrTheProvinceMayStateItsOwnTargetsOnly() {
        SubmissionValidator validator = at("2024-06-01T00:00:00Z");

        assertThat(validator.validate(request("360700", "sci_quarterly", "2024", "{\"indicator\": \"sci_tech_contract_count\", \"value\": 900, \"kind\": \"target\"}")))
                .isEmpty();
        assertThat(validator.validate(request("360000", "edu_annual", "2025",
                "{\"indicator\": \"pre_gross_enrolment_rate\", \"value\": 92, \"kind\": \"target\"}"))).isEmpty();
        assertThat(validator.validate(request("360700", "sci_quarterly", "2023Q4",
                "{\"indicator\": \"sci_tech_contract_count\", \"value\": 900, \"kind\": \"target\"}",
                "{\"indicator\": \"sci_tech_contract_count\", \"value\": 880}")))
                .extracting(FieldError::field, FieldError::messageZh)
                .containsExactly(tuple("region", "360700 是设区市；实际值由县级单位报送，设区市和省只报送本级目标值"));
        // a target that names no known indicator is that value's error, not the region's
        assertThat(validator.validate(request("360700", "sci_quarterly", "2024",
                "{\"indicator\": \"sci_unicorn_count\", \"value\": 1, \"kind\": \"target\"}")))
                .extracting(FieldError::field).containsExactly("values[0].indicator");
    }

    @Test
    void aUnitReportsAPeriodUnderTheCodeInUseThen() {
        SubmissionValidator validator = at("2024-06-01T00:00:00Z");
        String schools = "{\"indicator\": \"edu_school_count\", \"value\": 210}";
        // 赣县 360721 until 2015, 赣县区 360704 from 2016; 红谷滩区 360113 from 2019
        assertThat(validator.validate(request("360721", "edu_annual", "2015", schools))).isEmpty();
        assertThat(validator.validate(request("360704", "edu_annual", "2016", schools))).isEmpty();
        assertThat(validator.validate(request("360721", "edu_annual", "2017", schools)))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("region");
                    assertThat(error.message()).contains("not in use in 2017", "report it as 360704");
                    assertThat(error.messageZh()).contains("不是有效的区划代码");
                });
        assertThat(validator.validate(request("360704", "edu_annual", "2015", schools)))
                .singleElement().satisfies(error -> assertThat(error.message()).contains("report it as 360721"));
        assertThat(validator.validate(request("360113", "edu_annual", "2017", schools)))
                .singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("region"));
    }

    @Test
    void aPeriodEndsAtMidnightInChinaNotOnTheServersClock() {
        String quarter = "{\"indicator\": \"sci_tech_contract_count\", \"value\": 12}";
        // 23:30 on 31 March in Shanghai: 2024Q1 has not ended there, though it is 15:30 UTC
        assertThat(at("2024-03-31T15:30:00Z").validate(request("360722", "sci_quarterly", "2024Q1", quarter)))
                .extracting(FieldError::field, FieldError::messageZh)
                .containsExactly(tuple("period",
                        "报告期未结束：2024Q1 于 2024-03-31 结束，实际值次日起方可报送（目标值现在即可单独报送）"));
        // 00:30 on 1 April in Shanghai, still 31 March in UTC
        assertThat(at("2024-03-31T16:30:00Z").validate(request("360722", "sci_quarterly", "2024Q1", quarter))).isEmpty();
    }

    @Test
    void targetsReachFiveYearsAheadAndNoFurther() {
        SubmissionValidator validator = at("2024-06-01T00:00:00Z");
        String target = "{\"indicator\": \"edu_school_count\", \"value\": 330, \"kind\": \"target\"}";

        assertThat(validator.validate(request("360722", "edu_annual", "2029", target))).isEmpty();
        assertThat(validator.validate(request("360722", "edu_annual", "2030", target)))
                .extracting(FieldError::field).containsExactly("period");
        assertThat(validator.validate(request("360722", "edu_annual", "2019", target))).isEmpty();
    }

    private static SubmissionValidator at(String instant) {
        return new SubmissionValidator(REGIONS, CATALOGUE, MAX_500_VALUES, RULES, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    /** Read as the API reads a body, so that the values are what Jackson makes of them. */
    private static SubmissionRequest request(String region, String dataset, String period, String... values) {
        String body = "{\"submissionKey\": \"k\", \"region\": \"%s\", \"dataset\": \"%s\", \"period\": \"%s\", \"values\": [%s]}"
                .formatted(region, dataset, period, String.join(", ", values));
        try {
            return JSON.readValue(body, SubmissionRequest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(body, e);
        }
    }

    private static final IntakeConfig MAX_500_VALUES = new IntakeConfig() {
        @Override
        public int maxValues() {
            return 500;
        }

        @Override
        public MemorySize maxBodySize() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int verifiedTokenCacheSize() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Outbox outbox() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Extraction extraction() {
            throw new UnsupportedOperationException();
        }
    };
}
