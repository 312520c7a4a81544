package org.reportplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

class EventJsonTest {

    @Test
    void submissionSurvivesTheWireWithExactDecimalsAndRedactions() {
        var event = new SubmissionEvent(UUID.randomUUID(), "k-1", RegionCode.of("360722"), DatasetCode.of("edu_annual"),
                PeriodCode.of("2020"), 2, Instant.parse("2021-01-15T08:00:00Z"),
                List.of(new ReportedValue(IndicatorCode.of("fin_edu_investment_amount"), new BigDecimal("18400.05"), ValueStatus.REPORTED),
                        new ReportedValue(IndicatorCode.of("pre_enrolled_children"), null, ValueStatus.REDACTED),
                        new ReportedValue(IndicatorCode.of("pre_enrolled_children"), new BigDecimal("5000"), ValueStatus.REPORTED,
                                ValueKind.TARGET)),
                ReviewStatus.APPROVED);
        String json = EventJson.write(event);
        assertThat(json).contains("\"region\":\"360722\"", "\"period\":\"2020\"", "\"status\":\"redacted\"", "18400.05",
                "\"kind\":\"target\"", "\"reviewStatus\":\"APPROVED\"");
        assertThat(json).as("no derived properties on the wire").doesNotContain("\"reported\":", "\"accepted\":");
        assertThat(EventJson.read(json, SubmissionEvent.class)).isEqualTo(event);
    }

    @Test
    void eventsWrittenBeforeTargetsAndReviewsReadAsSubmittedActuals() {
        String older = """
                {"submissionId":"6f1c7f5e-8d7a-4c41-9a55-3f0a4d7d9a11","submissionKey":"k-0","region":"360722",
                 "dataset":"edu_annual","period":"2020","version":1,"submittedAt":"2021-01-15T08:00:00Z",
                 "values":[{"indicator":"edu_school_count","value":12,"status":"reported"}]}""";
        SubmissionEvent event = EventJson.read(older, SubmissionEvent.class);
        assertThat(event.reviewStatus()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(event.values()).singleElement().extracting(ReportedValue::kind).isEqualTo(ValueKind.ACTUAL);
    }

    @Test
    void aggregateKeyIsIndicatorRegionPeriodKindBasis() {
        var key = new AggregateKey(IndicatorCode.of("edu_school_count"), RegionCode.of("360700"), PeriodCode.of("2020"),
                ValueKind.TARGET, Basis.ACCEPTED);
        assertThat(key.toString()).isEqualTo("edu_school_count|360700|2020|target|accepted");
        assertThat(AggregateKey.parse(key.toString())).isEqualTo(key);
        assertThatThrownBy(() -> AggregateKey.parse("edu_school_count|360700|2020"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
