package org.reportplatform.indicators.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.indicators.domain.Figure;
import org.reportplatform.indicators.domain.StoredSubmission;
import org.reportplatform.indicators.domain.Tally;

class StateSerdesTest {

    private final Serde<Figure> figures = StateSerdes.figures();
    private final Serde<StoredSubmission> submissions = StateSerdes.submissions();

    @Test
    void aFigureRoundTripsWithEveryDigitScaleAndSign() {
        Tally tally = new Tally(new BigDecimal("12345678901234567890.123456789"), new BigDecimal("-0.10"),
                new BigDecimal("1E+3"), List.of(new BigDecimal("7.0"), new BigDecimal("70"), new BigDecimal("300")),
                300, 1, 2);
        Figure figure = new Figure(tally, List.of(
                new CountedSubmission(UUID.randomUUID(), DatasetCode.of("sci_quarterly"), PeriodCode.of("2024Q1"), 1),
                new CountedSubmission(UUID.randomUUID(), DatasetCode.of("sci_quarterly"), PeriodCode.of("2024Q2"), 200)));

        Figure read = figures.deserializer().deserialize("any", figures.serializer().serialize("any", figure));

        assertThat(read).isEqualTo(figure);
        assertThat(read.tally().sum().scale()).isEqualTo(9);
        assertThat(read.tally().denominator().scale()).isEqualTo(-3);
    }

    @Test
    void aStoredSubmissionRoundTripsAndIsAFractionOfItsJson() {
        StoredSubmission submission = new StoredSubmission(UUID.randomUUID(), DatasetCode.of("edu_annual"),
                PeriodCode.of("2023"), 4, Instant.parse("2024-01-15T02:00:00.123456789Z"), List.of(
                new ReportedValue(IndicatorCode.of("edu_schools"), new BigDecimal("120"), ValueStatus.REPORTED),
                new ReportedValue(IndicatorCode.of("edu_students"), null, ValueStatus.REDACTED),
                new ReportedValue(IndicatorCode.of("edu_teachers"), null, ValueStatus.MISSING),
                new ReportedValue(IndicatorCode.of("edu_schools"), new BigDecimal("125.5"), ValueStatus.REPORTED,
                        ValueKind.TARGET)));

        byte[] bytes = submissions.serializer().serialize("any", submission);

        assertThat(submissions.deserializer().deserialize("any", bytes)).isEqualTo(submission);
        assertThat(bytes.length).as("the JSON of the same values is " + EventJson.write(submission).length() + " bytes")
                .isLessThan(EventJson.write(submission).getBytes(StandardCharsets.UTF_8).length / 2);
    }

    @Test
    void tombstonesPassThrough() {
        assertThat(figures.serializer().serialize("any", null)).isNull();
        assertThat(figures.deserializer().deserialize("any", null)).isNull();
        assertThat(submissions.serializer().serialize("any", null)).isNull();
    }
}
