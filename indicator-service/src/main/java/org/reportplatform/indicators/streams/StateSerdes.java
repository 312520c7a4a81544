package org.reportplatform.indicators.streams;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.indicators.domain.Figure;
import org.reportplatform.indicators.domain.StoredSubmission;
import org.reportplatform.indicators.domain.Tally;

/**
 * Compact binary encodings of the state this service keeps, for its stores and their changelogs (docs/adr/0018):
 * counts and lengths as varints, a {@link BigDecimal} as its scale and unscaled two's-complement bytes, so nothing is
 * rounded; codes as length-prefixed UTF-8. Enums are written as their index in a list fixed here, never by ordinal,
 * so reordering an enum cannot change what stored bytes mean. A null passes through as null (a tombstone).
 */
final class StateSerdes {

    private static final List<ValueKind> KINDS = List.of(ValueKind.ACTUAL, ValueKind.TARGET);
    private static final List<ValueStatus> STATUSES = List.of(ValueStatus.REPORTED, ValueStatus.REDACTED, ValueStatus.MISSING);

    private StateSerdes() {
    }

    static Serde<StoredSubmission> submissions() {
        return serde(StateSerdes::writeSubmission, StateSerdes::readSubmission);
    }

    static Serde<Figure> figures() {
        return serde(StateSerdes::writeFigure, StateSerdes::readFigure);
    }

    private static <T> Serde<T> serde(BiConsumer<Output, T> writer, Function<Input, T> reader) {
        return Serdes.serdeFrom(
                (topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    Output out = new Output();
                    writer.accept(out, value);
                    return out.toByteArray();
                },
                (topic, bytes) -> bytes == null ? null : reader.apply(new Input(bytes)));
    }

    private static void writeSubmission(Output out, StoredSubmission submission) {
        out.uuid(submission.submissionId());
        out.string(submission.dataset().value());
        out.string(submission.period().value());
        out.varint(submission.version());
        out.instant(submission.submittedAt());
        out.varint(submission.values().size());
        for (ReportedValue value : submission.values()) {
            out.string(value.indicator().value());
            out.varint(KINDS.indexOf(value.kind()));
            out.varint(STATUSES.indexOf(value.status()));
            if (value.isReported()) {
                out.decimal(value.value());
            }
        }
    }

    private static StoredSubmission readSubmission(Input in) {
        UUID id = in.uuid();
        DatasetCode dataset = DatasetCode.of(in.string());
        PeriodCode period = PeriodCode.of(in.string());
        int version = in.varint();
        Instant submittedAt = in.instant();
        int count = in.varint();
        List<ReportedValue> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            IndicatorCode indicator = IndicatorCode.of(in.string());
            ValueKind kind = KINDS.get(in.varint());
            ValueStatus status = STATUSES.get(in.varint());
            values.add(new ReportedValue(indicator, status == ValueStatus.REPORTED ? in.decimal() : null, status, kind));
        }
        return new StoredSubmission(id, dataset, period, version, submittedAt, values);
    }

    private static void writeFigure(Output out, Figure figure) {
        Tally tally = figure.tally();
        out.decimal(tally.sum());
        out.decimal(tally.numerator());
        out.decimal(tally.denominator());
        out.varint(tally.maxCandidates().size());
        tally.maxCandidates().forEach(out::decimal);
        out.varint(tally.reportingUnits());
        out.varint(tally.withheldUnits());
        out.varint(tally.incompleteUnits());
        out.varint(figure.sources().size());
        for (CountedSubmission source : figure.sources()) {
            out.uuid(source.submissionId());
            out.string(source.dataset().value());
            out.string(source.period().value());
            out.varint(source.version());
        }
    }

    private static Figure readFigure(Input in) {
        BigDecimal sum = in.decimal();
        BigDecimal numerator = in.decimal();
        BigDecimal denominator = in.decimal();
        int candidates = in.varint();
        List<BigDecimal> maxCandidates = new ArrayList<>(candidates);
        for (int i = 0; i < candidates; i++) {
            maxCandidates.add(in.decimal());
        }
        Tally tally = new Tally(sum, numerator, denominator, maxCandidates, in.varint(), in.varint(), in.varint());
        int count = in.varint();
        List<CountedSubmission> sources = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sources.add(new CountedSubmission(in.uuid(), DatasetCode.of(in.string()), PeriodCode.of(in.string()),
                    in.varint()));
        }
        return new Figure(tally, sources);
    }

    private static final class Output {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

        /** A non-negative int in 7-bit groups, low first. */
        void varint(int value) {
            varlong(value);
        }

        void varlong(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("a varint is never negative: " + value);
            }
            while ((value & ~0x7FL) != 0) {
                bytes.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            bytes.write((int) value);
        }

        /** Any long, zig-zag encoded so that small negatives stay short. */
        void signed(long value) {
            varlong((value << 1) ^ (value >> 63));
        }

        void bytes(byte[] value) {
            varint(value.length);
            bytes.writeBytes(value);
        }

        void string(String value) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        void decimal(BigDecimal value) {
            signed(value.scale());
            bytes(value.unscaledValue().toByteArray());
        }

        void instant(Instant value) {
            signed(value.getEpochSecond());
            varint(value.getNano());
        }

        void uuid(UUID value) {
            ByteBuffer buffer = ByteBuffer.allocate(16);
            buffer.putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
            bytes.writeBytes(buffer.array());
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }

    private static final class Input {

        private final ByteBuffer buffer;

        Input(byte[] bytes) {
            this.buffer = ByteBuffer.wrap(bytes);
        }

        int varint() {
            return Math.toIntExact(varlong());
        }

        long varlong() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte next = buffer.get();
                value |= (long) (next & 0x7F) << shift;
                if (next >= 0) {
                    return value;
                }
            }
        }

        long signed() {
            long zigZag = varlong();
            return (zigZag >>> 1) ^ -(zigZag & 1);
        }

        byte[] bytes() {
            byte[] value = new byte[varint()];
            buffer.get(value);
            return value;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        BigDecimal decimal() {
            int scale = Math.toIntExact(signed());
            return new BigDecimal(new BigInteger(bytes()), scale);
        }

        Instant instant() {
            long seconds = signed();
            return Instant.ofEpochSecond(seconds, varint());
        }

        UUID uuid() {
            return new UUID(buffer.getLong(), buffer.getLong());
        }
    }
}
